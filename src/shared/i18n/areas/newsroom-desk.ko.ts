import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomDeskEn } from './newsroom-desk.en.js';

/** The newsroom desk messages in Korean. */
export const newsroomDeskKo = {} as const satisfies CatalogueOf<typeof newsroomDeskEn>;
