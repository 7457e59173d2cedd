// The content-api module's public face: other modules and src/web/** import from here, never from
// its files directly. The repository and its rows stay private.
export { ContentApiService } from './content-api.service.js';
export type { ArticleListQuery, Counted } from './content-api.service.js';
