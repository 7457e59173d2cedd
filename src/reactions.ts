import { broadcastReaction } from './cluster/broadcast.reaction.js';
import { countableStoriesReaction } from './modules/audience/index.js';
import { replyMailReaction } from './modules/comments/index.js';
import { cdnPurgeReaction } from './modules/cdn/index.js';
import { editionsReaction } from './modules/editions/index.js';
import { curationReaction, rankedListsReaction, relatedStoriesReaction } from './modules/rankings/index.js';
import { searchIndexReaction } from './modules/search/index.js';
import { sectionsReaction } from './modules/sections/index.js';
import { publicationIconReaction, settingsReaction } from './modules/settings/index.js';
import { sitemapsReaction } from './modules/sitemaps/index.js';
import { webhooksReaction } from './modules/webhooks/index.js';
import { handles, type Reaction } from './shared/events.js';
import { pageCacheReaction } from './web/http/page-cache.reaction.js';
import { siteContextReaction } from './web/shared/site-context.reaction.js';
import { liveStreamReaction } from './web/site/live-stream.reaction.js';
import { liveStreamGoneReaction } from './web/site/live-stream-gone.reaction.js';

/**
 * What the reactions work on: deps.ts passes every dependency, and each reaction's factory takes
 * only the methods it calls.
 */
export interface ReactionDeps {
  settings: Parameters<typeof settingsReaction>[0];
  icon: Parameters<typeof publicationIconReaction>[0];
  editions: Parameters<typeof editionsReaction>[0];
  sections: Parameters<typeof sectionsReaction>[0];
  site: Parameters<typeof siteContextReaction>[0];
  curation: Parameters<typeof curationReaction>[0];
  views: Parameters<typeof countableStoriesReaction>[0];
  lists: Parameters<typeof rankedListsReaction>[0];
  related: Parameters<typeof relatedStoriesReaction>[0];
  sitemaps: Parameters<typeof sitemapsReaction>[0];
  search: Parameters<typeof searchIndexReaction>[0];
  pageCache: Parameters<typeof pageCacheReaction>[0];
  /** The keys each event makes stale, shared by the page cache and the CDN purge. */
  purgeKeys: Parameters<typeof pageCacheReaction>[1];
  webhookDispatcher: Parameters<typeof webhooksReaction>[0];
  cdn: Parameters<typeof cdnPurgeReaction>[0];
  cluster: Parameters<typeof broadcastReaction>[0];
  replyMail: Parameters<typeof replyMailReaction>[0];
  liveFanOut: Parameters<typeof liveStreamReaction>[0];
  liveHub: Parameters<typeof liveStreamGoneReaction>[0];
}

/**
 * Every reaction, in the order they run for an event (EventBus keeps it). The order matters:
 * 1. what each node holds in memory and reads from the others: settings (then the site icon drawn
 *    from them), the editions, sections, the site's static pages, curation (the lead reads stories), the stories
 *    a view may count for;
 * 2. the ranked lists, then related stories (origin only: stored in the shared database) and
 *    sitemaps, built from the state above;
 * 3. the search index (origin only: the shared database);
 * 4. only then the page cache, purged of what the event made stale: purged earlier, a request could
 *    re-cache a page built from the old lists while they reload;
 * 5. what leaves this node (origin only): reply mail, webhook deliveries, the CDN purge, and last the broadcast,
 *    so the other nodes hear of the change once this node is done with it;
 * 6. after all that, the live stories' streams on this node (everywhere): the change reaches the
 *    other nodes first, so readers on every node get it at about the same time; a withdrawn or
 *    deleted story's streams end.
 * A new reaction is one `x.reaction.ts` beside its module and one line here.
 */
export function createReactions(deps: ReactionDeps): Reaction[] {
  return [
    settingsReaction(deps.settings),
    publicationIconReaction(deps.icon),
    editionsReaction(deps.editions),
    sectionsReaction(deps.sections),
    siteContextReaction(deps.site),
    curationReaction(deps.curation),
    countableStoriesReaction(deps.views),
    rankedListsReaction(deps.lists),
    relatedStoriesReaction(deps.related),
    sitemapsReaction(deps.sitemaps),
    searchIndexReaction(deps.search),
    pageCacheReaction(deps.pageCache, deps.purgeKeys),
    replyMailReaction(deps.replyMail),
    webhooksReaction(deps.webhookDispatcher),
    cdnPurgeReaction(deps.cdn, deps.purgeKeys),
    broadcastReaction(deps.cluster),
    liveStreamReaction(deps.liveFanOut),
    liveStreamGoneReaction(deps.liveHub),
  ];
}

/**
 * At start, before the node serves: every reaction to `node.started`, in order (everything in
 * memory loads; a search index behind the stories is rebuilt). Unlike an emitted event, a failure
 * here rejects, and the start fails.
 */
export async function loadAtStart(reactions: readonly Reaction[]): Promise<void> {
  for (const reaction of reactions) {
    if (handles(reaction, 'node.started')) await reaction.handle({ name: 'node.started' });
  }
}
