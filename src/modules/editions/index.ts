// The editions module's public face: other modules and src/web/** import from here, never from its
// files directly. Rows and the repository stay private.
export { EditionService, canonicalLanguage } from './edition.service.js';
export type { Edition, EditionInput, PublicationDefaults } from './edition.types.js';
