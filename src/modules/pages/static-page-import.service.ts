import type { Db } from '../../db/database.js';
import { saveStaticPage } from './static-page.repository.js';
import type { StaticPage } from './static-page.types.js';

/** Writes one imported static page (the demo's About, Contact, …), replacing any with its slug. */
export async function importStaticPage(db: Db, page: StaticPage): Promise<void> {
  await saveStaticPage(db, page);
}
