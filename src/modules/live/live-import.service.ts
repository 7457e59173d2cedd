import type { Db } from '../../db/database.js';
import { bodyFigureIds, serializeBody } from '../../shared/article-body.js';
import { newId } from '../../shared/ids.js';
import { findMediaByIds } from '../media/index.js';
import { checkSummaryText, checkUpdateText } from './live-input.js';
import { ensureCoverage, insertUpdate, markEnded, nextSequence, saveSummary, updateUpdate } from './live.repository.js';

/**
 * Who imported updates were posted by when the importer names no staff account. Staff ids are
 * UUIDs, so this matches none: reporters cannot change imported updates as their own, editors
 * ('live.manage') can. The column has no foreign key for this reason (accounts may go, updates stay).
 */
export const LIVE_IMPORT_USER_ID = 'import';

/** One update brought in whole (the demo, an archive), with its own times. */
export interface LiveUpdateImport {
  /** Markdown, as the composer takes it (same rules and limits). */
  markdown: string;
  authorName: string;
  authorId: string | null;
  /** The posting staff account; absent, LIVE_IMPORT_USER_ID. */
  userId?: string;
  keyEvent: boolean;
  pinned: boolean;
  createdAt: Date;
  editedAt?: Date | null;
}

/** A story's whole live coverage: its key points, its updates, and when it ended (null: still live). */
export interface LiveCoverageImport {
  articleId: string;
  summary: readonly string[];
  endedAt: Date | null;
  updates: readonly LiveUpdateImport[];
}

/**
 * Writes a story's live coverage (appending to any it has), replaying it change by change through
 * the live repository: the updates take sequences 1..n in creation order, then each edit the next
 * number (an edited update's sequence is its edit's), then the key points, then the ending, so
 * `last_sequence`, `summary_sequence` and `ended_sequence` agree with the updates and a page's
 * replay works from any point. No event and no audit: the importer writes inside its own
 * transaction and announces the import once (`content.imported`). The story's type label is the
 * importer's (Live, or the label it took when it ended).
 * @returns the update ids, in the order given
 */
export async function importLiveCoverage(db: Db, input: LiveCoverageImport): Promise<string[]> {
  const { articleId } = input;
  const points = checkSummaryText(input.summary.join('\n'));
  const updates = input.updates.map((update) => ({ ...update, id: newId(), checked: checkUpdateText(update.markdown) }));
  await assertFiguresExist(
    db,
    updates.flatMap((update) => bodyFigureIds(update.checked.body)),
  );

  const created = [...updates].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await ensureCoverage(db, articleId, created[0]?.createdAt ?? input.endedAt ?? new Date());
  for (const update of created) {
    await insertUpdate(db, {
      id: update.id,
      articleId,
      sequence: await nextSequence(db, articleId),
      body: serializeBody(update.checked.body),
      source: update.checked.source,
      authorName: update.authorName,
      authorId: update.authorId,
      userId: update.userId ?? LIVE_IMPORT_USER_ID,
      keyEvent: update.keyEvent,
      pinned: update.pinned,
      createdAt: update.createdAt,
    });
  }
  const edits = updates.flatMap((update) => (update.editedAt ? [{ update, editedAt: update.editedAt }] : []));
  for (const { update, editedAt } of edits.sort((a, b) => a.editedAt.getTime() - b.editedAt.getTime())) {
    await updateUpdate(db, update.id, {
      sequence: await nextSequence(db, articleId),
      body: serializeBody(update.checked.body),
      source: update.checked.source,
      keyEvent: update.keyEvent,
      pinned: update.pinned,
      editedAt,
    });
  }
  if (points.length > 0) await saveSummary(db, articleId, points, await nextSequence(db, articleId));
  if (input.endedAt) await markEnded(db, articleId, input.endedAt, await nextSequence(db, articleId));
  return updates.map((update) => update.id);
}

/** An update's figure must be in the media library (imported earlier in the same transaction). */
async function assertFiguresExist(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await findMediaByIds(db, [...new Set(ids)]);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`live coverage import: unknown figure ${missing.join(', ')}`);
}
