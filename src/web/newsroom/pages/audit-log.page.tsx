import type { AuditAction, AuditEntry } from '../../../modules/audit/index.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/**
 * What each action reads as: its catalogue key, so each language has its own words. A Record over
 * every action, so an action added to AUDIT_ACTIONS does not compile until it has a label here; the
 * code stays beside it for searching and filtering.
 */
export const AUDIT_ACTION_LABELS = {
  'auth.sign_in': 'nr.audit.auth.sign_in',
  'auth.sign_in_failed': 'nr.audit.auth.sign_in_failed',
  'auth.sign_out': 'nr.audit.auth.sign_out',
  'auth.password_changed': 'nr.audit.auth.password_changed',
  'auth.reset_link_mailed': 'nr.audit.auth.reset_link_mailed',
  'auth.password_reset': 'nr.audit.auth.password_reset',
  'staff.created': 'nr.audit.staff.created',
  'staff.invited': 'nr.audit.staff.invited',
  'staff.role_changed': 'nr.audit.staff.role_changed',
  'staff.deactivated': 'nr.audit.staff.deactivated',
  'staff.invitation_accepted': 'nr.audit.staff.invitation_accepted',
  'staff.author_linked': 'nr.audit.staff.author_linked',
  'section.created': 'nr.audit.section.created',
  'section.updated': 'nr.audit.section.updated',
  'section.moved': 'nr.audit.section.moved',
  'author.created': 'nr.audit.author.created',
  'author.updated': 'nr.audit.author.updated',
  'tag.renamed': 'nr.audit.tag.renamed',
  'settings.updated': 'nr.audit.settings.updated',
  'edition.created': 'nr.audit.edition.created',
  'edition.updated': 'nr.audit.edition.updated',
  'edition.switched_on': 'nr.audit.edition.switched_on',
  'edition.switched_off': 'nr.audit.edition.switched_off',
  'story.published': 'nr.audit.story.published',
  'story.scheduled': 'nr.audit.story.scheduled',
  'story.unpublished': 'nr.audit.story.unpublished',
  'story.deleted': 'nr.audit.story.deleted',
  'story.corrected': 'nr.audit.story.corrected',
  'story.revision_restored': 'nr.audit.story.revision_restored',
  'media.uploaded': 'nr.audit.media.uploaded',
  'curation.pick_added': 'nr.audit.curation.pick_added',
  'curation.pick_removed': 'nr.audit.curation.pick_removed',
  'curation.pick_moved': 'nr.audit.curation.pick_moved',
  'curation.pick_expiry_changed': 'nr.audit.curation.pick_expiry_changed',
  'curation.lead_changed': 'nr.audit.curation.lead_changed',
  'curation.banner_set': 'nr.audit.curation.banner_set',
  'curation.banner_cleared': 'nr.audit.curation.banner_cleared',
  'reader.reset_link_created': 'nr.audit.reader.reset_link_created',
  'comment.approved': 'nr.audit.comment.approved',
  'comment.hidden': 'nr.audit.comment.hidden',
  'comment.deleted': 'nr.audit.comment.deleted',
  'comment.reports_dismissed': 'nr.audit.comment.reports_dismissed',
  'reader.banned': 'nr.audit.reader.banned',
  'reader.unbanned': 'nr.audit.reader.unbanned',
  'webhook.created': 'nr.audit.webhook.created',
  'webhook.updated': 'nr.audit.webhook.updated',
  'webhook.deleted': 'nr.audit.webhook.deleted',
  'webhook.secret_rotated': 'nr.audit.webhook.secret_rotated',
  'api_key.created': 'nr.audit.api_key.created',
  'api_key.revoked': 'nr.audit.api_key.revoked',
  'redirect.added': 'nr.audit.redirect.added',
  'redirect.removed': 'nr.audit.redirect.removed',
  'import.started': 'nr.audit.import.started',
  'import.finished': 'nr.audit.import.finished',
  'subscribers.exported': 'nr.audit.subscribers.exported',
  'subscribers.imported': 'nr.audit.subscribers.imported',
  'subscriber.unsubscribed': 'nr.audit.subscriber.unsubscribed',
  'subscriber.erased': 'nr.audit.subscriber.erased',
  'live.update_posted': 'nr.audit.live.update_posted',
  'live.update_edited': 'nr.audit.live.update_edited',
  'live.update_deleted': 'nr.audit.live.update_deleted',
  'live.summary_saved': 'nr.audit.live.summary_saved',
  'live.ended': 'nr.audit.live.ended',
} as const satisfies Record<AuditAction, MessageKey>;

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
  const translator = newsroomTranslator(site, viewer);
  const { t, dateTime } = translator;
  return (
    <NewsroomLayout site={site} title={t('nr.nav.audit')} viewer={viewer} current={newsroomPaths.audit()}>
      <h1>{t('nr.nav.audit')}</h1>
      {entries.length === 0 ? (
        <p class="empty-note">{t('nr.audit.empty')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.audit.caption', { count: entries.length })}
          columns={[t('nr.audit.when'), t('nr.audit.action'), t('nr.audit.by'), t('nr.audit.details')]}
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at.toISOString()}>{dateTime(entry.at, site.publication.timeZone)}</time>
              </td>
              <td>
                {actionLabel(entry.action, translator)}
                <br />
                <code>{entry.action}</code>
              </td>
              <td>{entry.actorUserId ? (names.get(entry.actorUserId) ?? t('nr.audit.removedAccount')) : t('nr.audit.nobody')}</td>
              <td class="audit-details">{describeDetails(entry.details)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}

/** An entry written by an older version may hold an action no longer listed: its code stands in. */
function actionLabel(action: string, translator: Pick<Translator, 't'>): string {
  const key = (AUDIT_ACTION_LABELS as Partial<Record<string, MessageKey>>)[action];
  // The key's text has no placeholders; the cast picks one such key for `t`'s parameter check.
  return key ? translator.t(key as 'nr.audit.story.published') : action;
}

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
