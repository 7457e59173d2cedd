import type { AuditAction, AuditEntry } from '../../../modules/audit/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/**
 * What each action reads as. A Record over every action, so an action added to AUDIT_ACTIONS does
 * not compile until it has a label here; the code stays beside it for searching and filtering.
 */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Password changed',
  'auth.reset_link_mailed': 'Password-reset link mailed',
  'auth.password_reset': 'Password reset by mailed link',
  'staff.created': 'Staff account created',
  'staff.invited': 'Staff member invited',
  'staff.role_changed': 'Staff role changed',
  'staff.deactivated': 'Staff account deactivated',
  'staff.invitation_accepted': 'Invitation accepted',
  'staff.author_linked': 'Staff account linked to an author',
  'section.created': 'Section created',
  'section.updated': 'Section updated',
  'section.moved': 'Section moved',
  'author.created': 'Author created',
  'author.updated': 'Author updated',
  'tag.renamed': 'Tag renamed',
  'settings.updated': 'Settings updated',
  'edition.created': 'Edition added',
  'edition.updated': 'Edition changed',
  'edition.switched_on': 'Edition switched on',
  'edition.switched_off': 'Edition switched off',
  'story.published': 'Story published',
  'story.scheduled': 'Story scheduled',
  'story.unpublished': 'Story unpublished',
  'story.deleted': 'Story deleted',
  'story.corrected': 'Correction or update added to a story',
  'story.revision_restored': 'Story revision restored',
  'media.uploaded': 'Image uploaded',
  'curation.pick_added': 'Must-Read added',
  'curation.pick_removed': 'Must-Read removed',
  'curation.pick_moved': 'Must-Read moved',
  'curation.pick_expiry_changed': 'Must-Read expiry changed',
  'curation.lead_changed': 'Lead story changed',
  'curation.banner_set': 'Breaking-news banner set',
  'curation.banner_cleared': 'Breaking-news banner removed',
  'reader.reset_link_created': 'Reader password-reset link created',
  'comment.approved': 'Comment approved',
  'comment.hidden': 'Comment hidden',
  'comment.deleted': 'Comment deleted',
  'comment.reports_dismissed': 'Comment reports dismissed',
  'reader.banned': 'Reader banned from commenting',
  'reader.unbanned': 'Reader allowed to comment again',
  'webhook.created': 'Webhook created',
  'webhook.updated': 'Webhook updated',
  'webhook.deleted': 'Webhook deleted',
  'webhook.secret_rotated': 'Webhook secret rotated',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'redirect.added': 'Redirect added',
  'redirect.removed': 'Redirect removed',
  'import.started': 'Import started',
  'import.finished': 'Import finished',
  'subscribers.exported': 'Subscribers exported',
  'subscribers.imported': 'Subscribers imported',
  'subscriber.unsubscribed': 'Subscriber unsubscribed',
  'subscriber.erased': 'Subscriber deleted',
};

/** The audit log, newest first, read-only: who did what and when. */
export function AuditLogPage({
  site,
  viewer,
  entries,
  names,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  entries: readonly AuditEntry[];
  /** Display names of the actors, by user id. */
  names: ReadonlyMap<string, string>;
}) {
  return (
    <NewsroomLayout site={site} title="Audit log" viewer={viewer} current={newsroomPaths.audit()}>
      <h1>Audit log</h1>
      {entries.length === 0 ? (
        <p class="empty-note">Nothing has been recorded yet.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={<>The latest {entries.length} entries, newest first</>}
          columns={['When', 'Action', 'By', 'Details']}
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, site.publication)}</time>
              </td>
              <td>
                {actionLabel(entry.action)}
                <br />
                <code>{entry.action}</code>
              </td>
              <td>{entry.actorUserId ? (names.get(entry.actorUserId) ?? 'Removed account') : 'Nobody signed in'}</td>
              <td class="audit-details">{describeDetails(entry.details)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}

/** An entry written by an older version may hold an action no longer listed: its code stands in. */
function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Partial<Record<string, string>>)[action] ?? action;
}

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
