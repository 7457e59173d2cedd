import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MailMessagesTable } from '../../db/schema.js';
import { MAIL_STATUSES, type MailMessage, type MailStatus, type MailSummary, type OutgoingMail } from './mail.types.js';

export async function insertMessage(db: Db, id: string, mail: OutgoingMail, now: Date): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({
      id,
      kind: mail.kind,
      to_address: mail.to,
      to_name: mail.toName ?? null,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      batch_id: mail.batchId ?? null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      lease_token: null,
      lease_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

export async function findMessage(db: Db, id: string): Promise<MailMessage | undefined> {
  const row = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

export function toStatus(value: string): MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(value) ? (value as MailStatus) : 'queued';
}

export function toSummary(row: Omit<Selectable<MailMessagesTable>, 'html' | 'text' | 'headers' | 'lease_token' | 'lease_until'>): MailSummary {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    batchId: row.batch_id,
    status: toStatus(row.status),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  };
}

export function toMessage(row: Selectable<MailMessagesTable>): MailMessage {
  return { ...toSummary(row), html: row.html, text: row.text, headers: parseHeaders(row.headers) };
}

export function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
