// The sections module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { SectionService } from './section.service.js';
export type { SectionFields } from './section.service.js';
export { SectionDirectory } from './section-directory.js';
export type { Section, SectionInput } from './section.types.js';
export { listSections } from './section.repository.js';
// Its reaction (src/reactions.ts).
export { sectionsReaction } from './sections.reaction.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importSection } from './section-import.service.js';
