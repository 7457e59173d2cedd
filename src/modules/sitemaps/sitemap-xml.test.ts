import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xmllint } from '../../testing/xml-schema.js';
import { googleNewsLanguage } from './google-news.js';
import { XmlWriter, sitemapIndexXml, urlsetXml, w3cDateTime, xmlText } from './sitemap-xml.js';

const AWKWARD = 'Q&A: <b>"Rates" won\'t fall</b> 😀 한국어 뉴스\u0007\u0000 end\uFFFE\uD800';

describe('sitemap XML', () => {
  it('escapes the five XML specials and drops characters XML 1.0 forbids, keeping emoji and Korean', () => {
    assert.equal(xmlText(AWKWARD), 'Q&amp;A: &lt;b&gt;&quot;Rates&quot; won&apos;t fall&lt;/b&gt; 😀 한국어 뉴스 end');
    assert.equal(xmlText('tab\tnew\nline\r'), 'tab\tnew\nline\r');
    assert.equal(xmlText('&amp;'), '&amp;amp;', 'text is escaped once, never taken as markup');
  });

  it('writes W3C datetimes in UTC to the second', () => {
    assert.equal(w3cDateTime(new Date('2026-11-20T03:04:05.678Z')), '2026-11-20T03:04:05Z');
  });

  it('refuses to finish a document with elements left open, or close one never opened', () => {
    assert.throws(() => new XmlWriter().start('urlset').toString());
    assert.throws(() => new XmlWriter().end());
  });

  it('makes a news sitemap from awkward headlines that xmllint validates against the published schemas', () => {
    const publishedAt = new Date('2026-11-20T03:00:00Z');
    const xml = urlsetXml([
      {
        loc: 'https://news.example/article/q-and-a?x=1&y=2',
        news: { publicationName: 'Tom & Jerry\'s "Daily" <News>', language: 'ko', publishedAt, title: AWKWARD },
      },
    ]);
    const result = xmllint(xml, 'news');
    assert.ok(result.valid, result.output);
    assert.match(xml, /<loc>https:\/\/news\.example\/article\/q-and-a\?x=1&amp;y=2<\/loc>/);
    assert.match(xml, /<news:title>Q&amp;A: &lt;b&gt;&quot;Rates&quot; won&apos;t fall&lt;\/b&gt; 😀 한국어 뉴스 end<\/news:title>/);
    assert.match(xml, /<news:publication_date>2026-11-20T03:00:00Z<\/news:publication_date>/);
    // Without Google's schema loaded, the urlset schema's strict wildcard rejects news:news: the
    // wrapper schema is what makes the news elements checked at all.
    assert.equal(xmllint(xml, 'urlset').valid, false);
  });

  it('makes a urlset and an index that validate, and rejects what the schemas reject', () => {
    const lastmod = new Date('2026-11-20T03:00:00Z');
    const urlset = urlsetXml([{ loc: 'https://news.example/', lastmod }, { loc: 'https://news.example/about' }]);
    const urlsetResult = xmllint(urlset, 'urlset');
    assert.ok(urlsetResult.valid, urlsetResult.output);
    const index = sitemapIndexXml([{ loc: 'https://news.example/sitemaps/pages.xml', lastmod }]);
    const indexResult = xmllint(index, 'index');
    assert.ok(indexResult.valid, indexResult.output);
    // The validator is not a rubber stamp: an index is not a urlset, and a urlset needs a URL.
    assert.equal(xmllint(index, 'urlset').valid, false);
    assert.equal(xmllint(urlsetXml([]), 'urlset').valid, false);
    assert.ok(xmllint(urlsetXml([])).valid, 'an empty urlset is still well-formed');
  });

  it('gives Google News an ISO 639 code, zh-cn or zh-tw for Chinese', () => {
    const cases: Array<[string, string]> = [
      ['en', 'en'],
      ['en-GB', 'en'],
      ['ko-KR', 'ko'],
      ['fil', 'fil'],
      ['pt_BR', 'pt'],
      ['zh', 'zh-cn'],
      ['zh-Hans', 'zh-cn'],
      ['zh-TW', 'zh-tw'],
      ['zh-HK', 'zh-tw'],
      ['zh-Hant', 'zh-tw'],
    ];
    for (const [tag, expected] of cases) assert.equal(googleNewsLanguage(tag), expected, tag);
  });
});
