import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ArticleSummary } from '../../../modules/articles/index.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { FragmentCache } from './fragment.js';
import { Masthead, MastheadMarkup } from './masthead.js';
import { RankedList, RankedListMarkup } from './ranked-list.js';
import { SiteFooter, SiteFooterMarkup } from './site-footer.js';

describe('FragmentCache', () => {
  it('renders once per owner, variant and inputs, and again when any of them is another object', () => {
    const cache = new FragmentCache<object>();
    let builds = 0;
    const build = () => {
      builds++;
      return h('p', null, 'a & <b>');
    };
    const owner = {};
    const input = {};
    const html = renderToString(h('div', null, cache.render(owner, 'x', build, [input])));
    assert.equal(html, '<div><p>a &amp; &lt;b></p></div>');
    assert.equal(renderToString(h('div', null, cache.render(owner, 'x', build, [input]))), html);
    assert.equal(builds, 1);
    cache.render(owner, 'x', build, [{}]);
    cache.render(owner, 'y', build, [input]);
    cache.render({}, 'x', build, [input]);
    assert.equal(builds, 4);
  });
});

describe('shared fragments', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const section = await t.factories.section({ name: 'News & <Views>' });
    for (let n = 1; n <= 3; n++) await t.factories.article({ section, headline: `Café "${n}" <b>bold</b> & more`, hoursAgo: n });
    await t.deps.lists.refresh();
  });
  after(() => t.close());

  it('are byte for byte what rendering the components in place gives, from the cache too', () => {
    const site = t.deps.site.current();
    const year = new Date().getUTCFullYear();
    const stories: ArticleSummary[] = t.deps.lists.current.latest;
    assert.ok(stories.length >= 3);
    const pairs = [
      [h(Masthead, { site }), h(MastheadMarkup, { site })],
      [h(SiteFooter, { site }), h(SiteFooterMarkup, { site, year })],
      [
        h(RankedList, { title: 'Popular Now', listId: 'popular-now', stories, numbered: true, showSection: true }),
        h(RankedListMarkup, { title: 'Popular Now', listId: 'popular-now', stories, numbered: true, showSection: true }),
      ],
    ] as const;
    for (const [cached, inPlace] of pairs) {
      const expected = renderToString(h('body', null, inPlace));
      assert.equal(renderToString(h('body', null, cached)), expected, 'first render');
      assert.equal(renderToString(h('body', null, cached)), expected, 'from the cache');
    }
  });

  it('follow the content: one site context until something in it changes', async () => {
    const before = t.deps.site.current();
    assert.equal(t.deps.site.current(), before, 'the same object while nothing changed');
    await t.deps.settings.updatePublication({ name: 'The Quayside Post' });
    const after = t.deps.site.current();
    assert.notEqual(after, before);
    assert.match(renderToString(h(Masthead, { site: after })), /The Quayside Post/);
  });
});
