import { translatorFor, type Translator } from '../../shared/i18n/index.js';
import type { SiteContext } from './site-context.js';

/**
 * The translator for the reading site's interface: the publication's language today; an edition's
 * language once editions exist. Every page and component asks here, so that change is one place.
 */
export function siteTranslator(site: Pick<SiteContext, 'publication'>): Translator {
  return translatorFor(site.publication.language);
}
