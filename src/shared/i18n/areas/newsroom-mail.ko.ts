import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomMailEn } from './newsroom-mail.en.js';

/** The newsroom mail messages in Korean. */
export const newsroomMailKo = {} as const satisfies CatalogueOf<typeof newsroomMailEn>;
