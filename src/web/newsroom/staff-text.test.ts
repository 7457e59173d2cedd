import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { checkModerationSettings } from '../../modules/comments/comment-moderation.service.js';
import { importStaticPage } from '../../modules/pages/index.js';
import { importSeries } from '../../modules/series/index.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createNewsroomTestApp } from '../../testing/newsroom-client.js';
import { DECOMPOSED, REFUSED_TEXT } from '../../testing/refused-text.js';
import type { TestApp } from '../../testing/test-app.js';

/**
 * Every family of staff text (src/shared/text.ts): NUL, BEL, the C1 controls U+0085 and U+009B and a
 * lone surrogate are refused with a coded 400 and nothing is written; decomposed text is stored as
 * NFC. Forms are posted as JSON, the one encoding that can carry a lone surrogate (a urlencoded or
 * multipart form turns it into U+FFFD on the way).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PAGE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

describe('staff text fields: control characters and lone surrogates refused, NFC stored', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let adminId: string;
  before(async () => {
    let user;
    ({ t, cookie, csrf, user } = await createNewsroomTestApp('admin', '/newsroom'));
    adminId = user.id;
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  const postJson = (url: string, fields: Record<string, unknown>): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify({ _csrf: csrf, ...fields }),
      headers: { cookie, 'content-type': 'application/json' },
    });

  /** Posts `fields` with `bad` inside `field` for every refused character; each is a coded 400 that changes nothing. */
  async function refusesEverywhere(options: {
    url: string;
    fields: Record<string, unknown>;
    textFields: readonly string[];
    code: string;
    /** The form field the error links to, when not the posted name. */
    linkOf?: (field: string) => string;
    stored: () => Promise<unknown>;
  }): Promise<void> {
    const before = JSON.stringify(await options.stored());
    for (const field of options.textFields) {
      for (const bad of REFUSED_TEXT) {
        const label = `${field} with ${JSON.stringify(bad)}`;
        const response = await postJson(options.url, { ...options.fields, [field]: `Harbour ${bad}news` });
        assert.equal(response.statusCode, 400, label);
        assert.equal(response.headers['x-error-code'], options.code, label);
        assert.match(response.body, new RegExp(`<a href="#${options.linkOf?.(field) ?? field}">`), `${label}: the error links to its field`);
        // The refused form shows the text back, the bad character as U+FFFD: never raw on the page.
        assert.doesNotMatch(response.body, PAGE_CONTROLS, `${label}: no control character on the page`);
      }
    }
    assert.equal(JSON.stringify(await options.stored()), before, 'nothing was written');
  }

  it('stories: headline, standfirst, tags, SEO fields and the Markdown body', async () => {
    const section = await t.factories.section();
    const author = await t.factories.author();
    const fields = {
      headline: 'Harbour reopens',
      standfirst: 'Cranes return.',
      body: 'The port reopened.',
      sectionId: section.id,
      tags: 'ports, trade',
      authorIds: [author.id],
      typeLabel: 'News',
      seoTitle: 'Harbour',
      seoDescription: 'The port reopened.',
    };
    const created = await postJson('/newsroom/stories/new', fields);
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
    const stored = async () => ({ story: (await t.deps.reading.preview(id)).article, revisions: (await t.deps.revisions.listRevisions(id)).length });

    await refusesEverywhere({
      url: `/newsroom/stories/${id}/edit`,
      fields,
      textFields: ['headline', 'standfirst', 'tags', 'seoTitle', 'seoDescription', 'body'],
      code: 'ERR_STORY_INPUT_INVALID',
      stored,
    });
    // Line breaks and tabs belong in the body, never in a one-line field such as the headline.
    for (const inner of ['\r\n', '\n', '\t']) {
      const response = await postJson(`/newsroom/stories/${id}/edit`, { ...fields, headline: `Two${inner}lines` });
      assert.equal(response.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID', JSON.stringify(inner));
    }
    // A new story is refused the same way, and none is made.
    const stories = async () => (await t.deps.db.selectFrom('articles').select('id').execute()).length;
    const count = await stories();
    for (const bad of REFUSED_TEXT) {
      assert.equal((await postJson('/newsroom/stories/new', { ...fields, headline: `New${bad}` })).statusCode, 400);
      assert.equal((await postJson('/newsroom/stories/new', { ...fields, body: `New${bad}` })).statusCode, 400);
    }
    assert.equal(await stories(), count);
    // The live preview reads the same Markdown.
    const preview = await postJson('/newsroom/stories/preview-body', { body: 'A bell\u0007' });
    assert.equal(preview.statusCode, 400);

    const saved = await postJson(`/newsroom/stories/${id}/edit`, {
      ...fields,
      headline: DECOMPOSED.typed,
      body: `${DECOMPOSED.typed}\tand\r\nmore`,
      tags: `${DECOMPOSED.typed}, trade`,
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const { story } = await stored();
    assert.equal(story.headline, DECOMPOSED.stored);
    assert.deepEqual(story.body, [{ type: 'paragraph', content: [{ text: `${DECOMPOSED.stored}\tand more` }] }]);
    assert.ok(story.tags.some((tag) => tag.name === DECOMPOSED.stored));
  });

  it('authors: name, job title and bio (line breaks allowed in the bio only)', async () => {
    const author = await t.factories.author({ slug: 'ana-kim', name: 'Ana Kim', email: 'ana@news.example' });
    const fields = { name: 'Ana Kim', slug: 'ana-kim', email: 'ana@news.example', 'job-title': 'Reporter', bio: 'Covers ports.', photo: '' };
    await refusesEverywhere({
      url: `/newsroom/authors/${author.id}`,
      fields,
      textFields: ['name', 'job-title', 'bio'],
      code: 'ERR_TEXT_INVALID_CHARACTERS',
      stored: () => t.deps.authors.require(author.id),
    });
    const saved = await postJson(`/newsroom/authors/${author.id}`, { ...fields, name: DECOMPOSED.typed, bio: 'Line one\r\nLine two' });
    assert.equal(saved.statusCode, 303);
    const stored = await t.deps.authors.require(author.id);
    assert.equal(stored.name, DECOMPOSED.stored);
    assert.equal(stored.bio, 'Line one\nLine two');
  });

  it('sections: name and description', async () => {
    const section = await t.factories.section({ slug: 'harbour', name: 'Harbour' });
    const fields = { name: 'Harbour', slug: 'harbour', description: 'Ports.', 'in-navigation': 'yes' };
    await refusesEverywhere({
      url: `/newsroom/sections/${section.id}`,
      fields,
      textFields: ['name', 'description'],
      code: 'ERR_TEXT_INVALID_CHARACTERS',
      stored: () => t.deps.sectionAdmin.require(section.id),
    });
    const created = await postJson('/newsroom/sections/new', { ...fields, slug: 'nul', name: 'N\u0000L' });
    assert.equal(created.headers['x-error-code'], 'ERR_TEXT_INVALID_CHARACTERS');
    assert.ok(!(await t.deps.sectionAdmin.list()).some((candidate) => candidate.slug === 'nul'), 'no section was made');
    assert.equal((await postJson(`/newsroom/sections/${section.id}`, { ...fields, name: DECOMPOSED.typed })).statusCode, 303);
    assert.equal((await t.deps.sectionAdmin.require(section.id)).name, DECOMPOSED.stored);
  });

  it('tags: a rename', async () => {
    await t.factories.article({ tags: ['Shipping'] });
    const tag = (await t.deps.tags.listWithCounts()).find((candidate) => candidate.name === 'Shipping');
    assert.ok(tag);
    await refusesEverywhere({
      url: `/newsroom/tags/${tag.id}`,
      fields: {},
      textFields: ['name'],
      code: 'ERR_TEXT_INVALID_CHARACTERS',
      linkOf: () => `tag-${tag.id}`,
      stored: () => t.deps.tags.listWithCounts(),
    });
    assert.equal((await postJson(`/newsroom/tags/${tag.id}`, { name: DECOMPOSED.typed })).statusCode, 303);
    assert.ok((await t.deps.tags.listWithCounts()).some((candidate) => candidate.id === tag.id && candidate.name === DECOMPOSED.stored));
  });

  it('media: alt text, caption and credit, on upload and on edit', async () => {
    const id = await t.factories.media();
    const fields = { alt: 'A crane', caption: 'Cranes at dawn.', credit: 'Photo desk' };
    await refusesEverywhere({
      url: `/newsroom/media/${id}`,
      fields,
      textFields: ['alt', 'caption', 'credit'],
      code: 'ERR_TEXT_INVALID_CHARACTERS',
      stored: () => t.deps.media.get(id),
    });
    // An upload is refused before its file is read, so nothing reaches the library or the disk.
    const count = async () => (await t.deps.media.list({ limit: 100, offset: 0 })).length;
    const before = await count();
    for (const bad of ['\u0000', '\u0085']) {
      const form = new FormData();
      for (const [name, value] of Object.entries({ _csrf: csrf, ...fields, caption: `Cranes${bad}` })) form.append(name, value);
      form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'x.jpg');
      const request = new Request('https://news.example/', { method: 'POST', body: form });
      const response = await t.app.inject({
        method: 'POST',
        url: '/newsroom/media',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { cookie, 'content-type': request.headers.get('content-type') ?? '' },
      });
      assert.equal(response.headers['x-error-code'], 'ERR_TEXT_INVALID_CHARACTERS');
      assert.match(response.body, /<a href="#caption">/);
    }
    assert.equal(await count(), before);
    assert.equal((await postJson(`/newsroom/media/${id}`, { ...fields, credit: DECOMPOSED.typed })).statusCode, 303);
    assert.equal((await t.deps.media.get(id)).credit, DECOMPOSED.stored);
  });

  it('settings: name, tagline, description, language and copyright holder', async () => {
    const fields = {
      name: 'The Harbour Times',
      tagline: 'Tides and trade',
      description: 'News from the harbour.',
      language: 'en',
      'time-zone': 'UTC',
      'contact-email': 'desk@harbour.example',
      'copyright-holder': 'Harbour Media',
      'founded-year': '1965',
      'popular-now-hours': '3',
      'weekly-best-max-age-days': '7',
      logo: '',
      'feed-content': 'full',
    };
    assert.equal((await postJson('/newsroom/settings', fields)).statusCode, 303);
    await refusesEverywhere({
      url: '/newsroom/settings',
      fields,
      textFields: ['name', 'tagline', 'description', 'language', 'copyright-holder'],
      code: 'ERR_SETTINGS_INVALID',
      stored: async () => ({ publication: t.deps.settings.publication, stored: await t.deps.settings.readStored() }),
    });
    const saved = await postJson('/newsroom/settings', { ...fields, name: DECOMPOSED.typed, description: 'One\r\ntwo' });
    assert.equal(saved.statusCode, 303);
    assert.equal(t.deps.settings.publication.name, DECOMPOSED.stored);
    assert.equal(t.deps.settings.publication.description, 'One\ntwo');
  });

  it('everything else staff type: banner, correction, webhook and API key names, display names, blocklist, series, static pages', async () => {
    const actor = { id: adminId, role: 'admin' };
    const story = await t.factories.article({ status: 'published' });
    const webhookCount = async () => (await t.deps.webhooks.list()).length;
    const keyCount = async () => (await t.deps.apiKeys.list()).length;
    const before = { webhooks: await webhookCount(), keys: await keyCount(), users: (await t.deps.users.list()).length };
    const storyBefore = JSON.stringify((await t.deps.reading.preview(story.id)).article);
    const bannerBefore = t.deps.curation.activeBanner();
    for (const bad of REFUSED_TEXT) {
      const text = `Harbour ${bad}news`;
      await rejectsWithCode(t.deps.curation.setBanner({ text, link: '', endsAt: '2099-01-01T00:00' }, 'UTC', adminId), 'ERR_TEXT_INVALID_CHARACTERS');
      await rejectsWithCode(t.deps.editing.addCorrection(actor, story.id, 'correction', text), 'ERR_TEXT_INVALID_CHARACTERS');
      await rejectsWithCode(
        t.deps.webhooks.create({ name: text, url: 'https://hooks.example/x', events: ['story.published'] }, adminId),
        'ERR_TEXT_INVALID_CHARACTERS',
      );
      await rejectsWithCode(t.deps.apiKeys.create(text, adminId), 'ERR_TEXT_INVALID_CHARACTERS');
      await rejectsWithCode(
        t.deps.users.createUser({ email: 'new@news.example', displayName: text, role: 'reporter', password: 'a long enough password' }),
        'ERR_TEXT_INVALID_CHARACTERS',
      );
      assert.equal(checkModerationSettings({ commentsMode: 'open', commentBlocklist: `fine\n${text}` }).ok, false);
      await rejectsWithCode(importSeries(t.deps.db, { slug: 'bad-series', title: text, description: '' }, new Date()), 'ERR_TEXT_INVALID_CHARACTERS');
      await rejectsWithCode(
        importStaticPage(t.deps.db, { slug: 'about', title: text, body: [], updatedAt: new Date() }),
        'ERR_TEXT_INVALID_CHARACTERS',
      );
    }
    assert.equal(t.deps.curation.activeBanner(), bannerBefore);
    assert.equal(JSON.stringify((await t.deps.reading.preview(story.id)).article), storyBefore);
    assert.deepEqual(
      { webhooks: await webhookCount(), keys: await keyCount(), users: (await t.deps.users.list()).length },
      before,
      'nothing was written',
    );
    const banner = await t.deps.curation.setBanner({ text: DECOMPOSED.typed, link: '', endsAt: '2099-01-01T00:00' }, 'UTC', adminId);
    assert.equal(banner.text, DECOMPOSED.stored);
    const check = checkModerationSettings({ commentsMode: 'open', commentBlocklist: DECOMPOSED.typed });
    assert.deepEqual(check.ok && check.settings.commentBlocklist, [DECOMPOSED.stored]);
  });
});
