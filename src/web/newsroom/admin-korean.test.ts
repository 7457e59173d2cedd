import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorCode } from '../../shared/errors.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { RETRY_DELAYS_MS } from '../../modules/webhooks/webhook-sender.js';
import { csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';
import { startWebhookReceiver } from '../../testing/webhook-receiver.js';

const ko = translatorFor('ko');

/** The fixtures' own words (names, titles, addresses), which stay as they were typed. */
const CONTENT = [
  'Min Park covers the port.',
  'Ada Admin',
  'Harbour',
  'Weather',
  'Min Park',
  'Jo Lee',
  'Correspondent',
  'Columnist',
  'Quay at dawn',
  'Shipping',
  'Wire partner',
  'Old partner',
  'New partner',
  'Partner hook',
  'Quiet hook',
  'Seoul Daily',
  'Ships and quays.',
  // The publication's description, shown in the settings form.
  'An independent news publication.',
  '/old-story',
  '/article/quay-story',
  '/missing-page',
  'news.example',
  '/api/v1',
];

/**
 * Codes and names that no language translates: time zones, protocols and headers, event codes,
 * standards' names, and the example values the hints show (a slug, a path, a language tag).
 */
const CODES = [
  'UTC',
  'HTTP',
  'POST',
  'BCP',
  'IANA',
  'Asia/Seoul',
  'Europe/London',
  'x-dateline-signature',
  'story.published',
  'story.updated',
  'story.unpublished',
  'ping',
  'openapi.json',
  'world-news',
  'min-ji-park',
  '/article/harbour-reopens',
  'harbour-reopens',
  'zh-hant',
  'api, tag',
  'name@example.com',
  '/section/',
];

/** Text as preact writes it into HTML. */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Sections, authors, tags, editions, settings, redirects, API keys and webhooks, for an admin who reads the newsroom in Korean. */
describe('the newsroom’s admin pages in Korean', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let cookie: string;
  let csrf: string;
  let allow: string[];
  const ids = { section: '', author: '', edition: '', webhook: '', tag: '' };

  before(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
    // Answers the first delivery and refuses every later one, so the log has each status.
    receiver = await startWebhookReceiver([200, 503]);
    const { user: admin } = await t.factories.staff({ role: 'admin', displayName: 'Ada Admin' });
    await t.deps.users.setLanguage(admin.id, 'ko');
    cookie = await t.factories.sessionCookie(admin.id);
    csrf = csrfTokenIn((await t.app.inject({ url: '/newsroom', headers: { cookie } })).body);

    // A second edition, so the section pages show their edition column and field.
    ids.edition = (await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: 'Seoul Daily', tagline: '', timeZone: 'Asia/Seoul' })).id;
    const harbour = await t.factories.section({ name: 'Harbour', slug: 'harbour', description: 'Ships and quays.' });
    ids.section = harbour.id;
    await t.factories.section({ name: 'Weather', slug: 'weather', inNavigation: false });
    const author = await t.factories.author({ name: 'Min Park', jobTitle: 'Correspondent', bio: 'Min Park covers the port.' });
    const unlinked = await t.factories.author({ name: 'Jo Lee', jobTitle: 'Columnist' });
    ids.author = author.id;
    await t.deps.users.setAuthorAccount(author.id, admin.id, admin.id);
    await t.factories.media({ alt: 'Quay at dawn' });
    await t.factories.article({ tags: ['Shipping'], authorIds: [author.id], section: harbour });
    ids.tag = (await t.deps.tags.listWithCounts())[0]?.id ?? '';
    await t.deps.redirects.add('/old-story', '/article/quay-story', admin.id);
    for (let hit = 0; hit < 3; hit++) t.deps.notFoundLog.record('/missing-page');
    await t.deps.notFoundLog.flush();
    await t.deps.apiKeys.create('Wire partner', admin.id);
    const old = await t.deps.apiKeys.create('Old partner', admin.id);
    await t.deps.apiKeys.revoke(old.apiKey.id, admin.id);

    const hook = await t.deps.webhooks.create(
      { name: 'Partner hook', url: receiver.url, events: ['story.published', 'story.unpublished'] },
      admin.id,
    );
    ids.webhook = hook.id;
    await t.deps.webhooks.setActive(
      (await t.deps.webhooks.create({ name: 'Quiet hook', url: receiver.url, events: ['story.updated'] }, admin.id)).id,
      false,
      admin.id,
    );
    await t.deps.webhooks.sendTest(hook.id);
    await t.deps.webhookSender.runDue();
    t.clock.advance(60_000);
    await t.deps.webhooks.sendTest(hook.id);
    for (const delay of [...RETRY_DELAYS_MS, 0]) {
      await t.deps.webhookSender.runDue();
      t.clock.advance(delay);
    }
    await t.deps.webhooks.sendTest(hook.id);

    // Whole strings before their parts: an e-mail address before its domain, a fixture's words before the codes ('Shipping', 'ping').
    allow = [hook.secret, author.email, unlinked.email, admin.email, new URL(receiver.url).pathname, ...CONTENT, ...CODES, 'harbour', 'weather'];
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  const get = (url: string) => t.app.inject({ url, headers: { cookie } });
  const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, { _csrf: csrf, ...fields }, { cookie });

  async function assertKorean(body: string, label: string, extra: readonly string[] = []): Promise<void> {
    assert.match(body, /<html lang="ko"/, label);
    const keyStarts = (await t.deps.apiKeys.list()).map((apiKey) => apiKey.prefix);
    assert.deepEqual(untranslatedText(body, [...extra, ...keyStarts, ...allow]), [], label);
  }

  it('shows every list, with its rows, and every form in Korean', async () => {
    const pages = [
      '/newsroom/sections',
      '/newsroom/sections/new',
      `/newsroom/sections/${ids.section}`,
      '/newsroom/authors',
      '/newsroom/authors/new',
      `/newsroom/authors/${ids.author}`,
      '/newsroom/tags',
      '/newsroom/settings/editions',
      `/newsroom/settings/editions/${ids.edition}`,
      '/newsroom/settings',
      '/newsroom/redirects',
      '/newsroom/redirects?q=%2Fold-story',
      '/newsroom/api-keys',
      '/newsroom/webhooks',
      '/newsroom/webhooks/new',
      `/newsroom/webhooks/${ids.webhook}`,
      `/newsroom/webhooks/${ids.webhook}/deliveries`,
      `/newsroom/webhooks/${ids.webhook}/delete`,
    ];
    for (const url of pages) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      await assertKorean(response.body, url);
    }
    // The rows are there, with their words translated: a moved section, a linked account, each delivery status.
    const sections = await get('/newsroom/sections');
    assert.match(sections.body, />아래로 이동<span class="visually-hidden">: Harbour<\/span>/);
    const deliveries = (await get(`/newsroom/webhooks/${ids.webhook}/deliveries`)).body;
    for (const status of ['전송 완료', '실패', '대기 중']) assert.match(deliveries, new RegExp(`>${status}</td>`));
    assert.match(deliveries, />다시 보내기<span class="visually-hidden">/);
    assert.match(deliveries, /2026년 11월 20일/);
  });

  it('says what was done in Korean after each step', async () => {
    const notices = [
      `/newsroom/sections/${ids.section}?saved`,
      `/newsroom/authors/${ids.author}?saved`,
      '/newsroom/settings?saved',
      '/newsroom/redirects?done=added',
      '/newsroom/redirects?done=removed',
      '/newsroom/api-keys?revoked',
      '/newsroom/webhooks?done=deleted',
      `/newsroom/webhooks/${ids.webhook}/deliveries?done=test`,
      `/newsroom/webhooks/${ids.webhook}/deliveries?done=redelivered`,
      ...['added', 'saved', 'switched-on', 'switched-off'].map((done) => `/newsroom/settings/editions?done=${done}`),
      ...['created', 'saved', 'rotated', 'enabled', 'disabled'].map((done) => `/newsroom/webhooks/${ids.webhook}?done=${done}`),
    ];
    for (const url of notices) {
      const response = await get(url);
      assert.match(response.body, /role="status">[^<]*[가-힣]/, url);
      await assertKorean(response.body, url);
    }
  });

  it('shows a new API key once, with the page around it in Korean', async () => {
    const made = await post('/newsroom/api-keys', { 'key-name': 'New partner' });
    assert.equal(made.statusCode, 200);
    assert.match(made.body, /<strong>New partner<\/strong>용 API 키를 만들었습니다/);
    const key = /<p><code>([^<]+)<\/code><\/p>/.exec(made.body)?.[1] ?? '';
    assert.ok(key);
    await assertKorean(made.body, 'the new key', [key, 'curl -H "Authorization: Bearer', '/articles']);
  });

  it('refuses bad forms with their code, each message in Korean beside its field', async () => {
    // The publication settings and editions compose their own messages, all in this area's catalogue.
    const settings = await post('/newsroom/settings', {
      name: '',
      language: 'x!',
      'time-zone': 'Mars/Base',
      'founded-year': '12',
      'feed-content': 'odd',
    });
    assert.equal(settings.statusCode, 400);
    assert.equal(settings.headers['x-error-code'], 'ERR_SETTINGS_INVALID');
    assert.ok(settings.body.includes(escaped(ko.t('nr.settings.nameInvalid'))));
    assert.ok(settings.body.includes(escaped(ko.t('nr.settings.feedContentInvalid'))));
    await assertKorean(settings.body, 'settings', ['Mars/Base']);

    const edition = await post('/newsroom/settings/editions', { code: '!!', 'path-prefix': 'api', name: '', tagline: '', 'time-zone': 'Nowhere' });
    assert.equal(edition.statusCode, 400);
    assert.equal(edition.headers['x-error-code'], 'ERR_EDITION_INVALID');
    assert.ok(edition.body.includes(escaped(ko.t('nr.editions.prefixInvalid'))));
    await assertKorean(edition.body, 'a new edition', ['Nowhere']);

    const taken = await post(`/newsroom/settings/editions/${ids.edition}`, {
      code: 'en',
      'path-prefix': 'ko',
      name: 'Seoul Daily',
      tagline: '',
      'time-zone': 'Asia/Seoul',
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.headers['x-error-code'], 'ERR_EDITION_TAKEN');
    assert.ok(taken.body.includes(escaped(ko.t('nr.editions.codeTaken'))));
    await assertKorean(taken.body, 'an edition’s language taken');

    // The others show the coded error's message in the translator's language (errors.ko.ts).
    const coded: Array<[string, Record<string, string>, ErrorCode]> = [
      ['/newsroom/sections/new', { name: '', slug: 'harbour-news', description: '', edition: '' }, 'ERR_SECTION_NAME_INVALID'],
      ['/newsroom/authors/new', { name: 'Jo', slug: 'jo', email: 'not-mail' }, 'ERR_EMAIL_INVALID'],
      [`/newsroom/tags/${ids.tag}`, { name: '' }, 'ERR_TAG_NAME_INVALID'],
      ['/newsroom/redirects', { 'old-path': 'nope', 'new-address': '/article/quay-story' }, 'ERR_REDIRECT_PATH_INVALID'],
      ['/newsroom/api-keys', { 'key-name': '' }, 'ERR_API_KEY_NAME_INVALID'],
      ['/newsroom/webhooks/new', { name: 'Partner hook', url: 'https://partner.example/hook' }, 'ERR_WEBHOOK_EVENTS_INVALID'],
    ];
    for (const [url, fields, code] of coded) {
      const refused = await post(url, fields);
      assert.equal(refused.statusCode, 400, url);
      assert.equal(refused.headers['x-error-code'], code, url);
      const message = ko.error(code);
      assert.ok(refused.body.includes(`${escaped(message)}</`), `${url}: the message is the Korean translator’s`);
      // The message is errors.ko.ts's to translate; everything around it must be Korean here.
      await assertKorean(refused.body, url, [message, 'harbour-news', 'not-mail', 'nope', 'partner.example/hook']);
    }
  });
});
