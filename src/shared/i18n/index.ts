export { languageName } from './language-name.js';
export { formatDate, formatDateTime, formatNumber, type DateFormatTarget } from './date-format.js';
export type { CatalogueLanguage, CatalogueOf, Message, PluralCategory, PluralMessage } from './i18n.types.js';
export {
  CATALOGUES,
  CATALOGUE_LANGUAGES,
  catalogueLanguage,
  isCatalogueLanguage,
  translatorFor,
  type MessageKey,
  type Translator,
} from './translator.js';
