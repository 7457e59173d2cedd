import type { Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { isValidSlug } from '../../shared/slug.js';
import { validateText } from '../../shared/text.js';
import { findTakenStaticPageSlugs, saveStaticPage } from './static-page.repository.js';
import type { StaticPageInput } from './static-page.types.js';

/**
 * Writes one imported static page (the demo's About, Contact, …, or a free-standing page an archive
 * import brings), replacing any with its slug. Importing is the only way a static page is written,
 * so its slug and title pass the shared rules here; its body is checked when it is serialised, like
 * a story's.
 */
export async function importStaticPage(db: Db, page: StaticPageInput): Promise<void> {
  if (!isValidSlug(page.slug)) throw new AppError('ERR_BAD_REQUEST', `"${page.slug.slice(0, 130)}" is not a valid slug`);
  const title = validateText(page.title, { field: 'title', code: 'ERR_BAD_REQUEST', min: 1, max: 200 });
  await saveStaticPage(db, { ...page, title });
}

/** Which of these slugs a static page has already (an importer suffixes a page's slug that is taken). */
export function takenStaticPageSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  return findTakenStaticPageSlugs(db, slugs);
}
