import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { insertAuditEntry, listAuditEntries } from './audit.repository.js';
import type { AuditAction, AuditEntry, AuditRecord } from './audit.types.js';

/** The newsroom's audit log: who did what (AUDIT_ACTIONS in audit.types.ts), for admins to read. */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Records an entry; pass a transaction as `db` to make it part of the change it describes. */
  async record(record: AuditRecord, db: Db = this.db): Promise<void> {
    await insertAuditEntry(db, record, this.clock.now());
  }

  list(options: { limit: number; offset?: number; action?: AuditAction }): Promise<AuditEntry[]> {
    return listAuditEntries(this.db, options);
  }
}
