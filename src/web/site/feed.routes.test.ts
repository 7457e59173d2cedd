import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { ArticleBody } from '../../shared/article-body.js';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { assertWellFormedXml } from '../../testing/well-formed-xml.js';

const SITE = 'https://news.example';
const NASTY = `<script>alert("x")</script> Tom & Jerry's "big" day ]]> 서울 소식 😀`;
const TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' } as const;
const EXT = { rss: 'xml', atom: 'atom' } as const;
const FORMATS = ['rss', 'atom'] as const;

describe('RSS and Atom feeds', () => {
  let t: TestApp;
  let hero: string;
  let leadPublished: Date;
  let leadUpdated: Date;
  let leadId: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const feed = async (url: string) => {
    const response = await get(url);
    assert.equal(response.statusCode, 200, url);
    assertWellFormedXml(response.body);
    return parseFeed(response.body);
  };
  const hoursAgo = (hours: number) => new Date(t.clock.now().getTime() - hours * HOUR_MS);

  before(async () => {
    t = await createTestApp();
    const f = t.factories;
    const world = await f.section({ slug: 'world', name: 'World' });
    const features = await f.section({ slug: 'features', name: 'Features' });
    await f.section({ slug: 'quiet', name: 'Quiet' });
    const jane = await f.author({ slug: 'jane-reporter', name: 'Jane Reporter' });
    const sam = await f.author({ slug: 'sam-writer', name: 'Sam Writer' });
    await f.author({ slug: 'no-stories', name: 'Not Yet' });
    const coast = await f.series({ slug: 'the-coast', title: 'The Coast' });
    const unreleased = await f.series({ slug: 'unreleased', title: 'Unreleased' });
    hero = await f.media({ alt: 'Ships in the harbour', caption: 'The harbour at dawn', credit: 'Port Agency' });
    const figure = await f.media({ alt: 'A crane' });
    const body: ArticleBody = [
      {
        type: 'paragraph',
        content: [{ text: 'Read ' }, { text: 'the earlier story', href: '/article/part-one' }, { text: ' & <more>.', marks: ['em'] }],
      },
      { type: 'figure', mediaId: figure },
      { type: 'heading', text: 'What next' },
      { type: 'list', ordered: false, items: [[{ text: 'Elsewhere', href: 'https://other.example/x' }]] },
    ];
    leadPublished = hoursAgo(1);
    leadUpdated = hoursAgo(0.5);
    ({ id: leadId } = await f.article({
      slug: 'harbour-reopens',
      headline: NASTY,
      standfirst: 'Ships & sailors return; "finally".',
      section: world,
      authorIds: [jane.id, sam.id],
      tags: ['Harbour'],
      heroMediaId: hero,
      body,
      publishedAt: leadPublished,
      updatedAt: leadUpdated,
    }));
    await f.article({ slug: 'part-one', headline: 'Part one', section: world, authorIds: [jane.id], seriesId: coast.id, seriesPart: 1, hoursAgo: 5 });
    await f.article({
      slug: 'part-two',
      headline: 'Part two',
      section: features,
      authorIds: [sam.id],
      seriesId: coast.id,
      seriesPart: 2,
      hoursAgo: 3,
    });
    const hidden = { section: world, authorIds: [jane.id], seriesId: coast.id, seriesPart: 3 };
    await f.article({ ...hidden, headline: 'HIDDEN draft', status: 'draft' });
    await f.article({ ...hidden, headline: 'HIDDEN scheduled', status: 'scheduled', publishedAt: new Date(t.clock.now().getTime() + HOUR_MS) });
    await f.article({ ...hidden, headline: 'HIDDEN future', publishedAt: new Date(t.clock.now().getTime() + HOUR_MS) });
    await f.article({ ...hidden, headline: 'HIDDEN embargoed', embargoUntil: new Date(t.clock.now().getTime() + HOUR_MS) });
    const withdrawn = await f.article({ ...hidden, headline: 'HIDDEN withdrawn' });
    await f.setStatus(withdrawn.id, 'unpublished');
    await f.article({ section: world, authorIds: [jane.id], seriesId: unreleased.id, seriesPart: 1, headline: 'HIDDEN unreleased', status: 'draft' });
  });
  after(() => t.close());

  const cases = [
    { path: '', title: 'Dateline', page: `${SITE}/`, headlines: [NASTY, 'Part two', 'Part one'] },
    { path: '/section/world', title: 'World | Dateline', page: `${SITE}/section/world`, headlines: [NASTY, 'Part one'] },
    { path: '/author/jane-reporter', title: 'Jane Reporter | Dateline', page: `${SITE}/author/jane-reporter`, headlines: [NASTY, 'Part one'] },
    { path: '/author/sam-writer', title: 'Sam Writer | Dateline', page: `${SITE}/author/sam-writer`, headlines: [NASTY, 'Part two'] },
    { path: '/series/the-coast', title: 'The Coast | Dateline', page: `${SITE}/series/the-coast`, headlines: ['Part two', 'Part one'] },
  ];

  for (const format of FORMATS) {
    for (const c of cases) {
      it(`serves ${c.path || 'the site'}'s ${format} feed: newest first, visible stories only, absolute links`, async () => {
        const url = `${c.path}/feed.${EXT[format]}`;
        const response = await get(url);
        assert.equal(response.headers['content-type'], TYPES[format]);
        assert.equal(response.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
        const parsed = await feed(url);
        assert.equal(parsed.meta.type, format);
        assert.equal(parsed.title, c.title);
        assert.equal(parsed.url, c.page);
        assert.equal(parsed.self, `${SITE}${url}`);
        assert.deepEqual(
          parsed.items.map((item) => item.title),
          c.headlines,
        );
        assert.doesNotMatch(response.body, /HIDDEN/);
        for (const item of parsed.items) {
          assert.match(item.url ?? '', /^https:\/\/news\.example\/article\/[a-z-]+$/);
          assert.match(item.id ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
        }
      });
    }

    it(`describes a story fully (${format}): every author, dates, categories, summary, body and hero enclosure`, async () => {
      const parsed = await feed(`/feed.${EXT[format]}`);
      const item = parsed.items[0];
      assert.ok(item);
      assert.equal(item.title, NASTY);
      assert.equal(item.id, `urn:uuid:${leadId}`);
      assert.equal(item.url, `${SITE}/article/harbour-reopens`);
      assert.equal(item.description, 'Ships & sailors return; "finally".');
      assert.deepEqual(
        item.authors.map((author) => author.name),
        ['Jane Reporter', 'Sam Writer'],
      );
      if (format === 'atom') {
        assert.deepEqual(
          item.authors.map((author) => author.url),
          [`${SITE}/author/jane-reporter`, `${SITE}/author/sam-writer`],
        );
        assert.equal(item.updated?.toISOString(), leadUpdated.toISOString());
      }
      assert.equal(item.published?.toISOString(), leadPublished.toISOString());
      const labels = item.categories.map((category) => category.label ?? category.term);
      assert.deepEqual(labels, ['World', 'Harbour']);
      assert.deepEqual(
        item.media.map((media) => [media.url, media.mimeType, media.length]),
        [[`${SITE}/media/${hero}-1200.jpg`, 'image/jpeg', 0]],
      );
      const content = item.content ?? '';
      assert.match(content, new RegExp(`<img src="${SITE}/media/${hero}-1200\\.jpg" width="1200" height="675" alt="Ships in the harbour"`));
      assert.match(
        content,
        /<figcaption><span class="caption-mark" aria-hidden="true">△ <\/span>The harbour at dawn<span class="credit"> \(ⓒ Port Agency\)<\/span><\/figcaption>/,
      );
      assert.match(content, new RegExp(`<a href="${SITE}/article/part-one">`));
      assert.match(content, /<a href="https:\/\/other\.example\/x">/);
      assert.match(content, /<h2>What next<\/h2>/);
      assert.doesNotMatch(content, /src="\/|href="\//, 'no site-relative URL left');
    });

    it(`carries only summaries once the setting says so, at once (${format})`, async () => {
      const url = `/feed.${EXT[format]}`;
      assert.ok((await feed(url)).items[0]?.content);
      await t.deps.settings.updatePublication({ feedContent: 'summary' });
      try {
        const item = (await feed(url)).items[0];
        assert.equal(item?.description, 'Ships & sailors return; "finally".');
        assert.equal(item?.content === null || item?.content === item?.description, true, 'no body');
        assert.equal(item?.media.length, 1, 'the picture stays');
      } finally {
        await t.deps.settings.updatePublication({ feedContent: 'full' });
      }
      assert.match((await feed(url)).items[0]?.content ?? '', /What next/);
    });

    it(`answers 404 for unknown slugs and for a series with nothing published (${format})`, async () => {
      for (const path of ['/section/nowhere', '/author/nobody', '/series/no-such', '/series/unreleased']) {
        const response = await get(`${path}/feed.${EXT[format]}`);
        assert.equal(response.statusCode, 404, path);
        assert.equal(response.headers['x-error-code'], 'ERR_NOT_FOUND');
      }
    });

    it(`gives a section or author without stories yet an empty feed, like their pages (${format})`, async () => {
      assert.equal((await feed(`/section/quiet/feed.${EXT[format]}`)).items.length, 0);
      assert.equal((await feed(`/author/no-stories/feed.${EXT[format]}`)).items.length, 0);
    });

    it(`answers 304 to a matching If-None-Match, from the page cache (${format})`, async () => {
      const url = `/section/world/feed.${EXT[format]}`;
      const first = await get(url);
      const etag = first.headers.etag;
      assert.ok(typeof etag === 'string');
      const again = await get(url, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.headers['x-page-cache'], 'hit');
      assert.equal(again.body, '');
      assert.equal((await get(url, { 'if-none-match': '"other"' })).statusCode, 200);
    });
  }

  it('gives an enclosure the length of the stored image file', async () => {
    const photo = await t.factories.media({ alt: 'Stored' });
    await fs.mkdir(t.deps.mediaDir, { recursive: true });
    await fs.writeFile(path.join(t.deps.mediaDir, `${photo}-1200.jpg`), Buffer.alloc(4321));
    await t.factories.article({ slug: 'with-photo', headline: 'With a stored photo', heroMediaId: photo, hoursAgo: 0.1 });
    for (const format of FORMATS) {
      const item = (await feed(`/feed.${EXT[format]}`)).items.find((candidate) => candidate.title === 'With a stored photo');
      assert.deepEqual(
        item?.media.map((media) => [media.url, media.length]),
        [[`${SITE}/media/${photo}-1200.jpg`, 4321]],
        format,
      );
    }
  });

  it('shows a story in the feeds as soon as it is published', async () => {
    assert.equal((await get('/feed.xml')).statusCode, 200);
    await t.factories.article({ headline: 'Just in', hoursAgo: 0 });
    assert.equal((await feed('/feed.xml')).items[0]?.title, 'Just in');
  });

  it('announces the site feed on every page and a list’s own feed on its page, and links it in the footer', async () => {
    const site = [
      `<link rel="alternate" type="application/rss+xml" title="Dateline (RSS)" href="${SITE}/feed.xml"/>`,
      `<link rel="alternate" type="application/atom+xml" title="Dateline (Atom)" href="${SITE}/feed.atom"/>`,
    ];
    const pages = [
      { url: '/', own: null },
      { url: '/article/harbour-reopens', own: null },
      { url: '/section/world', own: ['World', '/section/world'] },
      { url: '/author/jane-reporter', own: ['Jane Reporter', '/author/jane-reporter'] },
      { url: '/series/the-coast', own: ['The Coast', '/series/the-coast'] },
    ] as const;
    for (const page of pages) {
      const body = (await get(page.url)).body;
      for (const link of site) assert.ok(body.includes(link), `${page.url}: ${link}`);
      assert.match(body, /<a href="\/feed\.xml" type="application\/rss\+xml">RSS feed<\/a>/);
      if (page.own) {
        const [title, path] = page.own;
        assert.ok(
          body.includes(`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${SITE}${path}/feed.xml"/>`),
          page.url,
        );
        assert.ok(
          body.includes(`<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${SITE}${path}/feed.atom"/>`),
          page.url,
        );
        assert.ok(body.includes(`<a href="${path}/feed.xml" type="application/rss+xml">RSS</a>`), page.url);
      }
    }
  });
});
