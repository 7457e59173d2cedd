import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomAdminEn } from './newsroom-admin.en.js';

/** The newsroom admin messages in Korean. */
export const newsroomAdminKo = {} as const satisfies CatalogueOf<typeof newsroomAdminEn>;
