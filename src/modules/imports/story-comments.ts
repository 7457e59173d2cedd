import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { CommentImport, StoryCommentsImport } from '../comments/index.js';
import { importReader } from '../readers/index.js';
import { newId } from '../../shared/ids.js';
import { findLedgerEntries, type LedgerRow } from './import-ledger.repository.js';
import { importLine } from './import-text.js';
import type { PlannedComment } from './planned-story.js';

/** Not an argon2 hash, so no password ever matches: an imported commenter cannot be signed in to. */
const NO_PASSWORD = '!imported-reader-without-a-password';

/**
 * Comments of imported stories. Commenters become readers without a password or an address: only
 * the name they commented under is kept, and one name is one reader across the import.
 */
export class StoryComments {
  /** Reader key → reader id: a few thousand commenters at most, each looked up once a run. */
  private readers = new Map<string, string>();

  constructor(private readonly source: string) {}

  /** @returns what restores this run's memory of readers when the transaction that made them is rolled back */
  checkpoint(): () => void {
    const readers = new Map(this.readers);
    return () => {
      this.readers = readers;
    };
  }

  /**
   * One story's comments ready to write (importStoryThreads, with the batch's others), their new
   * commenters written as readers now, in the story's transaction.
   * @returns the thread, and the ledger rows to record with the story (its comments and new readers)
   */
  async prepare(
    trx: Db,
    articleId: string,
    comments: readonly PlannedComment[],
    now: Date,
    /** Comments imported before (an update's), which the new ones may answer. */
    earlier: ReadonlyMap<string, { targetId: string }> = new Map(),
  ): Promise<{ thread: StoryCommentsImport; ledger: LedgerRow[] }> {
    if (comments.length === 0) return { thread: { articleId, comments: [] }, ledger: [] };
    const keys = comments.map((comment) => readerKey(this.source, comment.authorName));
    const unknown = [...new Set(keys)].filter((key) => !this.readers.has(key));
    const ledger: LedgerRow[] = [];
    if (unknown.length > 0) {
      const recorded = await findLedgerEntries(trx, this.source, 'reader', unknown);
      for (const key of unknown) {
        const earlier = recorded.get(key);
        if (earlier) {
          this.readers.set(key, earlier.targetId);
          continue;
        }
        const id = newId();
        const name = comments[keys.indexOf(key)]?.authorName ?? '';
        const displayName = importLine(name, 60, 'name', () => {}) || 'Anonymous';
        await importReader(trx, { id, email: `${key}@imported-readers.invalid`, displayName, passwordHash: NO_PASSWORD }, now);
        this.readers.set(key, id);
        ledger.push({ kind: 'reader', sourceId: key, targetId: id, checksum: '' });
      }
    }
    const ids = new Map(comments.map((comment) => [comment.sourceId, newId()]));
    const rows: CommentImport[] = comments.map((comment, n) => ({
      id: ids.get(comment.sourceId) ?? '',
      readerId: this.readers.get(keys[n] ?? '') ?? '',
      parentId: comment.parentSourceId ? (ids.get(comment.parentSourceId) ?? earlier.get(comment.parentSourceId)?.targetId ?? null) : null,
      body: comment.body,
      status: 'published',
      heldReason: null,
      createdAt: comment.createdAt,
      likedBy: [],
    }));
    for (const comment of comments) {
      ledger.push({ kind: 'comment', sourceId: comment.sourceId, targetId: ids.get(comment.sourceId) ?? '', checksum: '' });
    }
    return { thread: { articleId, comments: rows }, ledger };
  }
}

/**
 * A commenter by name within one source: the key, not the name, is what the ledger and the
 * placeholder address hold (addresses are unique, and two sites' "Anonymous" are two readers).
 */
function readerKey(source: string, name: string): string {
  return createHash('sha256').update(`${source}\n${name.trim().toLowerCase()}`).digest('hex').slice(0, 24);
}
