// The tags module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { TagService } from './tag.service.js';
export type { Tag } from './tag.types.js';
export { findTagBySlug, findTagsForArticles, listTagsWithCounts } from './tag.repository.js';
// Called by the articles module inside the transaction that saves a story's tags.
export { ensureTags } from './tag.repository.js';
