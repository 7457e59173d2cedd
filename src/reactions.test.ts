import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PurgeKeys } from './modules/cdn/index.js';
import { DEFAULT_PUBLICATION } from './modules/settings/settings.types.js';
import { EVENT_NAMES, EventBus, handles, type DomainEvent, type EventName, type Reaction } from './shared/events.js';
import { createReactions, loadAtStart, type ReactionDeps } from './reactions.js';

/** One event of each name, so every name is tried (the compiler wants them all). */
const SAMPLES: { [K in EventName]: DomainEvent<K> } = {
  'story.published': { name: 'story.published', articleIds: ['s1'], scheduled: false },
  'story.updated': { name: 'story.updated', articleIds: ['s1'] },
  'story.corrected': { name: 'story.corrected', articleIds: ['s1'] },
  'story.scheduled': { name: 'story.scheduled', articleIds: ['s1'] },
  'story.unpublished': { name: 'story.unpublished', articleIds: ['s1'] },
  'story.deleted': { name: 'story.deleted', articleIds: ['s1'], removed: [{ id: 's1', slug: 'harbour', headline: 'Harbour' }] },
  'story.saved': { name: 'story.saved', articleIds: ['s1'] },
  'comment.posted': { name: 'comment.posted', articleId: 's1', commentId: 'c1' },
  'comment.edited': { name: 'comment.edited', articleId: 's1', commentId: 'c1' },
  'comment.deleted': { name: 'comment.deleted', articleId: 's1', commentId: 'c1' },
  'comment.liked': { name: 'comment.liked', articleId: 's1', commentId: 'c1' },
  'comment.unliked': { name: 'comment.unliked', articleId: 's1', commentId: 'c1' },
  'comment.moderated': { name: 'comment.moderated', articleId: 's1', commentId: 'c1', step: 'hide' },
  'reader.banned': { name: 'reader.banned', readerId: 'r1', articleIds: ['s1', 's2'] },
  'reader.unbanned': { name: 'reader.unbanned', readerId: 'r1', articleIds: ['s1'] },
  'live.changed': { name: 'live.changed', articleId: 's1', sequence: 3 },
  'taxonomy.changed': { name: 'taxonomy.changed', kind: 'author', ids: ['a1'] },
  'settings.changed': { name: 'settings.changed' },
  'editions.changed': { name: 'editions.changed', editionId: 'e1' },
  'curation.changed': { name: 'curation.changed', part: 'picks' },
  'media.changed': { name: 'media.changed', mediaIds: ['m1'] },
  'newsletter.issue-sent': { name: 'newsletter.issue-sent', newsletterKey: 'briefing' },
  'static-page.changed': { name: 'static-page.changed', slug: 'about' },
  'content.imported': { name: 'content.imported' },
  'node.started': { name: 'node.started' },
  'cluster.resynced': { name: 'cluster.resynced' },
};

/** What the page cache and the CDN drop for `story.*` on s1, a story the look-up no longer finds. */
const STORY_KEYS = 'lists,feeds,sitemaps,search,missing,api,article-s1';

/** Services that only write down what they were asked to do. */
function recordingDeps(calls: string[]): ReactionDeps {
  const record = (call: string) => async () => void calls.push(call);
  return {
    settings: {
      load: async () => {
        calls.push('settings.load');
        return DEFAULT_PUBLICATION;
      },
    },
    icon: { load: record('icon.load') },
    editions: { load: record('editions.load') },
    sections: { load: record('sections.load') },
    site: { load: record('site.load') },
    curation: { load: record('curation.load') },
    views: { forgetCountable: (ids) => void calls.push(`views.forgetCountable ${ids ? ids.join() : 'all'}`) },
    lists: {
      refresh: record('lists.refresh'),
      contentChanged: record('lists.contentChanged'),
      storiesChanged: async (ids) => void calls.push(`lists.storiesChanged ${ids === 'all' ? 'all' : ids.join()}`),
      loadStored: record('lists.loadStored'),
    },
    related: {
      update: async (ids) => void calls.push(`related.update ${ids.join()}`),
      rebuild: record('related.rebuild'),
      ensureBuilt: record('related.ensureBuilt'),
    },
    sitemaps: {
      refresh: record('sitemaps.refresh'),
      storiesChanged: async (ids, removed = []) =>
        void calls.push(`sitemaps.storiesChanged ${ids.join()}${removed.length > 0 ? ` removed ${removed.map((story) => story.slug).join()}` : ''}`),
      listingsChanged: async (kind, ids) => void calls.push(`sitemaps.listingsChanged ${kind} ${ids.join()}`),
      pagesChanged: record('sitemaps.pagesChanged'),
      loadAtStart: record('sitemaps.loadAtStart'),
    },
    search: { refreshIndex: async (scope) => void calls.push(`search.refreshIndex ${JSON.stringify(scope ?? 'if-behind')}`) },
    pageCache: {
      purge: (keys) => {
        calls.push(`pageCache.purge ${[...keys].join()}`);
        return 0;
      },
    },
    // Every story looked up is gone: its keys are its own and the lists'.
    purgeKeys: new PurgeKeys(async () => undefined),
    webhookDispatcher: {
      storiesChanged: async (event, ids) => void calls.push(`webhooks ${event} ${ids.join()}`),
      storiesDeleted: async (removed) => void calls.push(`webhooks deleted ${removed.map((story) => story.slug).join()}`),
    },
    cdn: { purgeWhenKnown: (keys) => void keys.then((known) => calls.push(`cdn purge ${known.join()}`)) },
    cluster: { broadcast: async (message) => void calls.push(`broadcast ${message.type === 'event' ? message.event.name : message.type}`) },
    replyMail: { replyPublished: async (commentId) => void calls.push(`replyMail.replyPublished ${commentId}`) },
    liveFanOut: { schedule: (articleId, sequence) => void calls.push(`liveFanOut.changed ${articleId} ${sequence}`) },
    liveHub: { closeStory: (articleId) => (calls.push(`liveHub.closeStory ${articleId}`), 0) },
  };
}

/** A bus with the reactions registered as deps.ts does, each run written down by name. */
function busRecordingReactions(reactions: readonly Reaction[], ran: string[]): EventBus {
  const bus = new EventBus();
  for (const reaction of reactions) bus.register({ ...reaction, handle: () => void ran.push(reaction.name) });
  return bus;
}

describe('the reactions to events (src/reactions.ts)', () => {
  const reactions = createReactions(recordingDeps([]));

  it('run in the documented order: memory, lists, related, sitemaps, search, page cache, then what leaves the node, the broadcast, then this node’s live streams', () => {
    assert.deepEqual(
      reactions.map((reaction) => reaction.name),
      [
        'settings',
        'publication-icon',
        'editions',
        'sections',
        'site-context',
        'curation',
        'countable-stories',
        'ranked-lists',
        'related-stories',
        'sitemaps',
        'search-index',
        'page-cache',
        'reply-mail',
        'webhooks',
        'cdn-purge',
        'broadcast',
        'live-stream',
        'live-stream-gone',
      ],
    );
    assert.deepEqual(
      reactions.filter((reaction) => reaction.runsOn === 'origin').map((reaction) => reaction.name),
      ['related-stories', 'sitemaps', 'search-index', 'reply-mail', 'webhooks', 'cdn-purge', 'broadcast'],
    );
  });

  it('deliver each named event to exactly the reactions that declare it, in the list’s order', async () => {
    for (const name of EVENT_NAMES) {
      const ran: string[] = [];
      await busRecordingReactions(reactions, ran).emit(SAMPLES[name]);
      assert.deepEqual(
        ran,
        reactions.filter((reaction) => handles(reaction, name)).map((reaction) => reaction.name),
        name,
      );
    }
  });

  it('follow each event where it matters, and never send what concerns one node alone', () => {
    const reactingTo = (name: EventName) => reactions.filter((reaction) => handles(reaction, name)).map((reaction) => reaction.name);
    assert.deepEqual(reactingTo('settings.changed'), [
      'settings',
      'publication-icon',
      'ranked-lists',
      'sitemaps',
      'page-cache',
      'cdn-purge',
      'broadcast',
    ]);
    assert.deepEqual(reactingTo('comment.posted'), ['ranked-lists', 'page-cache', 'reply-mail', 'cdn-purge', 'broadcast']);
    assert.deepEqual(reactingTo('story.deleted'), [
      'curation',
      'countable-stories',
      'ranked-lists',
      'related-stories',
      'sitemaps',
      'search-index',
      'page-cache',
      'webhooks',
      'cdn-purge',
      'broadcast',
      'live-stream-gone',
    ]);
    assert.deepEqual(reactingTo('story.scheduled'), [
      'curation',
      'countable-stories',
      'ranked-lists',
      'related-stories',
      'sitemaps',
      'search-index',
      'page-cache',
      'cdn-purge',
      'broadcast',
    ]);
    assert.deepEqual(reactingTo('editions.changed'), ['editions', 'sitemaps', 'page-cache', 'cdn-purge', 'broadcast']);
    assert.deepEqual(reactingTo('node.started'), [
      'settings',
      'publication-icon',
      'editions',
      'sections',
      'site-context',
      'curation',
      'countable-stories',
      'ranked-lists',
      'related-stories',
      'sitemaps',
      'page-cache',
    ]);
    assert.deepEqual(reactingTo('cluster.resynced'), [
      'settings',
      'publication-icon',
      'editions',
      'sections',
      'site-context',
      'curation',
      'countable-stories',
      'ranked-lists',
      'page-cache',
    ]);
    for (const name of EVENT_NAMES) assert.ok(reactingTo(name).includes('page-cache'), `${name} clears the page cache`);
  });

  it('run only the reactions that run everywhere for an event from another node', async () => {
    for (const name of EVENT_NAMES) {
      const ran: string[] = [];
      await busRecordingReactions(reactions, ran).receive(SAMPLES[name]);
      const expected = reactions.filter((reaction) => reaction.runsOn === 'everywhere' && handles(reaction, name)).map((reaction) => reaction.name);
      assert.deepEqual(ran, expected, name);
    }
  });

  it('work on the stories an event names alone, and on everything when it names none', async () => {
    const calls: string[] = [];
    const bus = new EventBus();
    for (const reaction of createReactions(recordingDeps(calls))) bus.register(reaction);
    const after = async (event: DomainEvent) => {
      calls.length = 0;
      await bus.emit(event);
      return [...calls];
    };

    // A newsletter issue: its archive's pages and the 404 its number answered, here and at the CDN.
    assert.deepEqual(await after(SAMPLES['newsletter.issue-sent']), [
      'pageCache.purge newsletters,missing',
      'cdn purge newsletters,missing',
      'broadcast newsletter.issue-sent',
    ]);

    assert.deepEqual(await after(SAMPLES['story.published']), [
      'curation.load',
      'views.forgetCountable s1',
      'lists.contentChanged',
      'related.update s1',
      'sitemaps.storiesChanged s1',
      'search.refreshIndex {"articleIds":["s1"]}',
      `pageCache.purge ${STORY_KEYS}`,
      'webhooks story.published s1',
      // The CDN purges the very keys the page cache dropped (the look-ups done once).
      `cdn purge ${STORY_KEYS}`,
      'broadcast story.published',
    ]);
    // A draft saved: the newsroom's search follows; no public page, list, webhook or CDN key changes.
    const saved = await after(SAMPLES['story.saved']);
    assert.ok(saved.includes('search.refreshIndex {"articleIds":["s1"]}'), saved.join('\n'));
    assert.ok(!saved.some((call) => /^(lists|related|sitemaps|webhooks|cdn purge \S)/.test(call)), saved.join('\n'));
    const deleted = await after(SAMPLES['story.deleted']);
    assert.ok(deleted.includes('webhooks deleted harbour') && deleted.includes(`cdn purge ${STORY_KEYS}`), deleted.join('\n'));
    assert.ok(deleted.includes('sitemaps.storiesChanged s1 removed harbour'), deleted.join('\n'));
    assert.ok((await after(SAMPLES['story.corrected'])).includes('webhooks story.updated s1'));
    const author = await after(SAMPLES['taxonomy.changed']);
    assert.ok(
      !author.some((call) => call.startsWith('related')) && author.includes('search.refreshIndex {"authorIds":["a1"],"tagIds":[]}'),
      author.join('\n'),
    );
    const section = await after({ name: 'taxonomy.changed', kind: 'section', ids: ['x1'] });
    assert.ok(!section.some((call) => call.startsWith('search')), 'sections hold no indexed text');
    const imported = await after(SAMPLES['content.imported']);
    assert.ok(
      imported.includes('related.rebuild') &&
        imported.includes('search.refreshIndex "if-behind"') &&
        imported.includes('lists.refresh') &&
        imported.includes('sitemaps.refresh') &&
        imported.includes('views.forgetCountable all') &&
        imported.includes('pageCache.purge site') &&
        imported.includes('cdn purge site'),
      imported.join('\n'),
    );
    // An edition changed: every node reloads them, and every page may show it (the default edition's
    // language, links to the others); its URLs move or go, so every sitemap is built again.
    assert.deepEqual(await after(SAMPLES['editions.changed']), [
      'editions.load',
      'sitemaps.refresh',
      'pageCache.purge site',
      'cdn purge site',
      'broadcast editions.changed',
    ]);
    // Comments: their stories alone, not the lists (purged when recomputed lists differ).
    assert.deepEqual(await after(SAMPLES['reader.banned']), [
      'lists.storiesChanged s1,s2',
      'pageCache.purge article-s1,article-s2',
      'cdn purge article-s1,article-s2',
      'broadcast reader.banned',
    ]);
  });

  it('load everything at start, in order, and fail the start when a reaction fails', async () => {
    const calls: string[] = [];
    await loadAtStart(createReactions(recordingDeps(calls)));
    assert.deepEqual(calls, [
      'settings.load',
      'icon.load',
      'editions.load',
      'sections.load',
      'site.load',
      'curation.load',
      'views.forgetCountable all',
      // Stored state is read back, never recomputed; the search index catches up in the background.
      'lists.loadStored',
      'related.ensureBuilt',
      'sitemaps.loadAtStart',
      'pageCache.purge site',
    ]);
    const deps = recordingDeps([]);
    const failing = createReactions({ ...deps, sitemaps: { ...deps.sitemaps, loadAtStart: () => Promise.reject(new Error('sitemaps down')) } });
    await assert.rejects(loadAtStart(failing), /sitemaps down/);
  });

  it('report a failing reaction and still run the ones after it; emit never rejects', async () => {
    const calls: string[] = [];
    const reported: Array<{ event: EventName; reaction?: string }> = [];
    const bus = new EventBus();
    bus.onError((_error, context) => void reported.push(context));
    const down = () => Promise.reject(new Error('lists down'));
    for (const reaction of createReactions({
      ...recordingDeps(calls),
      lists: { refresh: down, contentChanged: down, storiesChanged: down, loadStored: down },
    }))
      bus.register(reaction);
    await bus.emit(SAMPLES['comment.posted']);
    assert.deepEqual(reported, [{ event: 'comment.posted', reaction: 'ranked-lists' }]);
    assert.deepEqual(calls, ['pageCache.purge article-s1', 'replyMail.replyPublished c1', 'cdn purge article-s1', 'broadcast comment.posted']);
  });
});
