import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIVE_PAGE_SIZE, type LiveUpdate } from '../../modules/live/index.js';
import { postForm, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the newsroom’s live desk', () => {
  let t: TestApp;
  let reporter: StaffSession;
  let other: StaffSession;
  let editor: StaffSession;
  let contributor: StaffSession;

  const desk = (id: string) => `/newsroom/stories/${id}/live`;
  const updateUrl = (id: string, updateId: string, action: 'edit' | 'delete') => `${desk(id)}/updates/${updateId}/${action}`;
  const post = (who: StaffSession, url: string, fields: Record<string, string>, headers?: Record<string, string>) =>
    postForm(t.app, url, { _csrf: who.csrf, ...fields }, { cookie: who.cookie, ...(headers ? { headers } : {}) });
  const get = (who: StaffSession, url: string) => t.app.inject({ url, headers: { cookie: who.cookie } });
  /** Every visible update of a story and its change counter: what a refusal must leave as it was. */
  const state = async (id: string) => {
    const coverage = await t.deps.live.coverage(id);
    if (!coverage) return { sequence: 0, updates: [] as LiveUpdate[] };
    const page = await t.deps.live.page(id);
    return { sequence: coverage.lastSequence, updates: [...page.pinned, ...page.updates] };
  };
  const liveStory = async (overrides: { status?: 'draft' | 'published'; typeLabel?: string } = {}) =>
    (await t.factories.article({ typeLabel: 'Live', ...overrides })).id;
  /** Posts as `who` and returns the update the service stored. */
  const posted = async (who: StaffSession, id: string, text: string, marks: Record<string, string> = {}) => {
    // A minute apart, so "newest first" is decided by the time.
    t.clock.advance(60_000);
    const response = await post(who, `${desk(id)}/updates`, { text, ...marks });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const found = (await state(id)).updates.find((update) => update.source === text);
    assert.ok(found, 'the update was stored');
    return found;
  };

  before(async () => {
    t = await createTestApp();
    reporter = await signInStaff(t, 'reporter', '/newsroom', { displayName: 'Rae Porter' });
    other = await signInStaff(t, 'reporter', '/newsroom', { displayName: 'Otto Other' });
    editor = await signInStaff(t, 'editor', '/newsroom', { displayName: 'Edie Tor' });
    contributor = await signInStaff(t, 'contributor', '/newsroom');
  });
  after(() => t.close());

  it('refuses a contributor the desk and its forms (403), changing nothing', async () => {
    const id = await liveStory();
    const page = await get(contributor, desk(id));
    assert.equal(page.statusCode, 403);
    assert.equal(page.headers['x-error-code'], 'ERR_FORBIDDEN');
    const refused = await post(contributor, `${desk(id)}/updates`, { text: 'From a contributor.' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.headers['x-error-code'], 'ERR_FORBIDDEN');
    assert.equal((await state(id)).updates.length, 0);
  });

  it('lets a reporter post and change their own update, not another’s; an editor changes and deletes anyone’s', async () => {
    const id = await liveStory();
    const first = await posted(reporter, id, 'Crowds gather at the square.', { 'key-event': 'yes', pinned: 'yes' });
    assert.equal(first.keyEvent, true);
    assert.equal(first.pinned, false, 'a reporter cannot pin');
    t.clock.advance(60_000);
    const response = await post(reporter, `${desk(id)}/updates`, { text: 'Police arrive.' });
    assert.equal(response.headers.location, `${desk(id)}?done=posted`);

    const page = await get(reporter, `${desk(id)}?done=posted`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The update was posted\./);
    assert.ok(page.body.indexOf('Police arrive.') < page.body.indexOf('Crowds gather at the square.'), 'newest first');
    assert.match(page.body, /Key event/);
    assert.match(page.body, /Rae Porter/);
    assert.match(page.body, new RegExp(`href="${updateUrl(id, first.id, 'edit')}"`));
    assert.doesNotMatch(page.body, /id="live-pinned"/, 'no pinning for reporters');
    assert.doesNotMatch(page.body, /live\/end"/, 'no ending for reporters');

    const audited = await t.deps.audit.list({ limit: 10, action: 'live.update_posted' });
    assert.ok(audited.some((entry) => entry.actorUserId === reporter.user.id && entry.subjectId === id));

    const form = await get(reporter, updateUrl(id, first.id, 'edit'));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Crowds gather at the square\.<\/textarea>/);
    const edited = await post(reporter, updateUrl(id, first.id, 'edit'), { text: 'Crowds of thousands gather at the square.', 'key-event': 'yes' });
    assert.equal(edited.statusCode, 303);
    assert.equal(edited.headers.location, `${desk(id)}?done=edited`);
    const changed = await t.deps.live.update(id, first.id);
    assert.equal(changed.source, 'Crowds of thousands gather at the square.');
    assert.ok(changed.editedAt);

    // Another reporter sees it without Edit or Delete, and is refused both.
    assert.doesNotMatch((await get(other, desk(id))).body, new RegExp(updateUrl(id, first.id, 'edit')));
    const before = await state(id);
    for (const refused of [
      await get(other, updateUrl(id, first.id, 'edit')),
      await post(other, updateUrl(id, first.id, 'edit'), { text: 'Hijacked.' }),
      await post(other, updateUrl(id, first.id, 'delete'), {}),
      await post(other, updateUrl(id, first.id, 'delete'), { confirm: 'yes' }),
    ]) {
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.headers['x-error-code'], 'ERR_LIVE_NOT_YOURS');
    }
    assert.deepEqual(await state(id), before);

    // An editor pins it, then deletes it after the confirmation step.
    const pinned = await post(editor, updateUrl(id, first.id, 'edit'), { text: changed.source, 'key-event': 'yes', pinned: 'yes' });
    assert.equal(pinned.statusCode, 303);
    assert.equal((await t.deps.live.update(id, first.id)).pinned, true);
    const confirm = await post(editor, updateUrl(id, first.id, 'delete'), {});
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /name="confirm" value="yes"/);
    assert.equal((await t.deps.live.update(id, first.id)).id, first.id, 'asking deletes nothing');
    const deleted = await post(editor, updateUrl(id, first.id, 'delete'), { confirm: 'yes' });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${desk(id)}?done=deleted`);
    await assert.rejects(t.deps.live.update(id, first.id), { code: 'ERR_LIVE_UPDATE_NOT_FOUND' });
    assert.doesNotMatch((await get(editor, desk(id))).body, /Crowds of thousands/);
  });

  it('refuses bad updates with a coded error, keeps the text typed, and changes nothing', async () => {
    const id = await liveStory();
    await posted(reporter, id, 'The first update.');
    const before = await state(id);
    const cases: Array<[string, number, string]> = [
      ['', 400, 'ERR_LIVE_UPDATE_EMPTY'],
      ['   \n  ', 400, 'ERR_LIVE_UPDATE_EMPTY'],
      [`Too long ${'x'.repeat(5000)}`, 400, 'ERR_LIVE_UPDATE_TOO_LONG'],
      ['A bell \u0007 rings here', 400, 'ERR_LIVE_UPDATE_INVALID_CHARACTERS'],
    ];
    for (const [text, status, code] of cases) {
      const response = await post(reporter, `${desk(id)}/updates`, { text });
      assert.equal(response.statusCode, status, code);
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /<a href="#live-text">[^<]+<\/a>/);
      assert.match(response.body, /id="live-text-error" class="field-error"/);
      assert.match(response.body, /<textarea[^>]*id="live-text"[^>]*aria-invalid="true"/);
      if (text.trim()) assert.ok(response.body.includes(text.slice(-9)), `${code}: the text is kept`);
    }
    const long = await post(reporter, `${desk(id)}/updates`, { text: `Too long ${'x'.repeat(5000)}` });
    assert.ok(long.body.includes(`Too long ${'x'.repeat(5000)}</textarea>`), 'the whole text comes back');

    const forged = await postForm(t.app, `${desk(id)}/updates`, { _csrf: 'forged', text: 'Forged post.' }, { cookie: reporter.cookie });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.match(forged.body, /Forged post\.<\/textarea>/, 'the text comes back with a fresh token');
    const signedOut = await postForm(t.app, `${desk(id)}/updates`, { _csrf: reporter.csrf, text: 'Typed while signed out.' });
    assert.equal(signedOut.statusCode, 401);
    assert.equal(signedOut.headers['x-error-code'], 'ERR_NOT_SIGNED_IN');
    assert.match(signedOut.body, /Typed while signed out\.<\/textarea>/, 'the text comes back to copy');
    assert.match(signedOut.body, /href="\/newsroom\/sign-in\?next=[^"]+" target="_blank"/);
    const crossSite = await postForm(
      t.app,
      `${desk(id)}/updates`,
      { _csrf: 'forged', text: 'Forged post.' },
      {
        cookie: reporter.cookie,
        headers: { origin: 'https://evil.example' },
      },
    );
    assert.equal(crossSite.statusCode, 403);
    assert.deepEqual(await state(id), before);

    // The script's JSON: the refusal's code and message, then the update's id.
    const json = { accept: 'application/json' };
    const refused = await post(reporter, `${desk(id)}/updates`, { text: '' }, json);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'ERR_LIVE_UPDATE_EMPTY');
    assert.deepEqual(await state(id), before);
    const accepted = await post(reporter, `${desk(id)}/updates`, { text: 'Posted by the script.' }, json);
    assert.equal(accepted.statusCode, 201);
    assert.equal((await t.deps.live.update(id, accepted.json<{ update: { id: string } }>().update.id)).source, 'Posted by the script.');
  });

  it('refuses updates on a story that is not live, not published, or unknown; and unknown updates', async () => {
    const news = await liveStory({ typeLabel: 'News' });
    const notLive = await post(reporter, `${desk(news)}/updates`, { text: 'On a news story.' });
    assert.equal(notLive.statusCode, 409);
    assert.equal(notLive.headers['x-error-code'], 'ERR_LIVE_NOT_LIVE');
    assert.match(notLive.body, /On a news story\.<\/textarea>/);
    assert.match((await get(reporter, desk(news))).body, /not a live story/);
    assert.deepEqual(await state(news), { sequence: 0, updates: [] });

    const draft = await liveStory({ status: 'draft' });
    const unpublished = await post(reporter, `${desk(draft)}/updates`, { text: 'Too early.' });
    assert.equal(unpublished.statusCode, 409);
    assert.equal(unpublished.headers['x-error-code'], 'ERR_LIVE_NOT_PUBLISHED');
    assert.match((await get(reporter, desk(draft))).body, /not published yet/);
    assert.deepEqual(await state(draft), { sequence: 0, updates: [] });

    const unknownStory = '01JUNKNOWNSTORY00000000000';
    assert.equal((await get(reporter, desk(unknownStory))).statusCode, 404);
    assert.equal((await post(reporter, `${desk(unknownStory)}/updates`, { text: 'Nowhere.' })).statusCode, 404);

    const id = await liveStory();
    await posted(reporter, id, 'Something real.');
    const before = await state(id);
    for (const response of [
      await get(reporter, updateUrl(id, 'no-such-update', 'edit')),
      await post(reporter, updateUrl(id, 'no-such-update', 'edit'), { text: 'Changed.' }),
      await post(editor, updateUrl(id, 'no-such-update', 'delete'), { confirm: 'yes' }),
    ]) {
      assert.equal(response.statusCode, 404);
      assert.equal(response.headers['x-error-code'], 'ERR_LIVE_UPDATE_NOT_FOUND');
    }
    assert.deepEqual(await state(id), before);
  });

  it('keeps the key points and ends the coverage for editors only; an ended story’s desk is read-only', async () => {
    const id = await liveStory();
    const update = await posted(reporter, id, 'Before the end.');

    assert.equal((await post(reporter, `${desk(id)}/summary`, { summary: 'Mine' })).statusCode, 403);
    assert.equal((await post(reporter, `${desk(id)}/end`, { 'type-label': 'News' })).statusCode, 403);
    const tooMany = Array.from({ length: 11 }, (_, index) => `Point ${index + 1}`).join('\n');
    const refused = await post(editor, `${desk(id)}/summary`, { summary: tooMany });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_LIVE_SUMMARY_INVALID');
    assert.match(refused.body, /Point 11<\/textarea>/);
    const saved = await post(editor, `${desk(id)}/summary`, { summary: 'Thousands gathered\n\nPolice closed the square' });
    assert.equal(saved.headers.location, `${desk(id)}?done=summary`);
    assert.deepEqual((await t.deps.live.coverage(id))?.summary, ['Thousands gathered', 'Police closed the square']);
    assert.match((await get(reporter, desk(id))).body, /<li>Police closed the square<\/li>/);

    const editorDesk = await get(editor, desk(id));
    assert.match(editorDesk.body, /End live coverage/);
    assert.match(editorDesk.body, /<option value="News" selected>/);
    assert.doesNotMatch(editorDesk.body, /<option value="Live"/);
    const badType = await post(editor, `${desk(id)}/end`, { 'type-label': 'Gossip' });
    assert.equal(badType.statusCode, 400);
    assert.equal(badType.headers['x-error-code'], 'ERR_LIVE_TYPE_INVALID');
    assert.equal((await t.deps.live.coverage(id))?.endedAt, null);

    const ended = await post(editor, `${desk(id)}/end`, { 'type-label': 'Analysis' });
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, `${desk(id)}?done=ended`);
    assert.ok((await t.deps.live.coverage(id))?.endedAt);
    assert.equal((await t.deps.reading.preview(id)).article.typeLabel, 'Analysis');

    const readOnly = await get(reporter, desk(id));
    assert.match(readOnly.body, /Live coverage ended/);
    assert.match(readOnly.body, /Before the end\./);
    assert.doesNotMatch(readOnly.body, /data-live-composer/);
    assert.doesNotMatch(readOnly.body, new RegExp(updateUrl(id, update.id, 'edit')));
    const before = await state(id);
    for (const response of [
      await post(reporter, `${desk(id)}/updates`, { text: 'After the end.' }),
      await post(reporter, updateUrl(id, update.id, 'edit'), { text: 'Changed after the end.' }),
      await post(editor, updateUrl(id, update.id, 'delete'), { confirm: 'yes' }),
    ]) {
      assert.equal(response.statusCode, 409);
      assert.equal(response.headers['x-error-code'], 'ERR_LIVE_ENDED');
    }
    assert.match((await post(reporter, `${desk(id)}/updates`, { text: 'After the end.' })).body, /After the end\.<\/textarea>/);
    assert.deepEqual(await state(id), before);
  });

  it('pages through older updates; a forged cursor shows the newest', async () => {
    const id = await liveStory();
    const actor = { userId: reporter.user.id, displayName: 'Rae Porter', authorId: null, authorName: null, canManage: false };
    for (let n = 1; n <= LIVE_PAGE_SIZE + 1; n++) {
      t.clock.advance(1000);
      await t.deps.live.post(actor, id, { text: `Update number ${n}.` });
    }
    const newest = await get(reporter, desk(id));
    assert.doesNotMatch(newest.body, /Update number 1\./);
    const older = /<a rel="next" href="([^"]+)">Older updates<\/a>/.exec(newest.body)?.[1];
    assert.ok(older, 'an Older updates link');
    const oldest = await get(reporter, older.replace(/&amp;/g, '&'));
    assert.equal(oldest.statusCode, 200);
    assert.match(oldest.body, /Update number 1\./);
    assert.doesNotMatch(oldest.body, /data-live-refresh/, 'an older page is not refreshed by the script');
    assert.match(oldest.body, new RegExp(`<a href="${desk(id)}">Newest updates</a>`));
    const forged = await get(reporter, `${desk(id)}?before=forged`);
    assert.equal(forged.statusCode, 200);
    assert.match(forged.body, new RegExp(`Update number ${LIVE_PAGE_SIZE + 1}\\.`));
  });

  it('links a Live story’s desk from the story list and the editor', async () => {
    const id = await liveStory();
    const news = await liveStory({ typeLabel: 'News' });
    const list = await get(editor, '/newsroom/stories');
    assert.match(list.body, new RegExp(`href="${desk(id)}"`));
    assert.doesNotMatch(list.body, new RegExp(`href="${desk(news)}"`));
    const editPage = await get(editor, `/newsroom/stories/${id}/edit`);
    assert.match(editPage.body, new RegExp(`href="${desk(id)}"`));
  });
});
