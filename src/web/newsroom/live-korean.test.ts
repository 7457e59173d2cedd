import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { translatorFor } from '../../shared/i18n/index.js';
import { createNewsroomTestApp, postForm, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** The fixtures' own words, which stay as they were written. */
const CONTENT = ['Harbour blaze', 'Min-ji Park', 'Crews on the scene', 'Asia/Seoul'];

/**
 * The live desk for an editor who chose Korean: the desk with updates, key points and the ending
 * form, a refused post, the edit and delete pages and an ended story's desk show no English of
 * their own. A Korean sentence naming Markdown's syntax ([[figure:…]]) is Korean.
 */
describe('the live desk in Korean', () => {
  let t: TestApp;
  let staff: StaffSession;
  let id: string;
  let updateId: string;
  const ko = translatorFor('ko');
  const get = (url: string) => t.app.inject({ url, headers: { cookie: staff.cookie } });
  const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, { _csrf: staff.csrf, ...fields }, { cookie: staff.cookie });
  const leaks = (html: string) => untranslatedText(html, [...CONTENT, staff.user.displayName]).filter((text) => !HANGUL.test(text));
  const desk = () => `/newsroom/stories/${id}/live`;

  before(async () => {
    ({ t, ...staff } = await createNewsroomTestApp('editor', '/newsroom', { displayName: '서지호' }));
    await t.deps.users.setLanguage(staff.user.id, 'ko');
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
    const author = await t.factories.author({ name: 'Min-ji Park' });
    id = (await t.factories.article({ headline: 'Harbour blaze', typeLabel: 'Live', authorIds: [author.id] })).id;
    assert.equal((await post(`${desk()}/updates`, { text: 'Crews on the scene.', 'key-event': 'yes', pinned: 'yes' })).statusCode, 303);
    t.clock.advance(60_000);
    assert.equal((await post(`${desk()}/updates`, { text: '소방대가 도착했습니다.' })).statusCode, 303);
    const page = await t.deps.live.page(id);
    updateId = page.updates[0]?.id ?? '';
    assert.equal((await post(`${desk()}/summary`, { summary: '불길이 번지고 있습니다' })).statusCode, 303);
  });
  after(() => t.close());

  it('shows the desk, a refused post, the edit and delete pages in Korean', async () => {
    await post(`/newsroom/stories/${id}/live/updates/${updateId}/edit`, { text: '소방대가 도착했습니다. 고침.' });
    const page = await get(`${desk()}?done=posted`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="ko"/);
    assert.ok(page.body.includes(ko.t('nr.live.done.posted')));
    assert.ok(page.body.includes(ko.t('nr.live.pinnedHeading')));
    assert.deepEqual(leaks(page.body), []);

    const refused = await post(`${desk()}/updates`, { text: '' });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes(ko.error('ERR_LIVE_UPDATE_EMPTY')));
    assert.deepEqual(leaks(refused.body), []);

    const edit = await get(`/newsroom/stories/${id}/live/updates/${updateId}/edit`);
    assert.equal(edit.statusCode, 200);
    assert.deepEqual(leaks(edit.body), []);
    const confirm = await post(`/newsroom/stories/${id}/live/updates/${updateId}/delete`, {});
    assert.equal(confirm.statusCode, 200);
    assert.deepEqual(leaks(confirm.body), []);
  });

  it('shows an ended story’s desk in Korean', async () => {
    assert.equal((await post(`${desk()}/end`, { 'type-label': 'News' })).statusCode, 303);
    const page = await get(`${desk()}?done=ended`);
    assert.ok(page.body.includes(ko.t('nr.live.done.ended')));
    assert.deepEqual(leaks(page.body), []);
  });
});
