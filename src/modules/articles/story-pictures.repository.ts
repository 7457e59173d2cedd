import type { Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { bodyFigureIds, parseStoredBody, type ArticleBody } from '../../shared/article-body.js';
import { findMediaByIds } from '../media/index.js';

/** A picture of a story without alt text: the hero, or a body figure by its place among the figures (from 1). */
export interface PictureWithoutAlt {
  kind: 'hero' | 'figure';
  /** For a figure: 1 for the body's first figure, in reading order. */
  position?: number;
  mediaId: string;
}

/**
 * ERR_STORY_ALT_MISSING (409) with the pictures it is about, so the editor can name them
 * ("Figure 2 has no alt text") and the JSON can list them.
 */
export class StoryAltMissingError extends AppError {
  constructor(readonly pictures: readonly PictureWithoutAlt[]) {
    super('ERR_STORY_ALT_MISSING', `no alt text: ${pictures.map(describePicture).join(', ')}`);
  }
}

/** "Figure 2" or "The hero image", as the story form names a picture. */
export function describePicture(picture: PictureWithoutAlt): string {
  return picture.kind === 'hero' ? 'The hero image' : `Figure ${picture.position ?? '?'}`;
}

/**
 * The pictures of a story that have no alt text yet. Pictures put in from the story editor may be
 * saved without it while the story is written (MediaDraftDetailsInput); readers never get one.
 */
export async function picturesWithoutAlt(db: Db, body: ArticleBody, heroMediaId: string | null): Promise<PictureWithoutAlt[]> {
  const figureIds = bodyFigureIds(body);
  const media = await findMediaByIds(db, [...(heroMediaId ? [heroMediaId] : []), ...figureIds]);
  const lacking = (id: string) => (media.get(id)?.alt ?? '').trim() === '';
  return [
    ...(heroMediaId && lacking(heroMediaId) ? [{ kind: 'hero' as const, mediaId: heroMediaId }] : []),
    ...figureIds.flatMap((id, index) => (lacking(id) ? [{ kind: 'figure' as const, position: index + 1, mediaId: id }] : [])),
  ];
}

/** Throws StoryAltMissingError unless every picture has alt text. */
export async function assertPicturesHaveAlt(db: Db, body: ArticleBody, heroMediaId: string | null): Promise<void> {
  const missing = await picturesWithoutAlt(db, body, heroMediaId);
  if (missing.length > 0) throw new StoryAltMissingError(missing);
}

/** The stored story's body and hero, checked as above (publishing and scheduling). */
export async function assertStoredPicturesHaveAlt(db: Db, articleId: string): Promise<void> {
  const row = await db.selectFrom('articles').select(['body', 'hero_media_id']).where('id', '=', articleId).executeTakeFirst();
  if (!row) throw new AppError('ERR_ARTICLE_NOT_FOUND');
  await assertPicturesHaveAlt(db, parseStoredBody(row.body), row.hero_media_id);
}
