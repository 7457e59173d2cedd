import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomStaffEn } from './newsroom-staff.en.js';

/** The newsroom staff messages in Korean. */
export const newsroomStaffKo = {} as const satisfies CatalogueOf<typeof newsroomStaffEn>;
