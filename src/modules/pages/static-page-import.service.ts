import type { Db } from '../../db/database.js';
import { validateText } from '../../shared/text.js';
import { saveStaticPage } from './static-page.repository.js';
import type { StaticPage } from './static-page.types.js';

/**
 * Writes one imported static page (the demo's About, Contact, …), replacing any with its slug.
 * Importing is the only way a static page is written, so its title passes the shared text rule
 * here; its body is checked when it is serialised, like a story's.
 */
export async function importStaticPage(db: Db, page: StaticPage): Promise<void> {
  const title = validateText(page.title, { field: 'title', code: 'ERR_BAD_REQUEST', min: 1, max: 200 });
  await saveStaticPage(db, { ...page, title });
}
