import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { OutgoingMail } from './mail.types.js';

/** RFC 5321's limit on a forward path, which every address must fit. */
export const MAX_ADDRESS_LENGTH = 254;
const MAX_NAME_LENGTH = 200;
/** Well under RFC 5322's 998-character line; clients cut long subjects anyway. */
const MAX_SUBJECT_LENGTH = 300;
const MAX_HEADER_VALUE_LENGTH = 2000;
const MAX_HEADERS = 20;
// RFC 5322 field names: printable ASCII but the colon.
const HEADER_NAME = /^[!-9;-~]{1,76}$/;
// Any control character (CR, LF and NUL among them), and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/**
 * Headers the queue writes itself: a feature's extra headers may never replace them, so no header
 * can add a recipient (Cc, Bcc) or change who the message claims to be from.
 */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'sender',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
  'dkim-signature',
]);
const emailSchema = z.email();

/** Whether `address` is one plain address the queue accepts (syntax, length, no CR/LF). */
export function isMailAddress(address: string): boolean {
  return address.length <= MAX_ADDRESS_LENGTH && !CONTROL.test(address) && emailSchema.safeParse(address).success;
}

/**
 * Refuses what could not be sent as given, or could inject headers: throws ERR_MAIL_ADDRESS_INVALID
 * for the address and ERR_MAIL_HEADER_INVALID for the name, subject and extra headers.
 */
export function assertSendable(mail: OutgoingMail): void {
  if (typeof mail.to !== 'string' || !isMailAddress(mail.to)) throw new AppError('ERR_MAIL_ADDRESS_INVALID');
  if (mail.toName !== undefined && !isHeaderText(mail.toName, MAX_NAME_LENGTH, true)) throw new AppError('ERR_MAIL_HEADER_INVALID');
  if (!isHeaderText(mail.subject, MAX_SUBJECT_LENGTH, false)) throw new AppError('ERR_MAIL_HEADER_INVALID');
  const headers = Object.entries(mail.headers ?? {});
  if (headers.length > MAX_HEADERS) throw new AppError('ERR_MAIL_HEADER_INVALID');
  for (const [name, value] of headers) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) throw new AppError('ERR_MAIL_HEADER_INVALID');
    if (!isHeaderText(value, MAX_HEADER_VALUE_LENGTH, false)) throw new AppError('ERR_MAIL_HEADER_INVALID');
  }
  if (typeof mail.html !== 'string' || typeof mail.text !== 'string' || mail.html === '' || mail.text === '') {
    throw new AppError('ERR_MAIL_HEADER_INVALID', 'a message needs an HTML and a text part');
  }
}

function isHeaderText(value: unknown, max: number, mayBeEmpty: boolean): boolean {
  if (typeof value !== 'string') return false;
  if (!mayBeEmpty && value.trim() === '') return false;
  return value.length <= max && !CONTROL.test(value);
}
