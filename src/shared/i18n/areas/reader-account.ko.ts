import type { CatalogueOf } from '../i18n.types.js';
import type { readerAccountEn } from './reader-account.en.js';

/** The reader account messages in Korean. */
export const readerAccountKo = {} as const satisfies CatalogueOf<typeof readerAccountEn>;
