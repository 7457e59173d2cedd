import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { findStoryState } from '../../modules/articles/article-editing.repository.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';

type Fields = Array<[string, string]>;

describe('alt text is required before a story goes out', () => {
  let t: TestApp;
  let editor: { cookie: string; csrf: string };
  let sectionId: string;
  let authorId: string;

  before(async () => {
    t = await createTestApp();
    sectionId = (await t.factories.section({ name: 'World', slug: 'world' })).id;
    authorId = (await t.factories.author({ name: 'Ana Kim' })).id;
    const user = await t.factories.staffUser({ role: 'editor' });
    const cookie = await t.factories.sessionCookie(user.id);
    editor = { cookie, csrf: csrfTokenFor(cookie.split('=')[1] ?? '') };
  });
  after(() => t.close());

  const post = (url: string, fields: Fields): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams([['_csrf', editor.csrf], ...fields]).toString(),
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });

  /** A draft with a described figure, an undescribed one and (optionally) a hero. */
  async function draftWithPictures(slug: string, hero?: string) {
    const described = await t.factories.media({ alt: 'Cranes at the quay', caption: 'The quay', credit: 'Port authority' });
    const bare = await t.factories.media({ alt: '', caption: 'The harbour at dawn', credit: 'Reader photo' });
    const fields: Fields = [
      ['headline', 'Harbour reopens'],
      ['body', `The port reopened.\n\n[[figure:${described}]]\n\nShips came back.\n\n[[figure:${bare}]]`],
      ['sectionId', sectionId],
      ['typeLabel', 'News'],
      ['authorIds', authorId],
      ['slug', slug],
      ['heroMediaId', hero ?? ''],
    ];
    const created = await post('/newsroom/stories/new', fields);
    assert.equal(created.statusCode, 303, created.body.slice(0, 400));
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
    return { id, bare, fields };
  }

  const describe_ = (id: string, alt: string) =>
    t.app.inject({
      method: 'POST',
      url: `/newsroom/media/${id}/details.json`,
      payload: { _csrf: editor.csrf, alt },
      headers: { cookie: editor.cookie },
    });

  it('refuses to publish while a figure has no alt text, naming it; publishes once it has', async () => {
    const { id, bare } = await draftWithPictures('harbour-reopens');
    // The unpublished story still previews, the picture shown as decorative meanwhile.
    const preview = await t.app.inject({ url: `/newsroom/stories/${id}/preview`, headers: { cookie: editor.cookie } });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /The harbour at dawn/);

    const refused = await post(`/newsroom/stories/${id}/publish`, []);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_ALT_MISSING');
    assert.match(refused.body, /Figure 2 has no alt text/);
    assert.doesNotMatch(refused.body, /Figure 1 has no alt text/);
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'draft');
    assert.equal((await t.app.inject('/article/harbour-reopens')).statusCode, 404);

    assert.equal((await describe_(bare, 'Fishing boats moored at dawn')).statusCode, 200);
    const published = await post(`/newsroom/stories/${id}/publish`, []);
    assert.equal(published.statusCode, 303);
    const page = await t.app.inject('/article/harbour-reopens');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /alt="Fishing boats moored at dawn"/);
    assert.match(page.body, /The harbour at dawn/);
  });

  it('refuses to schedule while the hero picture has no alt text', async () => {
    const hero = await t.factories.media({ alt: '' });
    const { id, bare } = await draftWithPictures('harbour-scheduled', hero);
    await describe_(bare, 'Boats');
    const refused = await post(`/newsroom/stories/${id}/schedule`, [['at', '2030-01-01T09:00']]);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_ALT_MISSING');
    assert.match(refused.body, /The hero image has no alt text/);
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'draft');
    await describe_(hero, 'The harbour from the hill');
    assert.equal((await post(`/newsroom/stories/${id}/schedule`, [['at', '2030-01-01T09:00']])).statusCode, 303);
  });

  it('takes the hero picture by id without JavaScript, from a library of any size', async () => {
    const page = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: editor.cookie } });
    assert.match(page.body, /<input id="heroMediaId" name="heroMediaId" type="text"/);
    assert.match(page.body, /href="\/newsroom\/media"/);
    const hero = await t.factories.media({ alt: 'An old picture' });
    for (let n = 0; n < 101; n++) await t.factories.media({ alt: `Newer ${n}` });
    const { id } = await draftWithPictures('harbour-hero-by-id', ` ${hero} `);
    const edit = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: editor.cookie } });
    assert.match(edit.body, new RegExp(`id="heroMediaId" name="heroMediaId" type="text" value="${hero}"`));
    const unknown = await post('/newsroom/stories/new', [
      ['headline', 'X'],
      ['sectionId', sectionId],
      ['typeLabel', 'News'],
      ['authorIds', authorId],
      ['heroMediaId', 'no-such-picture'],
    ]);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.headers['x-error-code'], 'ERR_STORY_REFERENCE_UNKNOWN');
  });

  it('refuses a save that would put an undescribed picture into a live story', async () => {
    const { id, bare, fields } = await draftWithPictures('harbour-live');
    await describe_(bare, 'Boats');
    assert.equal((await post(`/newsroom/stories/${id}/publish`, [])).statusCode, 303);
    const another = await t.factories.media({ alt: '' });
    const withNew = fields.map(([name, value]): [string, string] => (name === 'body' ? [name, `${value}\n\n[[figure:${another}]]`] : [name, value]));
    const refused = await post(`/newsroom/stories/${id}/edit`, withNew);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_ALT_MISSING');
    assert.match(refused.body, /Figure 3 has no alt text/);
    assert.doesNotMatch((await t.app.inject('/article/harbour-live')).body, new RegExp(another));
  });
});
