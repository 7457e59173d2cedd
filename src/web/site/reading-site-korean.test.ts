import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CATALOGUES, translatorFor } from '../../shared/i18n/index.js';
import { koErrors } from '../../shared/i18n/errors.ko.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

/** The English catalogue's fixed texts (no placeholders, no tags) as they would appear in HTML. */
const ENGLISH_CHROME = Object.values(CATALOGUES.en)
  .flatMap((message) => (typeof message === 'string' ? [message] : []))
  .filter((text) => !/[{<]/.test(text))
  .map((text) => text.replace(/&/g, '&amp;'));

/** English chrome as an element's whole text or an accessible name (not `name="to"` and the like). */
function leakedEnglish(html: string): string[] {
  return ENGLISH_CHROME.filter((text) => html.includes(`>${text}<`) || html.includes(`aria-label="${text}"`));
}

/** The page's own part: the error page's status, title, message and way back. */
function mainOf(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  assert.ok(main, 'the page has a <main>');
  return main;
}

describe('reading site in Korean (publication language ko)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.deps.settings.updatePublication({ language: 'ko', timeZone: 'Asia/Seoul' });
  });
  after(() => t.close());

  it('shows the home page and an article page with Korean chrome, Korean dates and no English chrome', async () => {
    const section = await t.factories.section({ slug: 'world', name: '국제' });
    const author = await t.factories.author({ name: '김기자', slug: 'kim' });
    const { slug } = await t.factories.article({
      section,
      authorIds: [author.id],
      headline: '폭풍 뒤 항구 다시 열려',
      viewCount: 1234,
      tags: ['해운'],
      corrections: [{ kind: 'correction', text: '날짜를 바로잡았습니다.' }],
    });

    const home = await t.app.inject('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="ko">/);
    assert.match(home.body, /href="#main-content">본문 바로가기</);
    assert.match(home.body, /<h2 id="home-latest-heading">최신 기사<\/h2>/);
    assert.match(home.body, /첫 화면으로 돌아가기 \(아래\)/);
    assert.deepEqual(leakedEnglish(home.body), []);

    const article = await t.app.inject(`/article/${slug}`);
    assert.equal(article.statusCode, 200);
    const html = article.body;
    assert.match(html, /본문 바로가기/);
    assert.match(html, /입력 <time[^>]*>\d{4}년 \d{1,2}월 \d{1,2}일 오[전후] \d{1,2}:\d{2}<\/time>/);
    assert.match(html, /조회수 1,234/);
    assert.match(html, /<h2 id="share-heading">공유하기<\/h2>/);
    assert.match(html, /<h2 id="corrections-heading">정정 및 업데이트<\/h2>/);
    assert.match(html, /aria-label="태그"/);
    assert.deepEqual(leakedEnglish(html), []);
    assert.doesNotMatch(html, /Skip to main content|Share it on|Views 1,234|Weekly Best Articles/);
  });

  it('shows error pages in Korean', async () => {
    const missing = await t.app.inject('/article/no-such-story');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<p class="error-status">오류 404<\/p>/);
    assert.match(missing.body, /<h1>페이지를 찾을 수 없습니다<\/h1>/);
    assert.match(missing.body, /<a href="\/">첫 화면으로 가거나<\/a> 위의 섹션에서 최신 기사를 찾아보세요\./);
    // The message too is the code's Korean one, not ERROR_CATALOGUE's English.
    assert.equal(missing.headers['x-error-code'], 'ERR_ARTICLE_NOT_FOUND');
    assert.ok(mainOf(missing.body).includes(`<p>${koErrors.ERR_ARTICLE_NOT_FOUND}</p>`));
    assert.deepEqual(untranslatedText(mainOf(missing.body)), []);

    const nowhere = await t.app.inject('/no/such/page');
    assert.equal(nowhere.statusCode, 404);
    assert.ok(mainOf(nowhere.body).includes(`<p>${koErrors.ERR_NOT_FOUND}</p>`));
    assert.deepEqual(untranslatedText(mainOf(nowhere.body)), []);
  });
  it("gives site.js the page's Korean words for the share block and the comments", async () => {
    const story = await t.factories.article({ headline: '공유할 기사' });
    const html = (await t.app.inject(`/article/${story.slug}`)).body;
    const { t: ko } = translatorFor('ko');
    const words: Record<string, string> = {};
    for (const [, name = '', text = ''] of html.matchAll(/\sdata-msg-([a-z-]+)="([^"]*)"/g)) words[name] = text;
    assert.deepEqual(words, {
      copied: ko('script.linkCopied'),
      'copy-failed': ko('script.copyFailed'),
      'too-long': ko('script.commentTooLong', { max: '300' }),
      'too-large': ko('script.commentTooLarge'),
      failed: ko('script.failed'),
      offline: ko('script.offline'),
      reported: ko('script.reported'),
    });
    assert.match(html, /<section class="share"[^>]* data-msg-copied="링크를 복사했습니다\."/);
    assert.match(html, /<section class="comments"[^>]* data-comments="true"[^>]* data-msg-too-long="[^"]*300자/);
  });

  it('shows the search, section and tag pages with Korean labels', async () => {
    const search = await t.app.inject('/search?q=%EC%97%86%EB%8A%94%EB%A7%90');
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /<h1>검색<\/h1>/);
    assert.match(search.body, /“없는말” 검색 결과가 없습니다\./);
    assert.deepEqual(leakedEnglish(search.body), []);

    const section = await t.factories.section({ slug: 'empty', name: '빈 섹션' });
    const sectionPage = await t.app.inject(`/section/${section.slug}`);
    assert.match(sectionPage.body, /아직 발행된 기사가 없습니다\./);
    assert.deepEqual(leakedEnglish(sectionPage.body), []);

    const story = await t.factories.article({ tags: ['태풍'] });
    const tagPath = /href="(\/tag\/[^"]+)"/.exec((await t.app.inject(`/article/${story.slug}`)).body)?.[1];
    assert.ok(tagPath);
    const tagPage = await t.app.inject(tagPath);
    assert.match(tagPage.body, /태풍 태그가 붙은 기사, 최신순\./);
  });
});

describe('a Korean edition of an English publication', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
  });
  after(() => t.close());

  it("shows its error pages' messages in Korean, and the English edition's in English", async () => {
    const korean = await t.app.inject('/ko/article/missing');
    assert.equal(korean.statusCode, 404);
    assert.equal(korean.headers['x-error-code'], 'ERR_ARTICLE_NOT_FOUND');
    assert.match(korean.body, /<html lang="ko">/);
    assert.ok(mainOf(korean.body).includes(`<p>${koErrors.ERR_ARTICLE_NOT_FOUND}</p>`));
    assert.deepEqual(untranslatedText(mainOf(korean.body)), []);

    const english = await t.app.inject('/article/missing');
    assert.equal(english.statusCode, 404);
    assert.match(mainOf(english.body), /<p>We could not find that story\.<\/p>/);
  });
});
