import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';

type Fields = Record<string, string>;
interface Editor {
  userId: string;
  name: string;
  cookie: string;
  csrf: string;
}

/** The saving fields the editor page renders into the story form. */
function savingFieldsIn(html: string): { baseVersion: string; editingSession: string } {
  const base = /name="baseVersion" value="(\d+)"/.exec(html)?.[1];
  const session = /name="editingSession" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(base !== undefined && session, 'the editor page carries baseVersion and editingSession');
  return { baseVersion: base, editingSession: session };
}

const json = (response: LightMyRequestResponse) => response.json<Record<string, unknown> & { errors?: Array<{ code: string }> }>();

describe('saving that never loses work', () => {
  let t: TestApp;
  let sectionId: string;
  let authorId: string;
  let ana: Editor;
  let ben: Editor;

  before(async () => {
    t = await createTestApp();
    sectionId = (await t.factories.section({ name: 'World', slug: 'world' })).id;
    authorId = (await t.factories.author({ name: 'Ana Kim' })).id;
    ana = await signedIn('editor', 'Ana Editor');
    ben = await signedIn('editor', 'Ben Editor');
  });
  after(() => t.close());

  async function signedIn(role: string, displayName: string): Promise<Editor> {
    const user = await t.factories.staffUser({ role, displayName });
    const cookie = await t.factories.sessionCookie(user.id);
    return { userId: user.id, name: displayName, cookie, csrf: csrfTokenFor(cookie.split('=')[1] ?? '') };
  }

  function post(url: string, fields: Fields, who: { cookie?: string; csrf?: string }): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams(who.csrf ? { _csrf: who.csrf, ...fields } : fields);
    if (!('authorIds' in fields) && 'headline' in fields) form.append('authorIds', authorId);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who.cookie ? { cookie: who.cookie } : {}) },
    });
  }

  const story = (overrides: Fields = {}): Fields => ({
    headline: 'Harbour reopens',
    body: 'The port reopened.',
    sectionId,
    typeLabel: 'News',
    ...overrides,
  });

  async function newStory(): Promise<string> {
    const response = await post('/newsroom/stories/new', story(), ana);
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(response.headers.location))?.[1];
    assert.ok(id, response.body.slice(0, 300));
    return id;
  }

  async function open(id: string, who: Editor) {
    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: who.cookie } });
    assert.equal(page.statusCode, 200);
    const fields = savingFieldsIn(page.body);
    return { page, fields, ...fields };
  }

  const revisions = (id: string) => t.deps.revisions.listRevisions(id);
  const headline = async (id: string) => (await t.deps.reading.preview(id)).article.headline;

  it('refuses a save over someone else’s newer save (409 ERR_STORY_CONFLICT, nothing written), then keeps mine when asked', async () => {
    const id = await newStory();
    const a = await open(id, ana);
    const b = await open(id, ben);
    assert.notEqual(a.editingSession, b.editingSession);

    const saved = await post(`/newsroom/stories/${id}/edit`, story({ headline: 'Ana’s headline', body: 'Ana wrote this.', ...a.fields }), ana);
    assert.equal(saved.statusCode, 303);
    const before = (await revisions(id)).length;

    // Ben's form still names the version he opened: refused, with Ana's name, the diff and his text kept.
    const refused = await post(`/newsroom/stories/${id}/edit`, story({ headline: 'Ben’s headline', body: 'Ben wrote this.', ...b.fields }), ben);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_CONFLICT');
    assert.match(refused.body, /id="story-conflict"/);
    assert.match(refused.body, /Ana Editor/);
    assert.match(refused.body, /Ben wrote this\./, 'his text is kept in the form');
    assert.match(refused.body, /<del>[^]*?Ana wrote this\.<\/del>/, 'the diff shows theirs');
    assert.match(refused.body, /name="resolve" value="keep-mine"/);
    assert.equal(await headline(id), 'Ana’s headline');
    assert.equal((await revisions(id)).length, before, 'nothing written');

    // The same refusal by autosave: JSON with the conflict's data.
    const auto = await post(`/newsroom/stories/${id}/autosave`, story({ headline: 'Ben’s headline', body: 'Ben wrote this.', ...b.fields }), ben);
    assert.equal(auto.statusCode, 409);
    const body = json(auto) as {
      errors: Array<{ code: string }>;
      conflict: { version: number; savedBy: string; body: Array<{ op: string; text: string }> };
    };
    assert.equal(body.errors[0]?.code, 'ERR_STORY_CONFLICT');
    assert.equal(body.conflict.savedBy, 'Ana Editor');
    assert.ok(body.conflict.body.some((line) => line.op === 'removed' && line.text === 'Ana wrote this.'));
    assert.ok(body.conflict.body.some((line) => line.op === 'added' && line.text === 'Ben wrote this.'));
    assert.equal((await revisions(id)).length, before);

    // Keep mine: the re-rendered form names the version it was refused by.
    const again = savingFieldsIn(refused.body);
    assert.equal(Number(again.baseVersion), body.conflict.version);
    assert.equal(again.editingSession, b.editingSession);
    const kept = await post(
      `/newsroom/stories/${id}/edit`,
      story({ headline: 'Ben’s headline', body: 'Ben wrote this.', resolve: 'keep-mine', ...again }),
      ben,
    );
    assert.equal(kept.statusCode, 303);
    assert.equal(await headline(id), 'Ben’s headline');
    const history = (await revisions(id)).map((revision) => revision.snapshot.headline);
    assert.deepEqual(history.slice(0, 2), ['Ben’s headline', 'Ana’s headline'], 'neither save is lost');

    // Ana's tab is now behind Ben's: her next autosave is refused in turn.
    const late = await post(
      `/newsroom/stories/${id}/autosave`,
      story({ headline: 'Ana again', baseVersion: String(Number(a.baseVersion) + 1), editingSession: a.editingSession }),
      ana,
    );
    assert.equal(late.statusCode, 409);
  });

  it('keeps one revision per editing session for autosaves, and one for each explicit save and workflow step', async () => {
    const id = await newStory();
    const a = await open(id, ana);
    const start = (await revisions(id)).length;
    let version = Number(a.baseVersion);
    for (const text of ['One.', 'One. Two.', 'One. Two. Three.']) {
      t.clock.advance(10_000);
      const response = await post(
        `/newsroom/stories/${id}/autosave`,
        story({ body: text, baseVersion: String(version), editingSession: a.editingSession }),
        ana,
      );
      assert.equal(response.statusCode, 200, response.body);
      version = Number(json(response)['version']);
    }
    let list = await revisions(id);
    assert.equal(list.length, start + 1, 'three autosaves, one revision');
    assert.equal(list[0]?.kind, 'autosave');
    assert.deepEqual(list[0]?.snapshot.body, [{ type: 'paragraph', content: [{ text: 'One. Two. Three.' }] }]);

    // An explicit save is a revision of its own; so is each workflow step.
    const saved = await post(
      `/newsroom/stories/${id}/edit`,
      story({ body: 'Final.', baseVersion: String(version), editingSession: a.editingSession }),
      ana,
    );
    assert.equal(saved.statusCode, 303);
    assert.equal((await post(`/newsroom/stories/${id}/submit`, {}, ana)).statusCode, 303);
    assert.equal((await post(`/newsroom/stories/${id}/publish`, {}, ana)).statusCode, 303);
    list = await revisions(id);
    assert.deepEqual(
      list.slice(0, 4).map((revision) => revision.kind),
      ['publish', 'submit', 'save', 'autosave'],
    );
    // The same session autosaving after an explicit save starts a new revision: history stays in order.
    const more = await post(
      `/newsroom/stories/${id}/autosave`,
      story({ body: 'Final, edited.', baseVersion: String(version + 1), editingSession: a.editingSession }),
      ana,
    );
    assert.equal(more.statusCode, 200, more.body);
    assert.equal((await revisions(id)).length, list.length + 1);
    // A workflow step is not someone else's content: an open editor's next save is not refused for it.
    assert.equal((await revisions(id))[0]?.kind, 'autosave');
  });

  it('shows who else has the story open, on the page and to the heartbeat, until they have been gone a minute', async () => {
    const id = await newStory();
    const a = await open(id, ana);
    const first = await post(`/newsroom/stories/${id}/presence`, { editingSession: a.editingSession }, ana);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(json(first)['others'], []);

    const b = await open(id, ben);
    assert.match(b.page.body, /id="story-presence"[^>]*>Also open by <span><strong>Ana Editor<\/strong>/);
    const beat = await post(`/newsroom/stories/${id}/presence`, { editingSession: b.editingSession }, ben);
    const others = json(beat)['others'] as Array<{ name: string }>;
    assert.deepEqual(
      others.map((other) => other.name),
      ['Ana Editor'],
    );
    const seenByAna = json(await post(`/newsroom/stories/${id}/presence`, { editingSession: a.editingSession }, ana))['others'] as Array<{
      name: string;
    }>;
    assert.deepEqual(
      seenByAna.map((other) => other.name),
      ['Ben Editor'],
    );

    // Ana's tab stops beating: a minute later Ben no longer sees her, and her row is gone.
    t.clock.advance(61_000);
    const later = await post(`/newsroom/stories/${id}/presence`, { editingSession: b.editingSession }, ben);
    assert.deepEqual(json(later)['others'], []);
    const rows = await t.deps.db.selectFrom('story_presence').select('user_id').where('article_id', '=', id).execute();
    assert.deepEqual(
      rows.map((row) => row.user_id),
      [ben.userId],
    );
    // Closing the editor removes its row at once.
    await post(`/newsroom/stories/${id}/presence`, { editingSession: b.editingSession, leaving: '1' }, ben);
    assert.equal((await t.deps.db.selectFrom('story_presence').select('user_id').where('article_id', '=', id).execute()).length, 0);
  });

  it('answers a signed-out or stale autosave with a coded JSON refusal, and hands a fresh CSRF token to the signed-in', async () => {
    const id = await newStory();
    const a = await open(id, ana);
    const signedOut = await post(`/newsroom/stories/${id}/autosave`, story({ headline: 'Lost?', ...a.fields }), { csrf: ana.csrf });
    assert.equal(signedOut.statusCode, 401);
    assert.equal(json(signedOut).errors?.[0]?.code, 'ERR_NOT_SIGNED_IN');
    const stale = await post(`/newsroom/stories/${id}/autosave`, story({ headline: 'Lost?', ...a.fields }), { cookie: ana.cookie, csrf: 'stale' });
    assert.equal(stale.statusCode, 403);
    assert.equal(json(stale).errors?.[0]?.code, 'ERR_CSRF_TOKEN_INVALID');
    assert.equal(await headline(id), 'Harbour reopens');

    const noToken = await t.app.inject({ url: '/newsroom/session/csrf' });
    assert.equal(noToken.statusCode, 401);
    assert.equal(json(noToken).errors?.[0]?.code, 'ERR_NOT_SIGNED_IN');
    const token = await t.app.inject({ url: '/newsroom/session/csrf', headers: { cookie: ana.cookie } });
    assert.equal(token.statusCode, 200);
    assert.equal(token.headers['cache-control'], 'no-store');
    assert.equal(json(token)['csrfToken'], ana.csrf);
  });

  it('keeps the text of a form posted after the session ended or changed, saving nothing', async () => {
    const id = await newStory();
    const a = await open(id, ana);
    const signedOut = await post(`/newsroom/stories/${id}/edit`, story({ body: 'Words I must not lose.', ...a.fields }), { csrf: 'old-token' });
    assert.equal(signedOut.statusCode, 401);
    assert.equal(signedOut.headers['x-error-code'], 'ERR_NOT_SIGNED_IN');
    assert.match(signedOut.body, /Words I must not lose\./);
    assert.match(signedOut.body, /target="_blank"/);

    const changed = await post(`/newsroom/stories/${id}/edit`, story({ body: 'Words I must not lose.', ...a.fields }), {
      cookie: ana.cookie,
      csrf: 'old-token',
    });
    assert.equal(changed.statusCode, 403);
    assert.equal(changed.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.match(changed.body, /Words I must not lose\./);
    assert.match(changed.body, new RegExp(`name="_csrf" value="${ana.csrf}"`), 'the form carries the token of the session now');
    assert.equal((await t.deps.reading.preview(id)).article.body.length, 1);
    assert.equal(await headline(id), 'Harbour reopens');

    // A new story's form too: its text comes back, no draft is made.
    const drafts = (await t.deps.db.selectFrom('articles').select('id').execute()).length;
    const newOut = await post('/newsroom/stories/new', story({ body: 'A whole new story.' }), { csrf: 'old-token' });
    assert.equal(newOut.statusCode, 401);
    assert.match(newOut.body, /A whole new story\./);
    const newChanged = await post('/newsroom/stories/new', story({ body: 'A whole new story.' }), { cookie: ana.cookie, csrf: 'old-token' });
    assert.equal(newChanged.statusCode, 403);
    assert.match(newChanged.body, /A whole new story\./);
    assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, drafts);

    // From another site, no rescue page: the ordinary refusal.
    const crossSite = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${id}/edit`,
      payload: new URLSearchParams(story({ body: 'Forged.' })).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(crossSite.statusCode, 401);
    assert.doesNotMatch(crossSite.body, /Forged\./);
  });

  it('refuses malformed saving fields with coded 400s', async () => {
    const id = await newStory();
    const bad = await post(`/newsroom/stories/${id}/autosave`, story({ baseVersion: 'latest' }), ana);
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).errors?.[0]?.code, 'ERR_STORY_SAVE_INVALID');
    const badForm = await post(`/newsroom/stories/${id}/edit`, story({ editingSession: '<script>' }), ana);
    assert.equal(badForm.statusCode, 400);
    assert.equal(badForm.headers['x-error-code'], 'ERR_STORY_SAVE_INVALID');
    const presence = await post(`/newsroom/stories/${id}/presence`, { editingSession: 'x' }, ana);
    assert.equal(presence.statusCode, 400);
    assert.equal(json(presence).errors?.[0]?.code, 'ERR_PRESENCE_INVALID');
    const missing = await post('/newsroom/stories/no-such-story/presence', { editingSession: 'abcdefgh-1234' }, ana);
    assert.equal(missing.statusCode, 404);
    assert.equal(await headline(id), 'Harbour reopens');
  });
});
