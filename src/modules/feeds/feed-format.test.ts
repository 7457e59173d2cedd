import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { assertWellFormedXml } from '../../testing/well-formed-xml.js';
import { FEED_FORMATS, renderFeed, type FeedDocument, type FeedEntry } from './feed-format.js';

const SITE = 'https://news.example';
const NASTY = `<script>alert("x")</script> Tom & Jerry's "big" day ]]> ]]> 서울 소식 😀`;
/**
 * Item titles and summaries are HTML in both formats, so even a literal entity survives. Names and
 * feed titles are plain text, as the formats define them; this parser decodes entities in those too,
 * as many readers do, so they are checked without one.
 */
const NASTY_HTML = `${NASTY} &amp;`;

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    title: 'A plain headline',
    url: `${SITE}/article/a-plain-headline`,
    published: new Date('2026-11-20T01:00:00.000Z'),
    updated: new Date('2026-11-20T02:00:00.000Z'),
    authors: [{ name: 'Kim Ji-woo', email: 'jiwoo@news.example', url: `${SITE}/author/kim-ji-woo` }],
    categories: [{ term: 'world', label: 'World', url: `${SITE}/section/world` }],
    summary: 'A standfirst.',
    contentHtml: '<p>Body &amp; more.</p>',
    ...overrides,
  };
}

function document(entries: FeedEntry[]): FeedDocument {
  return {
    title: `${NASTY} | Dateline`,
    description: NASTY,
    pageUrl: `${SITE}/`,
    feedUrls: { rss: `${SITE}/feed.xml`, atom: `${SITE}/feed.atom` },
    language: 'en',
    copyright: '© Dateline & Co',
    updated: new Date('2026-11-20T02:00:00.000Z'),
    entries,
  };
}

describe('feed XML', () => {
  for (const format of FEED_FORMATS) {
    it(`keeps any text intact and the XML well-formed (${format})`, () => {
      const xml = renderFeed(
        document([
          entry({
            title: NASTY_HTML,
            summary: NASTY_HTML,
            contentHtml: '<p>&lt;script&gt; &amp; 😀</p>',
            authors: [{ name: `${NASTY}`, url: `${SITE}/author/a` }],
            categories: [{ term: 'odd', label: `a < b & "c"`, url: `${SITE}/tag/odd` }],
          }),
        ]),
        format,
      );
      assertWellFormedXml(xml);
      assert.doesNotMatch(xml, /<script>/, 'no live markup anywhere');
      const feed = parseFeed(xml);
      assert.equal(feed.meta.type, format);
      assert.equal(feed.title, `${NASTY} | Dateline`);
      const [item] = feed.items;
      assert.ok(item);
      assert.equal(item.title, NASTY_HTML);
      assert.equal(item.description, NASTY_HTML);
      // The body goes out as the HTML Preact escaped; this parser hands content back entity-decoded.
      assert.ok(xml.includes('<![CDATA[<p>&lt;script&gt; &amp; 😀</p>]]>'));
      assert.equal(item.content, '<p><script> & 😀</p>');
      assert.equal(item.authors[0]?.name, NASTY);
      assert.match(item.categories[0]?.label ?? item.categories[0]?.term ?? '', /^a [<＜] b & "c"$/);
    });

    it(`drops characters XML cannot carry (${format})`, () => {
      const xml = renderFeed(document([entry({ title: 'Bell\u0007 and \uD800 lone', summary: 'Null\u0000 byte' })]), format);
      assertWellFormedXml(xml);
      const [item] = parseFeed(xml).items;
      assert.equal(item?.title, 'Bell and  lone');
      assert.equal(item?.description, 'Null byte');
    });

    it(`gives a JPEG enclosure its real type and length (${format})`, () => {
      const xml = renderFeed(document([entry({ enclosure: { url: `${SITE}/media/a-1200.jpg`, type: 'image/jpeg', length: 1234 } })]), format);
      assertWellFormedXml(xml);
      const [media] = parseFeed(xml).items[0]?.media ?? [];
      assert.equal(media?.url, `${SITE}/media/a-1200.jpg`);
      assert.equal(media?.mimeType, 'image/jpeg');
      assert.equal(media?.length, 1234);
    });

    it(`writes an empty feed that still parses (${format})`, () => {
      const xml = renderFeed(document([]), format);
      assertWellFormedXml(xml);
      const feed = parseFeed(xml);
      assert.equal(feed.items.length, 0);
      assert.equal(feed.url, `${SITE}/`);
      assert.equal(feed.self, format === 'rss' ? `${SITE}/feed.xml` : `${SITE}/feed.atom`);
    });
  }
});
