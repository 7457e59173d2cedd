// The newsletters module's public face: other modules and src/web/** import from here, never from
// its files directly. The repositories and their rows stay private.
export { NewsletterCatalog, newslettersOf } from './newsletter-catalog.js';
export { isNewsletterKey } from './newsletter.types.js';
export type { GrowthDay, NewsletterInfo, NewsletterKey, Recipient, Subscriber, SubscriptionState } from './newsletter.types.js';
export { CONFIRMATION_LIFETIME_MS, SubscriberService, checkAddress, memorySubscribeLimiters, subscribeLimiters } from './subscriber.service.js';
export type { SubscribeLimiters, SubscribeRequest, SubscriberServiceOptions } from './subscriber.service.js';
export { GROWTH_DAYS, IMPORT_MAX_BYTES, SEARCH_LIMIT, SubscriberAdminService } from './subscriber-admin.service.js';
export type { ImportProblem, ImportReport } from './subscriber-admin.service.js';
