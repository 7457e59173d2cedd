import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Section } from '../../modules/sections/section.types.js';
import { findStoryState } from '../../modules/articles/article-editing.repository.js';
import { csrfTokenIn } from '../../testing/newsroom-client.js';
import { createTestApp, TEST_NOW, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';

type Fields = Array<[string, string]>;

describe('the newsroom story editor', () => {
  let t: TestApp;
  let section: Section;
  let sectionId: string;
  let sectionSlug: string;
  let authorId: string;

  before(async () => {
    t = await createTestApp();
    section = await t.factories.section({ name: 'World', slug: 'world' });
    sectionId = section.id;
    sectionSlug = section.slug;
    authorId = (await t.factories.author({ name: 'Ana Kim' })).id;
  });
  after(() => t.close());

  async function signedIn(role: string) {
    const user = await t.factories.staffUser({ role });
    const cookie = await t.factories.sessionCookie(user.id);
    return { user, cookie, csrf: csrfTokenFor(cookie.split('=')[1] ?? '') };
  }

  function post(url: string, fields: Fields, who: { cookie: string; csrf?: string }): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams(who.csrf ? [['_csrf', who.csrf], ...fields] : fields);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form.toString(),
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  const storyFields = (overrides: Record<string, string> = {}): Fields => {
    const base: Record<string, string> = {
      headline: 'Harbour reopens',
      standfirst: 'Cranes return.',
      body: 'The port *reopened*.\n\n## Next\n\n- ships',
      sectionId,
      tags: 'ports, trade',
      typeLabel: 'News',
      ...overrides,
    };
    return [...Object.entries(base), ['authorIds', authorId]];
  };

  async function createDraft(who: { cookie: string; csrf: string }, overrides: Record<string, string> = {}): Promise<string> {
    const response = await post('/newsroom/stories/new', storyFields(overrides), who);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const match = /\/newsroom\/stories\/([^/]+)\/edit\?done=created/.exec(String(response.headers.location));
    assert.ok(match?.[1]);
    return match[1];
  }

  it('lets a reporter create a draft, edit it and submit it, all without JavaScript', async () => {
    const reporter = await signedIn('reporter');
    const form = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: reporter.cookie } });
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store');
    for (const id of ['headline', 'body', 'sectionId', 'authorIds', 'tags', 'embargoUntil', 'heroMediaId'])
      assert.match(form.body, new RegExp(`<label for="${id}">`));
    assert.equal(csrfTokenIn(form.body), reporter.csrf);

    const id = await createDraft(reporter);
    const editor = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: reporter.cookie } });
    assert.equal(editor.statusCode, 200);
    assert.match(editor.body, /Status: <strong>Draft<\/strong>/);
    assert.match(editor.body, /The port \*reopened\*\./);
    assert.match(editor.body, /Submit for review/);
    assert.doesNotMatch(editor.body, /Publish now/, 'a reporter may not publish');

    const saved = await post(`/newsroom/stories/${id}/edit`, storyFields({ headline: 'Harbour reopens at last' }), reporter);
    assert.equal(saved.statusCode, 303);
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'Harbour reopens at last');

    const submitted = await post(`/newsroom/stories/${id}/submit`, [], reporter);
    assert.equal(submitted.statusCode, 303);
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'in_review');

    const list = await t.app.inject({ url: '/newsroom/stories?status=in_review', headers: { cookie: reporter.cookie } });
    assert.match(list.body, /Harbour reopens at last/);
    assert.match(list.body, /In review/);
  });

  it('shows the form again with linked errors and the typed values when a save is invalid', async () => {
    const reporter = await signedIn('reporter');
    const response = await post(
      '/newsroom/stories/new',
      [
        ['headline', ''],
        ['body', 'Kept <b>words</b>'],
        ['sectionId', sectionId],
        ['typeLabel', 'News'],
        ['seriesPart', 'two'],
      ],
      reporter,
    );
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
    assert.match(response.body, /<a href="#headline">/);
    assert.match(response.body, /<a href="#authorIds">/);
    assert.match(response.body, /<a href="#seriesPart">/);
    assert.match(response.body, /Kept &lt;b>words&lt;\/b>/);
  });

  it('refuses a contributor editing another’s story (403) and changes nothing', async () => {
    const { id } = await t.factories.article({ status: 'draft', section });
    const before = await t.deps.reading.preview(id);
    const contributor = await signedIn('contributor');
    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: contributor.cookie } });
    assert.equal(page.statusCode, 403);
    assert.equal(page.headers['x-error-code'], 'ERR_STORY_FORBIDDEN');
    const response = await post(`/newsroom/stories/${id}/edit`, storyFields({ headline: 'Hijacked' }), contributor);
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_STORY_FORBIDDEN');
    assert.equal((await t.deps.reading.preview(id)).article.headline, before.article.headline);
    const missing = await t.app.inject({ url: '/newsroom/stories/no-such-story/edit', headers: { cookie: contributor.cookie } });
    assert.equal(missing.statusCode, 404);
  });

  it('ignores forged status and owner fields', async () => {
    const reporter = await signedIn('reporter');
    const other = await signedIn('editor');
    const id = await createDraft(reporter, { status: 'published', ownerUserId: other.user.id, publishedAt: '2020-01-01T00:00:00Z' });
    const state = await findStoryState(t.deps.db, id);
    assert.equal(state?.status, 'draft');
    assert.equal(state?.ownerUserId, reporter.user.id);
  });

  it('lets an editor publish: the story appears on the home page and its section page', async () => {
    const editor = await signedIn('editor');
    const id = await createDraft(editor, { headline: 'Published from the newsroom', slug: 'published-from-the-newsroom' });
    const published = await post(`/newsroom/stories/${id}/publish`, [], editor);
    assert.equal(published.statusCode, 303);
    assert.equal((await t.app.inject('/article/published-from-the-newsroom')).statusCode, 200);
    assert.match((await t.app.inject(`/section/${sectionSlug}`)).body, /Published from the newsroom/);
    assert.match((await t.app.inject('/')).body, /Published from the newsroom/);

    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: editor.cookie } });
    assert.match(page.body, /Add a correction or update/);
    const corrected = await post(
      `/newsroom/stories/${id}/corrections`,
      [
        ['kind', 'correction'],
        ['text', 'An earlier version misnamed the port.'],
      ],
      editor,
    );
    assert.equal(corrected.statusCode, 303);
    assert.match((await t.app.inject('/article/published-from-the-newsroom')).body, /misnamed the port/);
  });

  it('answers an invalid schedule time with the form and a field error, changing nothing', async () => {
    const editor = await signedIn('editor');
    const id = await createDraft(editor);
    for (const at of ['not a date', '2026-13-40T25:00', '', '2020-01-01T10:00']) {
      const response = await post(`/newsroom/stories/${id}/schedule`, [['at', at]], editor);
      assert.equal(response.statusCode, 400, at);
      assert.match(String(response.headers['x-error-code']), /^ERR_STORY_SCHEDULE_(INVALID|IN_PAST)$/);
      assert.match(response.body, /<a href="#schedule-at">/);
      assert.match(response.body, /id="schedule-at-error"/);
    }
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'draft');
  });

  it('schedules in the publication’s time zone and publishes when the time comes', async () => {
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
    try {
      const editor = await signedIn('editor');
      const id = await createDraft(editor, { slug: 'scheduled-story' });
      // 15:00 in Seoul (UTC+9) on the test day is 06:00 UTC, three hours after TEST_NOW.
      const response = await post(`/newsroom/stories/${id}/schedule`, [['at', '2026-11-20T15:00']], editor);
      assert.equal(response.statusCode, 303);
      const state = await findStoryState(t.deps.db, id);
      assert.equal(state?.status, 'scheduled');
      assert.equal(state?.publishedAt?.toISOString(), '2026-11-20T06:00:00.000Z');
      assert.equal((await t.app.inject('/article/scheduled-story')).statusCode, 404);
      t.clock.set('2026-11-20T06:00:01.000Z');
      await t.deps.publisher.publishDue();
      assert.equal((await t.app.inject('/article/scheduled-story')).statusCode, 200);
    } finally {
      t.clock.set(TEST_NOW);
      await t.deps.settings.updatePublication({ timeZone: 'UTC' });
    }
  });

  it('lists, compares and restores revisions over HTTP', async () => {
    const reporter = await signedIn('reporter');
    const id = await createDraft(reporter, { headline: 'First words' });
    await post(`/newsroom/stories/${id}/edit`, storyFields({ headline: 'Second words', body: 'New paragraph.' }), reporter);
    const list = await t.app.inject({ url: `/newsroom/stories/${id}/revisions`, headers: { cookie: reporter.cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Revision 2/);
    assert.match(list.body, new RegExp(`/newsroom/stories/${id}/revisions/1/diff/2`));
    const diff = await t.app.inject({ url: `/newsroom/stories/${id}/revisions/1/diff/2`, headers: { cookie: reporter.cookie } });
    assert.equal(diff.statusCode, 200);
    assert.match(diff.body, /First words/);
    assert.match(diff.body, /Added: <\/span>New paragraph\./);
    assert.equal((await t.app.inject({ url: `/newsroom/stories/${id}/revisions/1/diff/99`, headers: { cookie: reporter.cookie } })).statusCode, 404);
    const restored = await post(`/newsroom/stories/${id}/revisions/1/restore`, [], reporter);
    assert.equal(restored.statusCode, 303);
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'First words');
    assert.equal((await t.deps.revisions.listRevisions(id)).length, 3);
  });

  it('previews a draft exactly as readers would see it, never cached, while the public URL is 404', async () => {
    const reporter = await signedIn('reporter');
    const id = await createDraft(reporter, { headline: 'Secret draft', slug: 'secret-draft' });
    const preview = await t.app.inject({ url: `/newsroom/stories/${id}/preview`, headers: { cookie: reporter.cookie } });
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['cache-control'], 'no-store');
    assert.equal(preview.headers['x-page-cache'], undefined);
    assert.match(preview.body, /<h1 id="article-headline">Secret draft/);
    assert.doesNotMatch(preview.body, /data-article=|\/views\/pixel/, 'staff reading a preview are not counted');
    assert.equal((await t.app.inject('/article/secret-draft')).statusCode, 404);
    const anonymous = await t.app.inject(`/newsroom/stories/${id}/preview`);
    assert.equal(anonymous.statusCode, 303);
  });

  it('autosaves with JSON: the time saved, or the problems by field', async () => {
    const reporter = await signedIn('reporter');
    const id = await createDraft(reporter);
    const saved = await post(`/newsroom/stories/${id}/autosave`, storyFields({ headline: 'Autosaved' }), reporter);
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json<{ savedAt: string }>().savedAt, new Date(TEST_NOW).toISOString());
    assert.equal(typeof saved.json<{ version: number }>().version, 'number', 'the base of the next save');
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'Autosaved');
    const refused = await post(`/newsroom/stories/${id}/autosave`, storyFields({ headline: '' }), reporter);
    assert.equal(refused.statusCode, 400);
    const body = refused.json<{ errors: Array<{ field: string }> }>();
    assert.ok(body.errors.some((error) => error.field === 'headline'));
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'Autosaved');

    const html = await post('/newsroom/stories/preview-body', [['body', 'Hi *there* <script>x</script>']], reporter);
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /<em>there<\/em>/);
    assert.match(html.body, /&lt;script>/);
  });

  it('deletes only after a confirmation step', async () => {
    const editor = await signedIn('editor');
    const id = await createDraft(editor);
    const confirm = await t.app.inject({ url: `/newsroom/stories/${id}/delete`, headers: { cookie: editor.cookie } });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Yes, delete this story/);
    assert.ok(await findStoryState(t.deps.db, id));
    const deleted = await post(`/newsroom/stories/${id}/delete`, [], editor);
    assert.equal(deleted.statusCode, 303);
    assert.equal(await findStoryState(t.deps.db, id), undefined);
  });

  it('refuses every form POST without a CSRF token (403), changing nothing', async () => {
    const editor = await signedIn('editor');
    const id = await createDraft(editor);
    const noToken = { cookie: editor.cookie };
    const urls = [
      '/newsroom/stories/new',
      '/newsroom/stories/preview-body',
      ...['edit', 'autosave', 'submit', 'publish', 'schedule', 'unpublish', 'corrections', 'delete', 'revisions/1/restore'].map(
        (action) => `/newsroom/stories/${id}/${action}`,
      ),
    ];
    for (const url of urls) {
      const response = await post(
        url,
        [...storyFields({ headline: 'Forged' }), ['at', '2026-12-01T10:00'], ['kind', 'update'], ['text', 'x']],
        noToken,
      );
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID', url);
    }
    const state = await findStoryState(t.deps.db, id);
    assert.equal(state?.status, 'draft');
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'Harbour reopens');
  });
});
