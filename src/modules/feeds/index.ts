// The feeds module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { FeedService, FEED_SIZE } from './feed.service.js';
export type { FeedScope, FeedSource, FeedStory } from './feed.service.js';
export { FEED_CONTENT_TYPES, FEED_FORMATS, renderFeed } from './feed-format.js';
export type { FeedCategory, FeedDocument, FeedEnclosure, FeedEntry, FeedFormat, FeedPerson } from './feed-format.js';
