import type { Db } from '../../db/database.js';
import { articleRefs } from '../articles/index.js';

/** A published reply whose parent's author wants to hear of it and has not been told. */
export interface ReplyToMail {
  replyId: string;
  replyBody: string;
  replierName: string;
  articleSlug: string;
  articleHeadline: string;
  to: { email: string; displayName: string };
}

/**
 * The reply, when a mail about it is due: published, not yet mailed, by someone other than the
 * parent's author, whose account is confirmed, not deleted, and asked for reply mail.
 */
export async function findReplyToMail(db: Db, commentId: string): Promise<ReplyToMail | undefined> {
  const row = await db
    .selectFrom('comments as reply')
    .innerJoin('comments as parent', 'parent.id', 'reply.parent_id')
    .innerJoin('readers as replier', 'replier.id', 'reply.reader_id')
    .innerJoin('readers as author', 'author.id', 'parent.reader_id')
    .innerJoin(articleRefs(db).as('story'), 'story.id', 'reply.article_id')
    .select([
      'reply.id as reply_id',
      'reply.body as body',
      'replier.display_name as replier_name',
      'story.slug as slug',
      'story.headline as headline',
      'author.email as email',
      'author.display_name as display_name',
    ])
    .where('reply.id', '=', commentId)
    .where('reply.status', '=', 'published')
    .where('reply.reply_mailed_at', 'is', null)
    .whereRef('parent.reader_id', '<>', 'reply.reader_id')
    .where('author.reply_mail', '=', 1)
    .where('author.deleted_at', 'is', null)
    .where('author.confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    replyId: row.reply_id,
    replyBody: row.body,
    replierName: row.replier_name,
    articleSlug: row.slug,
    articleHeadline: row.headline,
    to: { email: row.email, displayName: row.display_name },
  };
}

/** Marks the reply mailed; false when another node or event got there first (one conditional UPDATE). */
export async function markReplyMailed(db: Db, commentId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ reply_mailed_at: at.toISOString() })
    .where('id', '=', commentId)
    .where('reply_mailed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
