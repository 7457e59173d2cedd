// The audit module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { AuditService } from './audit.service.js';
export { AUDIT_ACTIONS } from './audit.types.js';
export type { AuditAction, AuditEntry, AuditRecord } from './audit.types.js';
