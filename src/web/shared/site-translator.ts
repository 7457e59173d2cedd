import { TYPE_LABELS } from '../../modules/articles/index.js';
import { translatorFor, type Translator } from '../../shared/i18n/index.js';
import type { SiteContext } from './site-context.js';

/**
 * The translator for the reading site's interface: the publication's language today; an edition's
 * language once editions exist. Every page and component asks here, so that change is one place.
 */
export function siteTranslator(site: Pick<SiteContext, 'publication'>): Translator {
  return translatorFor(site.publication.language);
}

/**
 * A story's type label in the page's language. Stories store the English value (one vocabulary for
 * every edition); a label outside TYPE_LABELS (an imported story's own) is shown as stored.
 */
export function typeLabelText(translator: Pick<Translator, 't'>, label: string): string {
  const known = TYPE_LABELS.find((candidate) => candidate === label);
  return known ? translator.t(`type.${known}`) : label;
}
