import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import type { AuditAction, AuditEntry, AuditRecord } from './audit.types.js';

export async function insertAuditEntry(db: Db, record: AuditRecord, at: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: at.toISOString(),
      actor_user_id: record.actorUserId,
      action: record.action,
      subject_type: record.subjectType ?? null,
      subject_id: record.subjectId ?? null,
      details: JSON.stringify(record.details ?? {}),
    })
    .execute();
}

/** Newest first. */
export async function listAuditEntries(db: Db, options: { limit: number; offset?: number; action?: AuditAction }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (options.action) query = query.where('action', '=', options.action);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at),
    actorUserId: row.actor_user_id,
    action: row.action as AuditAction,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
