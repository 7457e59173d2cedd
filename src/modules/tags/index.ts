// The tags module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { TagService } from './tag.service.js';
export type { Tag } from './tag.types.js';
export { findTagsForArticles } from './tag.repository.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importTags } from './tag-import.service.js';
