import { translatorFor, type Translator } from '../../shared/i18n/index.js';
import type { SiteContext } from '../shared/site-context.js';

/**
 * The newsroom's words for whoever is looking: the language the staff member chose on their account
 * page, else the publication's (also on the pages before sign-in, where nobody is known yet).
 * Every newsroom page and route asks here, so the choice is made in one place.
 */
export function newsroomTranslator(site: Pick<SiteContext, 'publication'>, viewer?: { language: string | null }): Translator {
  return translatorFor(viewer?.language ?? site.publication.language);
}
