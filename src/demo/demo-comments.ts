import type { Db } from '../db/database.js';
import { importStoryComments, type CommentImport } from '../modules/comments/index.js';
import { importReader } from '../modules/readers/index.js';
import { newId } from '../shared/ids.js';
import { koreanComments, koreanReaders } from './content/comments-ko.js';
import { demoComments, demoReaders } from './content/comments.js';

/** Readers who only like: enough of them that the demo's like counts are real likes, one each. */
const QUIET_READERS = 45;
/** Not an argon2 hash, so no password ever matches: demo readers cannot be signed in to. */
const NO_PASSWORD = '!demo-reader-without-a-password';

/**
 * The demo's readers and their conversation under a few stories of each edition (the Korean one's
 * in Korean): comments, one level of replies and likes, all published, with each story's comment
 * count set as the product keeps it.
 */
export async function seedDemoComments(db: Db, stories: Map<string, { id: string; publishedAt: Date }>, now: Date): Promise<void> {
  const readerIds = new Map<string, string>();
  for (const reader of [...demoReaders, ...koreanReaders]) {
    const id = newId();
    readerIds.set(reader.key, id);
    await importReader(
      db,
      { id, email: `${reader.key}@readers.dateline-daily.example`, displayName: reader.displayName, passwordHash: NO_PASSWORD },
      now,
    );
  }
  const likers: string[] = [...readerIds.values()];
  for (let n = 1; n <= QUIET_READERS; n++) {
    const id = newId();
    likers.push(id);
    await importReader(db, { id, email: `reader${n}@readers.dateline-daily.example`, displayName: `Reader ${n}`, passwordHash: NO_PASSWORD }, now);
  }

  for (const [slug, comments] of Object.entries({ ...demoComments, ...koreanComments })) {
    const story = stories.get(slug);
    if (!story) throw new Error(`demo comments refer to unknown story ${slug}`);
    const commentIds = new Map<string, string>();
    const imported: CommentImport[] = [];
    for (const comment of comments) {
      const createdAt = new Date(story.publishedAt.getTime() + comment.minutesAfter * 60_000);
      if (createdAt > now) continue;
      const id = newId();
      commentIds.set(comment.key, id);
      const readerId = readerIds.get(comment.reader);
      if (!readerId) throw new Error(`demo comment ${comment.key} by unknown reader ${comment.reader}`);
      const parentId = comment.replyTo ? (commentIds.get(comment.replyTo) ?? null) : null;
      const likedBy = likers.filter((reader) => reader !== readerId).slice(0, comment.likes);
      imported.push({ id, readerId, parentId, body: comment.body, status: 'published', heldReason: null, createdAt, likedBy });
    }
    await importStoryComments(db, story.id, imported);
  }
}
