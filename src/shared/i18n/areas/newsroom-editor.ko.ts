import type { CatalogueOf } from '../i18n.types.js';
import type { newsroomEditorEn } from './newsroom-editor.en.js';

/** The story editor's browser script in Korean. */
export const newsroomEditorKo = {
} as const satisfies CatalogueOf<typeof newsroomEditorEn>;
