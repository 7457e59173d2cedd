import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

/** Far more than a 2,000-byte comment with its form fields needs; anything larger is refused unread. */
export const COMMENT_BODY_LIMIT = 16 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Form and JSON bodies for the comment routes, decoded strictly. @fastify/formbody (and URLSearchParams)
 * quietly turn bad bytes into U+FFFD and leave undecodable `%FF` escapes as literal text, so a comment
 * would be stored with text the reader never wrote. Here raw bytes must be valid UTF-8 and every
 * percent-escape must decode to valid UTF-8, or the request is a 400 (ERR_COMMENT_INVALID_ENCODING).
 */
export function registerCommentBodyParsers(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: COMMENT_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, parseUrlEncoded(decodeUtf8(body as Buffer)));
    } catch (error) {
      done(error as Error);
    }
  });
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: COMMENT_BODY_LIMIT }, (_request, body, done) => {
    try {
      const parsed: unknown = JSON.parse(decodeUtf8(body as Buffer));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('ERR_BAD_REQUEST');
      done(null, parsed);
    } catch (error) {
      done(error instanceof AppError ? error : new AppError('ERR_BAD_REQUEST'));
    }
  });
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new AppError('ERR_COMMENT_INVALID_ENCODING');
  }
}

/** `a=1&b=two+words`, the first value of each name kept; a null prototype so `__proto__` is just a name. */
export function parseUrlEncoded(text: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeComponent(pair.slice(equals + 1));
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new AppError('ERR_COMMENT_INVALID_ENCODING');
  }
}
