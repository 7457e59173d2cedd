import type { Db } from '../../db/database.js';
import { insertArticle, insertCorrection } from './article.repository.js';
import type { ArticleInput, Correction } from './article.types.js';

/** A story brought in whole from elsewhere (the demo, an archive): its fields and its corrections. */
export interface ArticleImport extends ArticleInput {
  corrections?: ReadonlyArray<Omit<Correction, 'id'>>;
}

/**
 * Writes one imported story as given, status and dates included, with no workflow checks and no
 * event: importers (the demo seeder, archive imports, generated archives) write in bulk inside
 * their own transaction and announce the import once, with `content.imported`.
 * @returns the story's id
 */
export async function importArticle(db: Db, input: ArticleImport, createdAt: Date): Promise<string> {
  const { corrections = [], ...article } = input;
  const id = await insertArticle(db, article, createdAt);
  for (const correction of corrections) await insertCorrection(db, id, correction);
  return id;
}
