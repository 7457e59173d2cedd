import type { AuditEntry } from '../../../modules/audit/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
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

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
