import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { addViewCounts } from '../../modules/audience/view-count.repository.js';
import { refreshCommentCount } from '../../modules/comments/comment-count.repository.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../shared/errors.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { newId } from '../../shared/ids.js';
import { createNewsroomTestApp, postForm, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

/** The fixtures' own words, which stay as they were written. */
const CONTENT = [
  'Harbour story',
  'Red square',
  'A caption',
  'Photo desk',
  'Polls close early',
  '/section/world',
  'Reader One',
  'reader@example.com',
  'Lovely story',
  'World',
  'Min-ji Park',
  'Asia/Seoul',
  'The Dateline',
];

/** Text as the renderer escapes it. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The newsroom desk (media library, curation, comment moderation, Audience) for an editor who chose
 * Korean: every page with something in its lists, and refused forms, show no English of their own.
 */
describe('the newsroom desk in Korean', () => {
  let t: TestApp;
  let staff: StaffSession;
  let assetId: string;
  const ko = translatorFor('ko');
  const allowed = () => [...CONTENT, staff.user.displayName, assetId];
  const get = (url: string) => t.app.inject({ url, headers: { cookie: staff.cookie } });
  const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, { _csrf: staff.csrf, ...fields }, { cookie: staff.cookie });

  before(async () => {
    ({ t, ...staff } = await createNewsroomTestApp('editor', '/newsroom/media'));
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const author = await t.factories.author({ slug: 'min-ji', name: 'Min-ji Park' });
    const stories = [];
    for (let i = 0; i < 7; i++) {
      stories.push(await t.factories.article({ headline: `Harbour story ${i}`, section: world, authorIds: [author.id], hoursAgo: 2 + i }));
    }
    const [first, second] = stories;
    assert.ok(first && second);

    // An image, uploaded as the library's form sends one (see media.routes.test.ts).
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    for (const [name, value] of Object.entries({ _csrf: staff.csrf, alt: 'Red square', caption: 'A caption', credit: 'Photo desk' })) {
      form.append(name, value);
    }
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'red.jpg');
    const request = new Request('https://news.example/', { method: 'POST', body: form });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/newsroom/media',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { cookie: staff.cookie, 'content-type': request.headers.get('content-type') ?? '' },
    });
    assert.equal(uploaded.statusCode, 303);
    const [asset] = await t.deps.media.list({ limit: 1, offset: 0 });
    assert.ok(asset);
    assetId = asset.id;

    // Six picks, one more than the site shows (a waiting one), one with an expiry; a lead story and a banner.
    for (const story of stories.slice(0, 6))
      assert.equal((await post('/newsroom/curation/picks', { 'pick-story': story.id, 'pick-expires': '' })).statusCode, 303);
    const [pick] = await t.deps.curation.listPicks();
    assert.ok(pick);
    assert.equal((await post(`/newsroom/curation/picks/${pick.id}/expiry`, { 'expires-at': '2030-01-01T10:00' })).statusCode, 303);
    assert.equal((await post('/newsroom/curation/lead', { 'lead-story': second.id })).statusCode, 303);
    const banner = { 'banner-text': 'Polls close early', 'banner-link': '/section/world', 'banner-ends': '2030-01-01T10:00' };
    assert.equal((await post('/newsroom/curation/banner', banner)).statusCode, 303);

    // Comments: waiting (pre-moderation and blocklist), reported, hidden.
    const now = t.clock.now().toISOString();
    const reader = async (email: string, displayName: string) => {
      const id = newId();
      await t.deps.db
        .insertInto('readers')
        .values({
          id,
          email,
          display_name: displayName,
          password_hash: 'x',
          created_at: now,
          password_changed_at: now,
          deleted_at: null,
          banned_at: null,
        })
        .execute();
      return id;
    };
    const commenter = await reader('reader@example.com', 'Reader One');
    const comments = [
      ['pending', 'pre-moderation', 0],
      ['pending', 'blocklist', 0],
      ['published', null, 2],
      ['hidden', null, 0],
    ] as const;
    for (const [status, heldReason, reports] of comments) {
      const id = newId();
      await t.deps.db
        .insertInto('comments')
        .values({
          id,
          article_id: first.id,
          reader_id: commenter,
          parent_id: null,
          body: 'Lovely story',
          status,
          held_reason: heldReason,
          created_at: now,
          edited_at: null,
          report_count: reports,
        })
        .execute();
      for (let i = 0; i < reports; i++) {
        const reporter = await reader(`reporter${i}@example.com`, `Reporter ${i}`);
        await t.deps.db.insertInto('comment_reports').values({ comment_id: id, reader_id: reporter, created_at: now }).execute();
      }
    }
    await refreshCommentCount(t.deps.db, first.id);

    const views = (articleId: string, hourStart: string, count: number) => ({
      articleId,
      hourStart: new Date(hourStart),
      views: count,
      viaPopularNow: 0,
      viaWeeklyBest: 0,
    });
    await addViewCounts(t.deps.db, [views(first.id, '2026-11-19T05:00:00Z', 1200), views(second.id, '2026-11-01T12:00:00Z', 5000)]);

    await t.deps.users.setLanguage(staff.user.id, 'ko');
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  it('shows every desk page in Korean, lists and notices included', async () => {
    const pages = [
      '/newsroom/media?uploaded',
      `/newsroom/media/${assetId}?saved`,
      '/newsroom/curation?saved=pick-waiting',
      '/newsroom/curation?saved=lead',
      '/newsroom/curation?find=Harbour',
      '/newsroom/curation?find=zzqq',
      '/newsroom/comments?done=approved',
      '/newsroom/comments?show=all',
      '/newsroom/comments?show=reported&done=banned',
      '/newsroom/comments/settings?saved',
      '/newsroom/audience',
      '/newsroom/audience?period=7d&section=world',
    ];
    for (const url of pages) {
      const page = await get(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<html lang="ko"/, url);
      assert.deepEqual(untranslatedText(page.body, [...allowed(), 'zzqq']), [], url);
    }
  });

  /** A refused form: its code, its message from the Korean translator, and the rest of the page in Korean. */
  const assertRefusedInKorean = (response: { statusCode: number; headers: Record<string, unknown>; body: string }, code: ErrorCode) => {
    assert.equal(response.statusCode, ERROR_CATALOGUE[code].status);
    assert.equal(response.headers['x-error-code'], code);
    assert.match(response.body, /<html lang="ko"/);
    assert.match(response.body, /class="error-summary"/);
    const shown = escapeHtml(ko.error(code));
    assert.ok(response.body.includes(shown), `the page shows ${code}'s message in the staff member's language`);
    // Once errors.ko.ts holds the code, its English text is gone; until then the translator falls back to it.
    if (ko.error(code) !== ERROR_CATALOGUE[code].message) assert.ok(!response.body.includes(escapeHtml(ERROR_CATALOGUE[code].message)));
    assert.deepEqual(untranslatedText(response.body.split(shown).join(''), allowed()), []);
  };

  it('refuses a bad banner link, a detail-less image and a bad comment mode in Korean', async () => {
    const banner = await post('/newsroom/curation/banner', {
      'banner-text': 'Polls close early',
      'banner-link': 'javascript:1',
      'banner-ends': '2030-01-01T10:00',
    });
    assertRefusedInKorean(banner, 'ERR_BANNER_LINK_INVALID');
    const details = await post(`/newsroom/media/${assetId}`, { alt: '', caption: '', credit: '' });
    assertRefusedInKorean(details, 'ERR_MEDIA_DETAILS_INVALID');
    const settings = await post('/newsroom/comments/settings', { 'comments-mode': 'weird', 'comment-blocklist': '' });
    assertRefusedInKorean(settings, 'ERR_MODERATION_MODE_INVALID');
  });

  it('answers the story editor’s picture endpoints in the staff member’s language', async () => {
    const refused = await post('/newsroom/media/fetch.json', { url: 'ftp://example.com/a.jpg' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_MEDIA_FETCH_URL_INVALID');
    assert.deepEqual(refused.json(), { errors: [{ code: 'ERR_MEDIA_FETCH_URL_INVALID', message: ko.error('ERR_MEDIA_FETCH_URL_INVALID') }] });
  });
});
