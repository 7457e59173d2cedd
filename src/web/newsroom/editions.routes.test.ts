import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITION_ID } from '../../db/migrations/0027-editions.migration.js';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('the Editions page in the newsroom’s Settings', () => {
  let t: TestApp;
  let cookie: string;
  let _csrf: string;
  before(async () => {
    ({ t, cookie, csrf: _csrf } = await createNewsroomTestApp('admin', '/newsroom/settings/editions'));
  });
  after(() => t.close());

  const korean = () => ({
    _csrf,
    code: 'ko',
    'path-prefix': 'ko',
    name: '더 데이트라인 데일리',
    tagline: '서울에서 본 아시아',
    'time-zone': 'Asia/Seoul',
  });
  const rows = async () => t.deps.db.selectFrom('editions').selectAll().orderBy('id').execute();
  const page = (url = '/newsroom/settings/editions') => t.app.inject({ url, headers: { cookie } });
  const koreanEdition = () => t.deps.editions.all.find((edition) => edition.code === 'ko');

  it('lists the default edition as the publication, linking to Settings, with a labelled form to add one', async () => {
    const response = await page();
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /\(the publication\)/);
    assert.match(response.body, /<a href="\/newsroom\/settings">Change in Settings/);
    assert.match(response.body, /<a href="\/newsroom\/settings\/editions" aria-current="page">Editions<\/a>/, 'in the navigation');
    for (const id of ['code', 'path-prefix', 'name', 'tagline', 'time-zone']) assert.match(response.body, new RegExp(`<label for="${id}">`), id);
    assert.equal((await page(`/newsroom/settings/editions/${DEFAULT_EDITION_ID}`)).statusCode, 409, 'the default edition is changed in Settings');
  });

  it('adds an edition, switched on, audited, and lists it', async () => {
    const response = await postForm(t.app, '/newsroom/settings/editions', { ...korean(), code: 'KO' }, { cookie });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/settings/editions?done=added');
    const ko = koreanEdition();
    assert.ok(ko?.enabled);
    assert.equal(ko.code, 'ko');
    assert.equal(t.deps.editions.byPrefix('ko')?.id, ko.id);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'edition.created' });
    assert.equal(entry?.subjectId, ko.id);
    assert.deepEqual(entry.details, { code: 'ko', pathPrefix: 'ko' });
    const list = (await page('/newsroom/settings/editions?done=added')).body;
    assert.match(list, /<td lang="ko">더 데이트라인 데일리<\/td>/);
    assert.match(list, /<code>\/ko\/<\/code>/);
    assert.match(list, /role="status"/);
  });

  it('refuses bad or taken values with each problem linked to its field, the form kept, the coded status, and nothing written', async () => {
    const before = await rows();
    const invalid = await postForm(
      t.app,
      '/newsroom/settings/editions',
      { ...korean(), code: 'not a tag!', 'path-prefix': 'api', name: '', 'time-zone': 'Mars/Olympus_Mons' },
      { cookie },
    );
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.headers['x-error-code'], 'ERR_EDITION_INVALID');
    for (const field of ['code', 'path-prefix', 'name', 'time-zone']) assert.match(invalid.body, new RegExp(`<a href="#${field}">`), field);
    assert.match(invalid.body, /value="Mars\/Olympus_Mons"/, 'the form keeps what was typed');
    assert.match(invalid.body, /<title>Error: /);

    const taken = await postForm(t.app, '/newsroom/settings/editions', { ...korean(), code: 'ja' }, { cookie });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.headers['x-error-code'], 'ERR_EDITION_TAKEN');
    assert.match(taken.body, /<a href="#path-prefix">/);
    assert.match(taken.body, /value="ja"/);
    const language = await postForm(t.app, '/newsroom/settings/editions', { ...korean(), code: 'EN', 'path-prefix': 'en' }, { cookie });
    assert.equal(language.statusCode, 409, 'the default edition’s language is taken too');
    assert.deepEqual(await rows(), before);
    assert.equal((await t.deps.audit.list({ limit: 10, action: 'edition.created' })).length, 1);
  });

  it('edits an edition, audited; a refused edit keeps the form and changes nothing', async () => {
    const ko = koreanEdition();
    assert.ok(ko);
    const url = `/newsroom/settings/editions/${ko.id}`;
    const form = await page(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Asia\/Seoul"/);
    const saved = await postForm(t.app, url, { ...korean(), name: '데이트라인 데일리' }, { cookie });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/newsroom/settings/editions?done=saved');
    assert.equal(t.deps.editions.find(ko.id).name, '데이트라인 데일리');
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'edition.updated' }))[0]?.subjectId, ko.id);

    const before = await rows();
    const refused = await postForm(t.app, url, { ...korean(), name: 'Changed', tagline: 'x'.repeat(201) }, { cookie });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_EDITION_INVALID');
    assert.match(refused.body, /<a href="#tagline">/);
    assert.match(refused.body, /value="Changed"/);
    const taken = await postForm(t.app, url, { ...korean(), 'path-prefix': 'ko', code: 'en' }, { cookie });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.headers['x-error-code'], 'ERR_EDITION_TAKEN');
    const missing = await postForm(t.app, '/newsroom/settings/editions/00000000-0000-4000-8000-000000000000', korean(), { cookie });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['x-error-code'], 'ERR_EDITION_NOT_FOUND');
    const fixed = await postForm(t.app, `/newsroom/settings/editions/${DEFAULT_EDITION_ID}`, korean(), { cookie });
    assert.equal(fixed.statusCode, 409);
    assert.equal(fixed.headers['x-error-code'], 'ERR_EDITION_DEFAULT_FIXED');
    assert.deepEqual(await rows(), before);
    assert.equal((await t.deps.audit.list({ limit: 10, action: 'edition.updated' })).length, 1);
  });

  it('switches an edition off and on, audited; the default edition and unknown ones are refused on the list', async () => {
    const ko = koreanEdition();
    assert.ok(ko);
    const off = await postForm(t.app, `/newsroom/settings/editions/${ko.id}/switch`, { _csrf, to: 'off' }, { cookie });
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, '/newsroom/settings/editions?done=switched-off');
    assert.equal(t.deps.editions.find(ko.id).enabled, false);
    assert.equal(t.deps.editions.byPrefix('ko'), undefined);
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'edition.switched_off' }))[0]?.subjectId, ko.id);
    assert.match((await page()).body, /Switch on<span class="visually-hidden"> the edition ko<\/span>/);

    const before = await rows();
    for (const [url, to, status, code] of [
      [`/newsroom/settings/editions/${DEFAULT_EDITION_ID}/switch`, 'off', 409, 'ERR_EDITION_DEFAULT_FIXED'],
      ['/newsroom/settings/editions/00000000-0000-4000-8000-000000000000/switch', 'on', 404, 'ERR_EDITION_NOT_FOUND'],
      [`/newsroom/settings/editions/${ko.id}/switch`, 'maybe', 400, 'ERR_BAD_REQUEST'],
    ] as const) {
      const response = await postForm(t.app, url, { _csrf, to }, { cookie });
      assert.equal(response.statusCode, status, url);
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, /<a href="#editions-list">/, 'shown on the list');
    }
    assert.deepEqual(await rows(), before);

    const on = await postForm(t.app, `/newsroom/settings/editions/${ko.id}/switch`, { _csrf, to: 'on' }, { cookie });
    assert.equal(on.statusCode, 303);
    assert.equal(t.deps.editions.byPrefix('ko')?.id, ko.id);
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'edition.switched_on' }))[0]?.subjectId, ko.id);
  });

  it('refuses a forged or missing CSRF token with 403, writing nothing', async () => {
    const before = await rows();
    const ko = koreanEdition();
    assert.ok(ko);
    for (const [url, body] of [
      ['/newsroom/settings/editions', { ...korean(), code: 'ja', 'path-prefix': 'ja' }],
      [`/newsroom/settings/editions/${ko.id}`, { ...korean(), name: 'Forged' }],
      [`/newsroom/settings/editions/${ko.id}/switch`, { to: 'off' }],
    ] as const) {
      for (const token of ['forged-token', undefined]) {
        const response = await postForm(t.app, url, { ...body, _csrf: token ?? '' }, { cookie });
        assert.equal(response.statusCode, 403, url);
        assert.equal(response.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
      }
    }
    assert.deepEqual(await rows(), before);
  });

  it('refuses the page and every change to staff without settings.manage with 403, and writes nothing', async () => {
    const before = await rows();
    const ko = koreanEdition();
    assert.ok(ko);
    for (const role of ['contributor', 'reporter', 'editor'] as const) {
      const { cookie: staffCookie, csrf: token } = await signInStaff(t, role);
      for (const url of ['/newsroom/settings/editions', `/newsroom/settings/editions/${ko.id}`]) {
        assert.equal((await t.app.inject({ url, headers: { cookie: staffCookie } })).statusCode, 403, `${role} ${url}`);
      }
      assert.doesNotMatch((await t.app.inject({ url: '/newsroom', headers: { cookie: staffCookie } })).body, /href="\/newsroom\/settings\/editions"/);
      for (const [url, body] of [
        ['/newsroom/settings/editions', { ...korean(), code: 'ja', 'path-prefix': 'ja' }],
        [`/newsroom/settings/editions/${ko.id}`, { ...korean(), name: 'Taken Over' }],
        [`/newsroom/settings/editions/${ko.id}/switch`, { to: 'off' }],
      ] as const) {
        const response = await postForm(t.app, url, { ...body, _csrf: token }, { cookie: staffCookie });
        assert.equal(response.statusCode, 403, `${role} ${url}`);
        assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
      }
    }
    assert.deepEqual(await rows(), before);
  });

  it('drops cached public pages when an edition changes', async () => {
    await t.app.inject({ url: '/' });
    assert.equal((await t.app.inject({ url: '/' })).headers['x-page-cache'], 'hit');
    const ko = koreanEdition();
    assert.ok(ko);
    assert.equal((await postForm(t.app, `/newsroom/settings/editions/${ko.id}/switch`, { _csrf, to: 'off' }, { cookie })).statusCode, 303);
    assert.equal((await t.app.inject({ url: '/' })).headers['x-page-cache'], 'miss');
  });
});
