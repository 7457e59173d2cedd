import type { Db } from '../../db/database.js';
import { insertArticles, linkImportedTranslation } from './article-import.repository.js';
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

/** One story of a bulk import: its id is the importer's, so a generated archive is the same on every run. */
export interface ArticleBulkImport extends ArticleImport {
  id: string;
  createdAt: Date;
}

/**
 * Writes many imported stories at once, as importArticle writes one (status and dates as given, no
 * workflow checks, no event), in multi-row statements: on PostgreSQL a 100,000-story archive is
 * then a few thousand round trips rather than half a million.
 */
export async function importArticles(db: Db, stories: readonly ArticleBulkImport[]): Promise<void> {
  await insertArticles(
    db,
    stories.map(({ corrections = [], createdAt, ...input }) => ({ id: input.id, input, createdAt, corrections })),
  );
}

/**
 * Links an imported story to the story it translates, as the Translate action links them
 * (docs/editions.md, migration 0031): both share the source's translation group (created if it has
 * none), and the translation records its source and the source's version, so it is not outdated.
 */
export async function importTranslationLink(db: Db, link: { sourceId: string; translationId: string }): Promise<void> {
  await linkImportedTranslation(db, link.sourceId, link.translationId);
}
