import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomStoriesEn } from './newsroom-stories.en.js';

/** The newsroom stories messages in Korean. */
export const newsroomStoriesKo = {} as const satisfies CatalogueOf<typeof newsroomStoriesEn>;
