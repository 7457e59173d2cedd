import assert from 'node:assert/strict';
import { csrfTokenFor } from '../http/csrf.js';
import { after, before, describe, it } from 'node:test';
import { linkIn, recordMail, type MailRecorder } from '../../testing/account-mail.js';
import { postForm } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';
import type { ArticleSummary } from '../../modules/articles/index.js';
import type { ErrorCode } from '../../shared/errors.js';
import { translatorFor } from '../../shared/i18n/index.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** What stays as written on a Korean page: the fixtures', the publication's settings and the newsletters' own names (not yet per edition). */
const ALLOW = [
  'An independent news publication.',
  'newsroom@example.com',
  '더 데이트라인',
  'The Morning Briefing',
  'Breaking news alerts',
  'World weekly',
  'World',
  'reader@mail.example',
  'Reader One',
  'ko-reader@mail.example',
];

describe('the reader pages and mail of a Korean edition (/ko/newsletters, /ko/account)', () => {
  let t: TestApp;
  let sent: MailRecorder;
  let ip = 0;
  const nextIp = () => `10.9.0.${++ip}`;
  const site = () => t.config.siteUrl;
  /** The untranslated words of a page, beside the newsletters' names and descriptions (content of the newsletters module). */
  const english = async (html: string, allow: readonly string[] = []) => {
    const newsletters = (await t.deps.subscribers.catalog.list()).flatMap((info) => [info.name, info.description]);
    return untranslatedText(html, [...allow, ...newsletters, ...ALLOW]);
  };
  /** A coded error's message in Korean (the error catalogue's; allowed above, as it may still be the English while errors.ko.ts grows). */
  const koreanError = (code: ErrorCode) => translatorFor('ko').error(code);
  const assertKoreanError = (html: string, code: ErrorCode) => {
    const escaped = koreanError(code).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    assert.ok(html.includes(escaped), `the page shows ${code}'s Korean message`);
  };

  before(async () => {
    t = await createTestApp();
    sent = recordMail(t.deps);
    await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    await t.factories.section({ slug: 'world', name: 'World' });
  });
  after(() => t.close());

  it('signs up at /ko/, mails the confirmation in Korean with /ko/ links, and confirms, manages and unsubscribes in Korean', async () => {
    const home = await t.app.inject('/ko/');
    assert.match(home.body, /action="\/ko\/newsletters\/subscribe"/, 'the form posts to the edition');

    const signUp = await postForm(
      t.app,
      '/ko/newsletters/subscribe',
      { email: 'reader@mail.example', newsletter: 'briefing', website: '' },
      { remoteAddress: nextIp() },
    );
    assert.equal(signUp.statusCode, 200);
    assert.match(signUp.body, /<html lang="ko">/);
    assert.deepEqual(await english(signUp.body), []);

    const [mail] = await sent.to('reader@mail.example');
    assert.ok(mail);
    assert.match(mail.subject, HANGUL);
    assert.match(mail.html, /<html lang="ko"/);
    assert.doesNotMatch(mail.text, /Confirm|subscription|ignore/);
    const confirmPath = linkIn(mail, site(), '/ko/newsletters/confirm/');

    const confirmPage = await t.app.inject(confirmPath);
    assert.equal(confirmPage.statusCode, 200);
    assert.match(confirmPage.body, new RegExp(`action="${confirmPath}"`));
    assert.deepEqual(await english(confirmPage.body), []);

    const confirmed = await postForm(t.app, confirmPath, {});
    assert.equal(confirmed.statusCode, 200);
    assert.deepEqual(await english(confirmed.body), []);
    const preferencesPath = /href="(\/ko\/newsletters\/preferences\/[^"]+)"/.exec(confirmed.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(preferencesPath, 'the preferences link stays in the edition');

    const saved = await postForm(t.app, preferencesPath, { newsletter: 'briefing', action: 'save' });
    assert.equal(saved.statusCode, 303);
    assert.match(String(saved.headers.location), /^\/ko\/newsletters\/preferences\/.*saved=1/);
    const preferences = await t.app.inject(String(saved.headers.location));
    assert.equal(preferences.statusCode, 200);
    assert.deepEqual(await english(preferences.body), []);

    const [recipient] = await t.deps.subscribers.recipients('briefing', null, 10);
    assert.ok(recipient);
    const unsubscribeUrl = t.deps.subscribers.oneClickUnsubscribeUrl(recipient.subscriberId, 'briefing', 'ko');
    const unsubscribePath = unsubscribeUrl.slice(site().length);
    const unsubscribe = await t.app.inject(unsubscribePath);
    assert.equal(unsubscribe.statusCode, 200);
    assert.deepEqual(await english(unsubscribe.body), []);
    const done = await postForm(t.app, unsubscribePath, { 'List-Unsubscribe': 'One-Click' });
    assert.equal(done.statusCode, 200);
    assert.deepEqual(await english(done.body), []);
  });

  it("sends an issue's fixed words in the language of the edition each subscriber signed up in, with links to it", async () => {
    const confirmIn = async (prefix: string, email: string) => {
      await postForm(t.app, `${prefix}/newsletters/subscribe`, { email, newsletter: 'breaking', website: '' }, { remoteAddress: nextIp() });
      const [mail] = await sent.to(email);
      assert.ok(mail);
      assert.equal((await postForm(t.app, linkIn(mail, site(), `${prefix}/newsletters/confirm/`), {})).statusCode, 200);
    };
    await confirmIn('/ko', 'issue-ko@mail.example');
    await confirmIn('', 'issue-en@mail.example');
    const story = await t.factories.article({ headline: 'Harbour reopens' });
    const summary = { id: story.id, slug: story.slug, headline: 'Harbour reopens', standfirst: '', section: { name: 'World' } } as ArticleSummary;
    await t.deps.newsletterIssues.sendBreaking(summary);
    await t.deps.newsletterIssues.runDue(new AbortController().signal);

    const korean = (await sent.to('issue-ko@mail.example')).find((mail) => mail.kind === 'newsletter.issue');
    assert.ok(korean);
    assert.match(korean.html, /<html lang="ko"/);
    assert.match(korean.text, /구독 해지: https:\/\/[^/]+\/ko\/newsletters\/unsubscribe\//);
    assert.match(korean.text, /뉴스레터 구독 관리: https:\/\/[^/]+\/ko\/newsletters\/preferences\//);
    assert.doesNotMatch(korean.text, /Unsubscribe|Manage your newsletters|because you subscribed/);
    const english = (await sent.to('issue-en@mail.example')).find((mail) => mail.kind === 'newsletter.issue');
    assert.ok(english);
    assert.match(english.text, /Unsubscribe: https:\/\/[^/]+\/newsletters\/unsubscribe\//);
  });

  it('refuses a bad address at /ko/ with a Korean error page', async () => {
    const refused = await postForm(
      t.app,
      '/ko/newsletters/subscribe',
      { email: 'nope', newsletter: 'briefing', website: '' },
      { remoteAddress: nextIp() },
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_MAIL_ADDRESS_INVALID');
    assert.match(refused.body, /<html lang="ko">/);
    assertKoreanError(refused.body, 'ERR_MAIL_ADDRESS_INVALID');
    assert.deepEqual(await english(refused.body, [koreanError('ERR_MAIL_ADDRESS_INVALID')]), []);
  });

  it("keeps the default edition's newsletter pages in English", async () => {
    const page = await postForm(
      t.app,
      '/newsletters/subscribe',
      { email: 'en@mail.example', newsletter: 'briefing', website: '' },
      { remoteAddress: nextIp() },
    );
    assert.match(page.body, /Check your inbox/);
    const [mail] = await sent.to('en@mail.example');
    assert.equal(mail?.subject.startsWith('Confirm your newsletter subscription to '), true);
    assert.ok(linkIn(mail, site(), '/newsletters/confirm/'));
  });

  it('shows the account pages at /ko/account in Korean, and mails the sign-up link in Korean with a /ko/ link', async () => {
    for (const url of ['/ko/account/sign-in', '/ko/account/sign-up', '/ko/account/forgot-password', '/ko/account/sign-up/check-your-inbox']) {
      const page = await t.app.inject(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<html lang="ko">/, url);
      assert.deepEqual(await english(page.body), [], url);
      assert.doesNotMatch(page.body, /href="\/account/, `${url} links within the edition`);
    }
    const signUp = await postForm(
      t.app,
      '/ko/account/sign-up',
      { next: '', 'display-name': 'Reader One', email: 'ko-reader@mail.example', password: 'a long enough passphrase' },
      { remoteAddress: nextIp() },
    );
    assert.equal(signUp.statusCode, 303);
    assert.equal(signUp.headers.location, '/ko/account/sign-up/check-your-inbox');
    const [mail] = await sent.to('ko-reader@mail.example');
    assert.ok(mail);
    assert.match(mail.subject, HANGUL);
    assert.match(mail.subject, /더 데이트라인/);
    assert.doesNotMatch(mail.text, /Hello|Confirm|reader account/);
    assert.doesNotMatch(mail.html, /Or copy this address/);
    const confirmPath = linkIn(mail, site(), '/ko/account/confirm/');
    const confirmPage = await t.app.inject(confirmPath);
    assert.equal(confirmPage.statusCode, 200);
    assert.deepEqual(await english(confirmPage.body), []);
  });

  it('shows a signed-in reader their account and comments in Korean', async () => {
    const { cookie } = await t.factories.reader({ email: 'reader@mail.example', displayName: 'Reader One', password: 'a long enough passphrase' });
    const signIn = await postForm(
      t.app,
      '/ko/account/sign-in',
      { email: 'reader@mail.example', password: 'a long enough passphrase', next: '' },
      { remoteAddress: nextIp() },
    );
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, '/ko/account');
    for (const url of ['/ko/account', '/ko/account/comments', '/ko/account/delete']) {
      const page = await t.app.inject({ url, headers: { cookie } });
      assert.equal(page.statusCode, 200, url);
      assert.deepEqual(await english(page.body), [], url);
    }
  });

  it('keeps a comment on a Korean story in the edition: its edit page is at /ko/comments/…, in Korean', async () => {
    await t.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
    const ko = t.deps.editions.byPrefix('ko');
    assert.ok(ko);
    const section = await t.factories.section({ slug: 'segye', name: '세계', editionId: ko.id });
    const story = await t.factories.article({ section, editionId: ko.id, headline: '항구 다시 열려' });
    const reader = await t.factories.reader({ displayName: '독자' });
    const posted = await t.app.inject({
      method: 'POST',
      url: `/ko/article/${story.slug}/comments`,
      remoteAddress: nextIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: reader.cookie, accept: 'application/json' },
      payload: new URLSearchParams({ _csrf: csrfTokenFor(reader.cookie.split('=')[1] ?? ''), body: '반가운 소식입니다' }).toString(),
    });
    assert.equal(posted.statusCode, 201, posted.body);
    const id = posted.json<{ comment: { id: string } }>().comment.id;
    const article = await t.app.inject({ url: `/ko/article/${story.slug}`, headers: { cookie: reader.cookie } });
    assert.ok(article.body.includes(`href="/ko/comments/${id}/edit"`), 'the edit link stays in the edition');
    // The comment's own line and controls speak the edition's language too (likes, edit, delete, counter).
    const comments = article.body.slice(
      article.body.indexOf('data-comments'),
      article.body.indexOf('</section>', article.body.indexOf('data-comments')),
    );
    assert.match(comments, /공감 <span class="comment-like-count">0<\/span>/);
    assert.deepEqual(await english(`<div ${comments}`, ['반가운 소식입니다', '독자']), []);
    const edit = await t.app.inject({ url: `/ko/comments/${id}/edit`, headers: { cookie: reader.cookie } });
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /<html lang="ko"/);
    assert.deepEqual(await english(edit.body, ['반가운 소식입니다']), []);
  });

  it('refuses a wrong sign-in at /ko/account with the Korean message', async () => {
    const refused = await postForm(
      t.app,
      '/ko/account/sign-in',
      { email: 'nobody@mail.example', password: 'not the password at all', next: '' },
      { remoteAddress: nextIp() },
    );
    assert.equal(refused.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    assertKoreanError(refused.body, 'ERR_SIGN_IN_FAILED');
    assert.deepEqual(await english(refused.body, [koreanError('ERR_SIGN_IN_FAILED')]), []);
  });
});
