import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasWordpressQuery, isServedPath, normaliseRedirectPath, redirectTarget } from './redirect-path.js';

describe('normaliseRedirectPath', () => {
  it('gives every spelling of a path one key: decoded, lower-cased, without one trailing slash', () => {
    for (const spelling of ['/2024/05/31/slug', '/2024/05/31/slug/', '/2024/05/31/Slug/', '/2024/05/31/%53LUG', '/2024/05/31/slug#comments']) {
      assert.equal(normaliseRedirectPath(spelling), '/2024/05/31/slug', spelling);
    }
    assert.equal(normaliseRedirectPath('/'), '/');
    assert.equal(normaliseRedirectPath(''), '/');
    assert.equal(normaliseRedirectPath('/a//'), '/a/', 'only one trailing slash goes');
    assert.equal(normaliseRedirectPath('/index.php'), '/');
  });

  it('decodes UTF-8 and NFC-normalises, so encoded and typed Korean or accented paths meet', () => {
    assert.equal(normaliseRedirectPath('/%ED%95%9C%EA%B5%AD/'), '/한국');
    assert.equal(normaliseRedirectPath('/한국'), '/한국');
    assert.equal(normaliseRedirectPath('/cafe%CC%81'), '/caf\u00e9');
    assert.equal(normaliseRedirectPath('/CAFÉ'), '/café');
  });

  it('never throws on broken percent-encoding, and keeps controls, ? and # encoded', () => {
    assert.equal(normaliseRedirectPath('/100%'), '/100%');
    assert.equal(normaliseRedirectPath('/%E0%A4%A/Old'), '/%e0%a4%a/old');
    assert.equal(normaliseRedirectPath('/a%00b'), '/a%00b');
    assert.equal(normaliseRedirectPath('/a%C2%85b'), '/a%c2%85b');
    assert.equal(normaliseRedirectPath('/what%3F'), '/what%3f');
    assert.equal(normaliseRedirectPath('/what%3F?p=1'), '/what%3f?p=1');
    assert.equal(normaliseRedirectPath('/issue%23-5'), '/issue%23-5');
    assert.ok(!hasWordpressQuery(normaliseRedirectPath('/what%3F')));
  });

  it('drops the query but for WordPress’s plain links, kept as the only parameter', () => {
    assert.equal(normaliseRedirectPath('/2024/05/31/slug/?utm_source=x&utm_medium=y'), '/2024/05/31/slug');
    assert.equal(normaliseRedirectPath('/?p=123'), '/?p=123');
    assert.equal(normaliseRedirectPath('/?p=123&utm_source=newsletter'), '/?p=123');
    assert.equal(normaliseRedirectPath('/?utm_source=newsletter&p=0123'), '/?p=123');
    assert.equal(normaliseRedirectPath('/index.php?p=123'), '/?p=123');
    assert.equal(normaliseRedirectPath('/?P=123'), '/?p=123');
    assert.equal(normaliseRedirectPath('/?page_id=7'), '/?page_id=7');
    assert.equal(normaliseRedirectPath('/?cat=4'), '/?cat=4');
    assert.equal(normaliseRedirectPath('/?tag=Harbour-News'), '/?tag=harbour-news');
    assert.equal(normaliseRedirectPath('/?tag=%ED%95%9C'), '/?tag=한');
    assert.equal(normaliseRedirectPath('/?author=2'), '/?author=2');
    for (const feed of ['rss2', 'rss', 'atom']) assert.equal(normaliseRedirectPath(`/?feed=${feed}`), `/?feed=${feed}`);
    assert.equal(normaliseRedirectPath('/?cat=5&feed=rss2'), '/?cat=5', 'one parameter, the first form in order');
    assert.equal(normaliseRedirectPath('/?p=1&p=2'), '/?p=1', 'the first of a repeated key');
    assert.equal(normaliseRedirectPath('/old?p=5'), '/old?p=5');
  });

  it('drops WordPress keys whose values are not WordPress’s', () => {
    for (const query of ['p=abc', 'p=', 'p=0', 'p=-1', 'p=12345678901234567890', 'feed=rdf', 'tag=a%20b', 'tag=a%26p%3D1', 's=harbour', 'm=202405']) {
      assert.equal(normaliseRedirectPath(`/?${query}`), '/', query);
    }
  });
});

describe('isServedPath', () => {
  it('names what Dateline serves: the home page, its areas, feeds and static pages', () => {
    for (const path of ['/', '/article/x', '/article', '/section', '/author', '/tag', '/series/s', '/newsroom', '/newsroom/x', '/api/v1']) {
      assert.ok(isServedPath(path), path);
    }
    for (const path of ['/account/sign-in', '/feed.xml', '/feed.atom', '/search', '/sitemap.xml', '/sitemaps/news.xml', '/about', '/privacy']) {
      assert.ok(isServedPath(path), path);
    }
  });

  it('leaves old paths, and WordPress links on the home page, to redirects', () => {
    // Listing pages look up a redirect for a slug they do not know (an imported tag or author's old one).
    for (const path of [
      '/2024/05/31/slug',
      '/slug',
      '/?p=123',
      '/?feed=rss2',
      '/category/world',
      '/articles',
      '/apiary',
      '/feed',
      '/tag/t',
      '/author/login',
      '/section/old',
    ]) {
      assert.ok(!isServedPath(path), path);
    }
    assert.ok(isServedPath('/article/x?p=1'), 'a query does not unserve a served path');
  });
});

describe('redirectTarget', () => {
  const site = 'https://news.example';
  it('keeps paths on this site, percent-encoded as browsers send them', () => {
    assert.equal(redirectTarget('/article/slug', site), '/article/slug');
    assert.equal(redirectTarget('/article/한국 뉴스', site), '/article/%ED%95%9C%EA%B5%AD%20%EB%89%B4%EC%8A%A4');
    assert.equal(redirectTarget('/section/world?page=2#top', site), '/section/world?page=2#top');
    assert.equal(redirectTarget('https://news.example/article/slug', site), '/article/slug', 'a full address on this site is its path');
  });

  it('keeps http(s) addresses elsewhere, and refuses anything else', () => {
    assert.equal(redirectTarget('https://archive.example.org/2019/story', site), 'https://archive.example.org/2019/story');
    assert.equal(redirectTarget('HTTP://Other.example/x', site), 'http://other.example/x');
    for (const bad of [
      'article/slug',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'ftp://x.example/',
      'https://user:pw@x.example/',
      'https://',
    ]) {
      assert.equal(redirectTarget(bad, site), undefined, bad);
    }
    assert.equal(redirectTarget(`/${'a'.repeat(2000)}`, site), undefined, 'too long');
  });
});
