// The authors module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { AuthorService } from './author.service.js';
export type { AuthorFields } from './author.service.js';
export type { Author, AuthorInput } from './author.types.js';
export { findAuthorsForArticles } from './author.repository.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importAuthor } from './author-import.service.js';
export { findAuthorBySlug } from './author.repository.js';
