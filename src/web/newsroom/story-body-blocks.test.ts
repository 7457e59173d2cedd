import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { ArticleBody } from '../../shared/article-body.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';

/** The rich-text editor's form contract: the hidden `bodyBlocks` input carries the body as JSON blocks. */
describe('the story form with the rich-text editor’s bodyBlocks', () => {
  let t: TestApp;
  let sectionId: string;
  let authorId: string;
  let who: { cookie: string; csrf: string };

  const RICH: ArticleBody = [
    {
      type: 'paragraph',
      content: [{ text: 'The port ' }, { text: 'reopened', marks: ['strong'] }, { text: ' today', href: 'https://example.com/port' }],
    },
    { type: 'heading', text: 'What comes next' },
    { type: 'quote', text: 'We are open again.', attribution: 'Harbour master' },
    { type: 'list', ordered: true, items: [[{ text: 'Ships' }], [{ text: 'Ferries', marks: ['em'] }]] },
    { type: 'divider' },
    { type: 'embed', url: 'https://www.example.org/timetable?day=1' },
  ];

  before(async () => {
    t = await createTestApp();
    sectionId = (await t.factories.section({ name: 'World', slug: 'world' })).id;
    authorId = (await t.factories.author({ name: 'Ana Kim' })).id;
    const user = await t.factories.staffUser({ role: 'reporter' });
    const cookie = await t.factories.sessionCookie(user.id);
    who = { cookie, csrf: csrfTokenFor(cookie.split('=')[1] ?? '') };
  });
  after(() => t.close());

  function post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams([['_csrf', who.csrf], ...Object.entries(fields), ['authorIds', authorId]]);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form.toString(),
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  const story = (fields: Record<string, string>) => ({
    headline: 'Harbour reopens',
    sectionId,
    typeLabel: 'News',
    body: 'Markdown words',
    ...fields,
  });
  const articleCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function create(fields: Record<string, string>): Promise<string> {
    const response = await post('/newsroom/stories/new', story(fields));
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(response.headers.location))?.[1];
    assert.ok(id);
    return id;
  }

  it('saves the blocks as they are, in preference to the Markdown, and gives them back to the editor', async () => {
    const id = await create({ bodyBlocks: JSON.stringify(RICH) });
    assert.deepEqual((await t.deps.reading.preview(id)).article.body, RICH);
    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: who.cookie } });
    assert.equal(page.statusCode, 200);
    const json = /<script type="application\/json" id="story-body-json">([^<]*)<\/script>/.exec(page.body)?.[1];
    assert.ok(json, 'the page holds the body for the editor');
    assert.deepEqual(JSON.parse(json), { blocks: RICH, figures: {} });
    // Without JavaScript the textarea shows the same body as Markdown, divider and embed included.
    assert.match(page.body, /\n---\n/);
    assert.match(page.body, /\[\[embed:https:\/\/www\.example\.org\/timetable\?day=1\]\]/);
    assert.match(page.body, /newsroom-editor\.js\?v=[0-9a-f]{12}/);
    assert.match(page.body, /newsroom-editor\.css\?v=[0-9a-f]{12}/);
  });

  it('gives the editor each figure’s picture and words', async () => {
    const mediaId = await t.factories.media({ alt: 'Cranes', caption: 'At dawn', credit: 'Port' });
    const id = await create({ bodyBlocks: JSON.stringify([{ type: 'figure', mediaId }]) });
    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: who.cookie } });
    const json = /<script type="application\/json" id="story-body-json">([^<]*)<\/script>/.exec(page.body)?.[1] ?? '{}';
    const start = JSON.parse(json) as { figures: Record<string, { src: string | null; alt: string; caption: string; credit: string }> };
    assert.equal(start.figures[mediaId]?.alt, 'Cranes');
    assert.equal(start.figures[mediaId]?.caption, 'At dawn');
    assert.equal(start.figures[mediaId]?.credit, 'Port');
    assert.match(start.figures[mediaId]?.src ?? '', /^\/media\//);
  });

  it('uses the Markdown when bodyBlocks is empty (the form without JavaScript)', async () => {
    const id = await create({ bodyBlocks: '', body: 'Plain *words*\n\n---\n\n[[embed:https://example.com/a]]' });
    assert.deepEqual((await t.deps.reading.preview(id)).article.body, [
      { type: 'paragraph', content: [{ text: 'Plain ' }, { text: 'words', marks: ['em'] }] },
      { type: 'divider' },
      { type: 'embed', url: 'https://example.com/a' },
    ]);
  });

  for (const [what, bodyBlocks] of [
    ['JSON that does not parse', '[{"type":'],
    ['a block the body has no room for', JSON.stringify([{ type: 'table', rows: [] }])],
    ['a javascript: link', JSON.stringify([{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }])],
    ['a javascript: embed', JSON.stringify([{ type: 'embed', url: 'javascript:alert(1)//https://x' }])],
    ['an embed that is not a web address', JSON.stringify([{ type: 'embed', url: 'ftp://example.com/file' }])],
    ['a body that is not a list', JSON.stringify({ type: 'paragraph' })],
  ] as const) {
    it(`refuses ${what} with a coded 400 on the body, saving nothing`, async () => {
      const before = await articleCount();
      const response = await post('/newsroom/stories/new', story({ bodyBlocks }));
      assert.equal(response.statusCode, 400);
      assert.equal(response.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
      assert.match(response.body, /<a href="#body">/);
      assert.equal(await articleCount(), before);
    });
  }

  it('refuses bad blocks on an existing story and on autosave, leaving the body as it was', async () => {
    const id = await create({ bodyBlocks: JSON.stringify(RICH) });
    const bad = JSON.stringify([{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }]);
    const saved = await post(`/newsroom/stories/${id}/edit`, story({ bodyBlocks: bad }));
    assert.equal(saved.statusCode, 400);
    assert.equal(saved.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
    const autosaved = await post(`/newsroom/stories/${id}/autosave`, story({ bodyBlocks: '{' }));
    assert.equal(autosaved.statusCode, 400);
    assert.ok(autosaved.json<{ errors: Array<{ field: string }> }>().errors.some((error) => error.field === 'body'));
    assert.deepEqual((await t.deps.reading.preview(id)).article.body, RICH);
  });

  it('previews blocks with the site’s renderer: a divider as <hr>, an embed as a link card', async () => {
    const html = await post('/newsroom/stories/preview-body', { bodyBlocks: JSON.stringify(RICH) });
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /<strong>reopened<\/strong>/);
    assert.match(html.body, /<hr\/?>/);
    assert.match(
      html.body,
      /<p class="embed-card"><a href="https:\/\/www.example.org\/timetable\?day=1"[^>]*><span class="embed-card-host">example.org<\/span>/,
    );
    assert.doesNotMatch(html.body, /<iframe|<script/);
    const refused = await post('/newsroom/stories/preview-body', { bodyBlocks: '[{"type":"embed","url":"data:text/html,x"}]' });
    assert.equal(refused.statusCode, 400);
  });

  it('keeps text that looks like markup inert in the page’s JSON', async () => {
    const body: ArticleBody = [{ type: 'paragraph', content: [{ text: '</script><script>alert(1)</script>' }] }];
    const id = await create({ bodyBlocks: JSON.stringify(body) });
    const page = await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: who.cookie } });
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /\\u003c\/script>/);
  });
});
