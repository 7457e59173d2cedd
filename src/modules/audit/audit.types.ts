/** What the audit log records. Add an action here before recording it. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_changed',
  'auth.reset_link_mailed',
  'auth.password_reset',
  'staff.created',
  'staff.invited',
  'staff.role_changed',
  'staff.deactivated',
  'staff.invitation_accepted',
  'staff.author_linked',
  'section.created',
  'section.updated',
  'section.moved',
  'author.created',
  'author.updated',
  'tag.renamed',
  'settings.updated',
  'edition.created',
  'edition.updated',
  'edition.switched_on',
  'edition.switched_off',
  'story.published',
  'story.scheduled',
  'story.unpublished',
  'story.deleted',
  'story.corrected',
  'story.revision_restored',
  'media.uploaded',
  'curation.pick_added',
  'curation.pick_removed',
  'curation.pick_moved',
  'curation.pick_expiry_changed',
  'curation.lead_changed',
  'curation.banner_set',
  'curation.banner_cleared',
  'reader.reset_link_created',
  'comment.approved',
  'comment.hidden',
  'comment.deleted',
  'comment.reports_dismissed',
  'reader.banned',
  'reader.unbanned',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'api_key.created',
  'api_key.revoked',
  'redirect.added',
  'redirect.removed',
  'import.started',
  'import.finished',
  'subscribers.exported',
  'subscribers.imported',
  'subscriber.unsubscribed',
  'subscriber.erased',
  'live.update_posted',
  'live.update_edited',
  'live.update_deleted',
  'live.summary_saved',
  'live.ended',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: Date;
  actorUserId: string | null;
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export interface AuditRecord {
  actorUserId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  /** Never a password, token or hash. */
  details?: Record<string, unknown>;
}
