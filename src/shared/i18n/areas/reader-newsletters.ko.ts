import type { CatalogueOf } from '../i18n.types.js';
import type { readerNewslettersEn } from './reader-newsletters.en.js';

/** The reader's newsletter pages and e-mails in Korean. */
export const readerNewslettersKo = {
} as const satisfies CatalogueOf<typeof readerNewslettersEn>;
