import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { startWebhookReceiver } from '../../testing/webhook-receiver.js';
import { csrfTokenFor } from './csrf.js';
import { CACHE_CONTROL } from './cache-control.js';

const keysOf = (response: LightMyRequestResponse) =>
  String(response.headers['surrogate-key'] ?? '')
    .split(' ')
    .filter(Boolean);

/** What a CDN in front needs from every public answer (docs/cdn.md), checked per kind of page. */
describe('CDN-ready HTTP', () => {
  let t: TestApp;
  let purges: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let story: {
    id: string;
    slug: string;
    sectionId: string;
    sectionSlug: string;
    authorId: string;
    authorSlug: string;
    tagId: string;
    tagSlug: string;
    seriesId: string;
    seriesSlug: string;
  };
  let withdrawnSlug: string;

  before(async () => {
    // Surrogate keys are named only to a CDN that is purged by them.
    purges = await startWebhookReceiver();
    t = await createTestApp({ env: { CDN_PURGE_URL: purges.url, CDN_PURGE_SECRET: 'purge-secret-for-tests-0123456789' } });
    const section = await t.factories.section({ slug: 'harbour', name: 'Harbour' });
    const author = await t.factories.author({ slug: 'ana-reyes', name: 'Ana Reyes' });
    const series = await t.factories.series({ slug: 'the-port' });
    const created = await t.factories.article({
      section,
      authorIds: [author.id],
      tags: ['ferries'],
      seriesId: series.id,
      seriesPart: 1,
      headline: 'Ferry returns',
    });
    const withdrawn = await t.factories.article({ section, authorIds: [author.id] });
    await t.factories.setStatus(withdrawn.id, 'unpublished');
    withdrawnSlug = withdrawn.slug;
    const { article } = await t.deps.reading.article(created.slug);
    const tag = article.tags[0];
    assert.ok(tag);
    story = {
      id: created.id,
      slug: created.slug,
      sectionId: section.id,
      sectionSlug: section.slug,
      authorId: author.id,
      authorSlug: author.slug,
      tagId: tag.id,
      tagSlug: tag.slug,
      seriesId: series.id,
      seriesSlug: series.slug,
    };
  });
  after(async () => {
    await t.close();
    await purges.close();
  });

  const publicPages = () =>
    [
      ['/', 200, CACHE_CONTROL.page, ['lists']],
      [
        `/article/${story.slug}`,
        200,
        CACHE_CONTROL.page,
        [`article-${story.id}`, `section-${story.sectionId}`, `author-${story.authorId}`, `tag-${story.tagId}`, `series-${story.seriesId}`, 'lists'],
      ],
      [`/section/${story.sectionSlug}`, 200, CACHE_CONTROL.page, [`section-${story.sectionId}`, `article-${story.id}`]],
      [`/author/${story.authorSlug}`, 200, CACHE_CONTROL.page, [`author-${story.authorId}`, `article-${story.id}`]],
      [`/tag/${story.tagSlug}`, 200, CACHE_CONTROL.page, [`tag-${story.tagId}`, `article-${story.id}`]],
      [`/series/${story.seriesSlug}`, 200, CACHE_CONTROL.page, [`series-${story.seriesId}`, `article-${story.id}`]],
      ['/feed.xml', 200, CACHE_CONTROL.page, ['feeds']],
      [`/section/${story.sectionSlug}/feed.atom`, 200, CACHE_CONTROL.page, ['feeds']],
      ['/sitemap.xml', 200, CACHE_CONTROL.sitemap, ['sitemaps']],
      ['/search?q=ferry', 200, CACHE_CONTROL.page, ['search']],
      ['/search.json?q=ferry', 200, CACHE_CONTROL.page, ['search']],
      ['/robots.txt', 200, CACHE_CONTROL.robots, []],
      ['/article/no-such-story', 404, CACHE_CONTROL.notFound, ['missing']],
      [`/article/${withdrawnSlug}`, 410, CACHE_CONTROL.gone, ['missing']],
    ] as const;

  it('gives every public answer s-maxage, stale-while-revalidate where it helps, and its surrogate keys in both headers', async () => {
    assert.match(CACHE_CONTROL.page, /^public, max-age=60, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    for (const [url, status, cacheControl, expected] of publicPages()) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, status, url);
      assert.equal(response.headers['cache-control'], cacheControl, url);
      assert.match(String(response.headers['cache-control']), /s-maxage=/, url);
      const keys = keysOf(response);
      assert.equal(keys[0], 'site', url);
      for (const key of expected) assert.ok(keys.includes(key), `${url} lacks ${key}: ${keys.join(' ')}`);
      assert.equal(response.headers['cache-tag'], keys.join(','), url);
      assert.equal(new Set(keys).size, keys.length, url);
      // Public answers vary on Accept-Encoding only (they come in br, gzip or identity), never on
      // Cookie (a bypass rule handles signed-in readers).
      assert.equal(response.headers.vary, 'Accept-Encoding', url);
    }
  });

  it('sends the same keys from the page cache as on the render that filled it', async () => {
    t.deps.pageCache.clear();
    for (const url of ['/', `/article/${story.slug}`, `/section/${story.sectionSlug}`, '/feed.xml', '/search.json?q=ferry']) {
      const miss = await t.app.inject(url);
      const hit = await t.app.inject(url);
      assert.equal(miss.headers['x-page-cache'], 'miss', url);
      assert.equal(hit.headers['x-page-cache'], 'hit', url);
      assert.equal(hit.headers['surrogate-key'], miss.headers['surrogate-key'], url);
      assert.equal(hit.headers['cache-tag'], miss.headers['cache-tag'], url);
      assert.equal(hit.headers['cache-control'], miss.headers['cache-control'], url);
    }
  });

  it('answers If-None-Match with 304 on every public GET, keeping Cache-Control and the keys', async () => {
    for (const [url, status] of publicPages()) {
      if (status !== 200) continue;
      const first = await t.app.inject(url);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[^"]+"$/, url);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '', url);
      assert.equal(again.headers['cache-control'], first.headers['cache-control'], url);
      assert.equal(again.headers['surrogate-key'], first.headers['surrogate-key'], url);
      assert.equal(again.headers['cache-tag'], first.headers['cache-tag'], url);
      assert.equal(again.headers.etag, etag, url);
    }
  });

  it("keeps a signed-in reader's page private, and the shared page free of anything of theirs", async () => {
    const reader = await t.factories.reader({ displayName: 'Zelda Quartermain' });
    const csrf = csrfTokenFor(reader.cookie.split('=')[1] ?? '');
    const personal = await t.app.inject({ url: `/article/${story.slug}`, headers: { cookie: reader.cookie } });
    assert.equal(personal.statusCode, 200);
    assert.equal(personal.headers['cache-control'], CACHE_CONTROL.personal);
    assert.doesNotMatch(String(personal.headers['cache-control']), /public|s-maxage/);
    assert.equal(personal.headers['surrogate-key'], undefined);
    assert.equal(personal.headers['cache-tag'], undefined);
    assert.equal(personal.headers['x-page-cache'], undefined);
    assert.ok(personal.body.includes(csrf), "the personal page carries the reader's form token");

    // Fetched right after the personal page: served from the shared cache or rendered anew, it
    // must not know the reader.
    for (let i = 0; i < 2; i++) {
      const shared = await t.app.inject(`/article/${story.slug}`);
      assert.match(String(shared.headers['cache-control']), /^public/);
      assert.ok(!shared.body.includes('Zelda Quartermain'));
      assert.ok(!shared.body.includes(csrf));
      assert.ok(!shared.body.includes('name="_csrf"'));
      assert.equal(shared.headers['set-cookie'], undefined);
    }
  });

  it('never files newsroom, account or error answers under a key', async () => {
    const { user } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const reader = await t.factories.reader();
    for (const [url, headers] of [
      ['/newsroom', { cookie }],
      ['/newsroom/sign-in', {}],
      ['/account', { cookie: reader.cookie }],
      ['/search?from=not-a-date', {}],
      ['/healthz', {}],
    ] as const) {
      const response = await t.app.inject({ url, headers });
      assert.equal(response.headers['cache-control'], CACHE_CONTROL.noStore, url);
      assert.equal(response.headers['surrogate-key'], undefined, url);
      assert.equal(response.headers['cache-tag'], undefined, url);
    }
  });
});

describe('without a CDN to purge', () => {
  it('names no surrogate keys, though pages are still filed under them in the page cache', async () => {
    const t = await createTestApp();
    try {
      const story = await t.factories.article({ slug: 'quiet-harbour' });
      for (const url of ['/', `/article/${story.slug}`, '/feed.xml', '/sitemap.xml', '/robots.txt', '/article/no-such-story']) {
        const response = await t.app.inject(url);
        assert.equal(response.headers['surrogate-key'], undefined, url);
        assert.equal(response.headers['cache-tag'], undefined, url);
      }
      assert.ok(t.deps.pageCache.keysOf(`/article/${story.slug}`)?.includes(`article-${story.id}`));
    } finally {
      await t.close();
    }
  });
});
