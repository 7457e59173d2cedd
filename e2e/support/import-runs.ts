import type { Deps } from '../../src/deps.js';
import type { ImportReport } from '../../src/modules/imports/index.js';
import { newId } from '../../src/shared/ids.js';

/** A finished run's report as the importer writes one: every part of the page's report has something to show. */
export function sampleReport(now: Date): ImportReport {
  const problem = (kind: string, sourceId: string, label: string, reason: string) => ({ kind, sourceId, label, reason });
  return {
    source: 'wordpress:https://harbour-gazette.example',
    dryRun: false,
    counts: {
      post: { imported: 148, updated: 0, unchanged: 0, skipped: 2, failed: 1 },
      page: { imported: 2, updated: 0, unchanged: 0, skipped: 1, failed: 0 },
      comment: { imported: 310, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
      image: { imported: 40, updated: 0, unchanged: 0, skipped: 0, failed: 3 },
    },
    skipped: [
      problem('post', '17', 'A private memo', 'its status is private'),
      problem('post', '18', 'Draft in the bin', 'its status is trash'),
      problem('page', '2', 'Shop', 'Dateline has no free-standing pages yet'),
    ],
    failed: [
      problem('post', '41', 'line 2210', 'line 2210, column 14: undefined entity &nbsp'),
      problem('image', 'https://harbour-gazette.example/wp-content/uploads/2024/05/pier.jpg', 'Pier 4', 'not fetched (fetching is off)'),
    ],
    warnings: [problem('post', '101', 'Council approves a new ferry terminal', 'an embed was kept as a link')],
    startedAt: new Date(now.getTime() - 90_000).toISOString(),
    finishedAt: now.toISOString(),
    timings: { scanMs: 1200, writeMs: 80_000, rebuildMs: 9000 },
  };
}

/**
 * A run as the Import page lists it, written straight into the table: `running` as if another node
 * were running it now (its heartbeat fresh), `finished` with a report, or `failed` with a reason.
 */
export async function insertImportRun(deps: Pick<Deps, 'db'>, state: 'running' | 'finished' | 'failed', startedBy: string): Promise<string> {
  const id = newId();
  const now = new Date();
  const at = now.toISOString();
  const ended = state !== 'running';
  await deps.db
    .insertInto('import_runs')
    .values({
      id,
      kind: 'wordpress',
      file_name: `harbour-gazette.WordPress.2024-06-03-${state}.xml`,
      file_bytes: 48 * 1024 * 1024,
      status: state,
      active: ended ? null : 1,
      dry_run: 0,
      options: JSON.stringify({ sectionMap: [['city-hall', 'world']], unmapped: 'sections', fetchImages: true, dryRun: false }),
      done: state === 'finished' ? 151 : 64,
      total: 151,
      node_id: 'another-node',
      started_by: startedBy,
      created_at: new Date(now.getTime() - 90_000).toISOString(),
      started_at: new Date(now.getTime() - 89_000).toISOString(),
      heartbeat_at: at,
      finished_at: ended ? at : null,
      error: state === 'failed' ? 'Interrupted: run it again to resume. The server stopped before the import finished.' : null,
      report: state === 'finished' ? JSON.stringify(sampleReport(now)) : null,
    })
    .execute();
  return id;
}
