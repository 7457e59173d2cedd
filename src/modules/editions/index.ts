// The editions module's public face: other modules and src/web/** import from here, never from its
// files directly. Rows and the repository stay private.
export { EditionService, canonicalLanguage } from './edition.service.js';
export type { Edition, EditionInput, EditionProblem, PublicationDefaults } from './edition.types.js';
// Its reaction (src/reactions.ts): every node reloads the editions after a change.
export { editionsReaction } from './editions.reaction.js';
// For importers (the demo's Korean edition).
export { importEdition } from './edition-import.service.js';
// Every row written before editions, and every write naming none, belongs to the default edition.
export { DEFAULT_EDITION_ID } from '../../db/migrations/0027-editions.migration.js';
