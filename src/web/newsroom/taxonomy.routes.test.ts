import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('managing sections in the newsroom', () => {
  let t: TestApp;
  let cookie: string;
  let _csrf: string;
  before(async () => {
    ({ t, cookie, csrf: _csrf } = await createNewsroomTestApp('admin', '/newsroom/sections'));
  });
  after(() => t.close());

  const sectionCount = async () => (await t.deps.sectionAdmin.list()).length;
  const fields = (overrides: Record<string, string> = {}) => ({
    _csrf,
    name: 'Science',
    slug: 'science',
    description: 'Discoveries.',
    'in-navigation': 'yes',
    ...overrides,
  });

  it('creates a section that appears in the navigation on / at once, and audits it', async () => {
    await t.factories.article({ status: 'published' });
    const before = await t.app.inject('/');
    assert.doesNotMatch(before.body, /href="\/section\/science"/);
    const response = await postForm(t.app, '/newsroom/sections/new', fields(), { cookie });
    assert.equal(response.statusCode, 303);
    const after = await t.app.inject('/');
    assert.match(after.body, /<a href="\/section\/science">Science<\/a>/);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'section.created' });
    assert.deepEqual(entry?.details, { slug: 'science' });
    const list = await t.app.inject({ url: '/newsroom/sections', headers: { cookie } });
    assert.match(list.body, /Science/);
  });

  it('refuses a duplicate or invalid slug, or an empty name, with the error linked to its field and nothing written', async () => {
    const before = await sectionCount();
    for (const [overrides, code, field] of [
      [{ slug: 'science' }, 'ERR_SECTION_SLUG_TAKEN', 'slug'],
      [{ slug: 'Not A Slug!' }, 'ERR_SLUG_INVALID', 'slug'],
      [{ slug: '' }, 'ERR_SLUG_INVALID', 'slug'],
      [{ slug: 'fine-slug', name: '   ' }, 'ERR_SECTION_NAME_INVALID', 'name'],
    ] as const) {
      const response = await postForm(t.app, '/newsroom/sections/new', fields(overrides), { cookie });
      assert.equal(response.headers['x-error-code'], code);
      assert.ok(response.statusCode === 400 || response.statusCode === 409);
      assert.match(response.body, new RegExp(`<a href="#${field}">`));
      assert.match(response.body, /aria-invalid="true"/);
    }
    assert.equal(await sectionCount(), before);
  });

  it('edits name, slug, description and navigation; a taken slug is refused on edit too', async () => {
    const section = await t.factories.section({ slug: 'old-slug', name: 'Old name' });
    await t.factories.section({ slug: 'other-slug' });
    const taken = await postForm(t.app, `/newsroom/sections/${section.id}`, fields({ name: 'New name', slug: 'other-slug' }), { cookie });
    assert.equal(taken.headers['x-error-code'], 'ERR_SECTION_SLUG_TAKEN');
    assert.equal((await t.deps.sectionAdmin.require(section.id)).slug, 'old-slug');
    const { 'in-navigation': _omitted, ...withoutNavigation } = fields({ name: 'New name', slug: 'new-slug', description: 'Now described.' });
    const saved = await postForm(t.app, `/newsroom/sections/${section.id}`, withoutNavigation, { cookie });
    assert.equal(saved.statusCode, 303);
    const stored = await t.deps.sectionAdmin.require(section.id);
    assert.deepEqual(
      { ...stored, id: '', position: 0 },
      {
        id: '',
        position: 0,
        name: 'New name',
        slug: 'new-slug',
        description: 'Now described.',
        inNavigation: false,
        editionId: t.deps.editions.defaultEdition.id,
      },
    );
    assert.doesNotMatch((await t.app.inject('/')).body, /href="\/section\/new-slug"/, 'out of the navigation at once');
    const page = await t.app.inject({ url: `/newsroom/sections/${section.id}?saved`, headers: { cookie } });
    assert.match(page.body, /role="status"/);
  });

  it('moves a section up and down in the navigation order', async () => {
    const order = async () => (await t.deps.sectionAdmin.list()).map((section) => section.slug);
    const initial = await order();
    const last = initial[initial.length - 1] ?? '';
    const lastId = (await t.deps.sectionAdmin.list()).find((section) => section.slug === last)?.id ?? '';
    assert.equal((await postForm(t.app, `/newsroom/sections/${lastId}/move`, { _csrf, direction: 'up' }, { cookie })).statusCode, 303);
    const moved = await order();
    assert.equal(moved[moved.length - 2], last);
    await postForm(t.app, `/newsroom/sections/${lastId}/move`, { _csrf, direction: 'down' }, { cookie });
    assert.deepEqual(await order(), initial);
    const bad = await postForm(t.app, `/newsroom/sections/${lastId}/move`, { _csrf, direction: 'sideways' }, { cookie });
    assert.equal(bad.statusCode, 400);
  });

  it('answers an unknown section with 404', async () => {
    const response = await t.app.inject({ url: '/newsroom/sections/no-such-section', headers: { cookie } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['x-error-code'], 'ERR_SECTION_NOT_FOUND');
  });

  it('refuses every section route to non-admins with 403 and changes nothing', async () => {
    const section = await t.factories.section({ slug: 'guarded', name: 'Guarded' });
    const before = await t.deps.sectionAdmin.list();
    for (const role of ['contributor', 'reporter', 'editor'] as const) {
      const { cookie: staffCookie, csrf: token } = await signInStaff(t, role);
      for (const url of ['/newsroom/sections', '/newsroom/sections/new', `/newsroom/sections/${section.id}`]) {
        const response = await t.app.inject({ url, headers: { cookie: staffCookie } });
        assert.equal(response.statusCode, 403, `${role} GET ${url}`);
      }
      for (const [url, form] of [
        ['/newsroom/sections/new', fields({ _csrf: token, slug: 'sneaky' })],
        [`/newsroom/sections/${section.id}`, fields({ _csrf: token, slug: 'renamed' })],
        [`/newsroom/sections/${section.id}/move`, { _csrf: token, direction: 'up' }],
      ] as const) {
        const response = await postForm(t.app, url, form, { cookie: staffCookie });
        assert.equal(response.statusCode, 403, `${role} POST ${url}`);
        assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
      }
    }
    assert.deepEqual(await t.deps.sectionAdmin.list(), before);
  });
});

describe('managing authors and tags in the newsroom', () => {
  let t: TestApp;
  let cookie: string;
  let _csrf: string;
  before(async () => {
    ({ t, cookie, csrf: _csrf } = await createNewsroomTestApp('admin', '/newsroom/authors'));
  });
  after(() => t.close());

  const authorFields = (overrides: Record<string, string> = {}) => ({
    _csrf,
    name: 'Min-ji Park',
    slug: 'min-ji-park',
    email: 'minji@news.example',
    'job-title': 'Seoul correspondent',
    bio: 'Covers the city.',
    photo: '',
    ...overrides,
  });

  it('creates and edits an author with a photo from the media library; bad input is refused and nothing written', async () => {
    const created = await postForm(t.app, '/newsroom/authors/new', authorFields(), { cookie });
    assert.equal(created.statusCode, 303);
    const authorId = /\/newsroom\/authors\/([^/?]+)\?saved/.exec(String(created.headers.location))?.[1] ?? '';
    const before = await t.deps.authors.list();
    for (const [overrides, code, field] of [
      [{ slug: 'min-ji-park' }, 'ERR_AUTHOR_SLUG_TAKEN', 'slug'],
      [{ slug: 'Bad Slug' }, 'ERR_SLUG_INVALID', 'slug'],
      [{ email: 'nope' }, 'ERR_EMAIL_INVALID', 'email'],
      [{ name: '' }, 'ERR_AUTHOR_NAME_INVALID', 'name'],
      [{ photo: 'no-such-image' }, 'ERR_MEDIA_NOT_FOUND', 'photo'],
    ] as const) {
      const response = await postForm(t.app, '/newsroom/authors/new', authorFields({ ...{ slug: 'another' }, ...overrides }), { cookie });
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, new RegExp(`<a href="#${field}">`));
    }
    assert.deepEqual(await t.deps.authors.list(), before);
    const photo = await t.factories.media({ alt: 'Portrait of Min-ji Park' });
    const edited = await postForm(t.app, `/newsroom/authors/${authorId}`, authorFields({ 'job-title': 'Editor at large', photo }), { cookie });
    assert.equal(edited.statusCode, 303);
    const author = await t.deps.authors.require(authorId);
    assert.equal(author.jobTitle, 'Editor at large');
    assert.equal(author.photo?.id, photo);
  });

  it('links a staff account to an author profile, one account per author', async () => {
    const author = await t.factories.author({ name: 'Linked Author' });
    const first = await t.factories.staff({ role: 'reporter' });
    const second = await t.factories.staff({ role: 'reporter' });
    await postForm(t.app, `/newsroom/authors/${author.id}/account`, { _csrf, 'user-id': first.user.id }, { cookie });
    assert.equal((await t.deps.users.find(first.user.id))?.authorId, author.id);
    await postForm(t.app, `/newsroom/authors/${author.id}/account`, { _csrf, 'user-id': second.user.id }, { cookie });
    assert.equal((await t.deps.users.find(first.user.id))?.authorId, null);
    assert.equal((await t.deps.users.find(second.user.id))?.authorId, author.id);
    const list = await t.app.inject({ url: '/newsroom/authors', headers: { cookie } });
    assert.match(list.body, new RegExp(`Linked Author[\\s\\S]*?<td>${second.user.displayName}</td>`));
  });

  it('lists tags with story counts and renames one, keeping its slug', async () => {
    await t.factories.article({ status: 'published', tags: ['Harbour'] });
    await t.factories.article({ status: 'draft', tags: ['Harbour', 'Ferries'] });
    const tag = (await t.deps.tags.listWithCounts()).find((candidate) => candidate.slug === 'harbour');
    assert.ok(tag);
    assert.equal(tag.storyCount, 2);
    const page = await t.app.inject({ url: '/newsroom/tags', headers: { cookie } });
    assert.match(page.body, new RegExp(`<th scope="row">${tag.name}</th><td>${tag.storyCount}</td>`));
    const bad = await postForm(t.app, `/newsroom/tags/${tag.id}`, { _csrf, name: '  ' }, { cookie });
    assert.equal(bad.headers['x-error-code'], 'ERR_TAG_NAME_INVALID');
    assert.match(bad.body, new RegExp(`<a href="#tag-${tag.id}">`));
    assert.equal((await postForm(t.app, `/newsroom/tags/${tag.id}`, { _csrf, name: 'Harbour news' }, { cookie })).statusCode, 303);
    const renamed = (await t.deps.tags.listWithCounts()).find((candidate) => candidate.id === tag.id);
    assert.equal(renamed?.name, 'Harbour news');
    assert.equal(renamed?.slug, tag.slug);
  });

  it('refuses author and tag routes to non-admins with 403 and changes nothing', async () => {
    const author = await t.factories.author();
    const before = await t.deps.authors.list();
    const { user, cookie: staffCookie, csrf: token } = await signInStaff(t, 'editor');
    for (const url of ['/newsroom/authors', '/newsroom/authors/new', `/newsroom/authors/${author.id}`, '/newsroom/tags']) {
      assert.equal((await t.app.inject({ url, headers: { cookie: staffCookie } })).statusCode, 403, url);
    }
    for (const [url, form] of [
      ['/newsroom/authors/new', authorFields({ _csrf: token, slug: 'sneaky' })],
      [`/newsroom/authors/${author.id}`, authorFields({ _csrf: token, slug: 'sneaky' })],
      [`/newsroom/authors/${author.id}/account`, { _csrf: token, 'user-id': user.id }],
      ['/newsroom/tags/any-tag', { _csrf: token, name: 'Sneaky' }],
    ] as const) {
      const response = await postForm(t.app, url, form, { cookie: staffCookie });
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    }
    assert.deepEqual(await t.deps.authors.list(), before);
    assert.equal((await t.deps.users.find(user.id))?.authorId, null);
  });
});
