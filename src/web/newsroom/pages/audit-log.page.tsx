import type { AuditEntry } from '../../../modules/audit/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

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
        <div class="newsroom-table-wrap">
          <table class="newsroom-table">
            <caption>The latest {entries.length} entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, site.publication)}</time>
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.actorUserId ? (names.get(entry.actorUserId) ?? 'Removed account') : 'Nobody signed in'}</td>
                  <td class="audit-details">{describeDetails(entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </NewsroomLayout>
  );
}

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
