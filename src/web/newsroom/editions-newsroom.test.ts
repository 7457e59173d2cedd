import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Edition } from '../../modules/editions/index.js';
import type { Section } from '../../modules/sections/index.js';
import { createNewsroomTestApp, postForm, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** Sections and stories per edition in the newsroom (docs/editions.md), with a Korean edition beside the default one. */
describe('sections and stories per edition in the newsroom', () => {
  let t: TestApp;
  let admin: StaffSession;
  let editor: StaffSession;
  let korean: Edition;
  let english: Section;
  let authorId: string;

  before(async () => {
    ({ t, ...admin } = await createNewsroomTestApp('admin', '/newsroom/sections'));
    editor = await signInStaff(t, 'editor', '/newsroom/stories');
    korean = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' });
    english = await t.factories.section({ slug: 'asia', name: 'Asia' });
    authorId = (await t.factories.author({ name: 'Ana Kim' })).id;
  });
  after(() => t.close());

  const sectionForm = (overrides: Record<string, string> = {}) => ({
    _csrf: admin.csrf,
    name: '아시아',
    slug: 'asia',
    description: '',
    'in-navigation': 'yes',
    ...overrides,
  });

  const storyForm = (overrides: Record<string, string>): string =>
    new URLSearchParams({
      _csrf: editor.csrf,
      headline: 'Harbour reopens',
      body: 'The port reopened.',
      typeLabel: 'News',
      authorIds: authorId,
      ...overrides,
    }).toString();

  const postStory = (url: string, overrides: Record<string, string>): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      payload: storyForm(overrides),
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });

  const createdId = (response: LightMyRequestResponse): string => {
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(response.headers.location))?.[1];
    assert.ok(id);
    return id;
  };

  const editionOf = async (id: string) =>
    (await t.deps.db.selectFrom('articles').select('edition_id').where('id', '=', id).executeTakeFirstOrThrow()).edition_id;

  async function koreanSection(slug: string): Promise<Section> {
    const found = (await t.deps.sectionAdmin.list()).find((section) => section.editionId === korean.id && section.slug === slug);
    return found ?? t.factories.section({ slug, name: `한국 ${slug}`, editionId: korean.id });
  }

  it('creates a section in the Korean edition with a slug the default edition uses too, and lists each section’s edition', async () => {
    const form = await t.app.inject({ url: '/newsroom/sections/new', headers: { cookie: admin.cookie } });
    assert.match(form.body, /<select id="edition" name="edition"/);
    const created = await postForm(t.app, '/newsroom/sections/new', sectionForm({ edition: korean.id }), { cookie: admin.cookie });
    assert.equal(created.statusCode, 303);
    const sections = (await t.deps.sectionAdmin.list()).filter((section) => section.slug === 'asia');
    assert.deepEqual(sections.map((section) => section.editionId).sort(), [english.editionId, korean.id].sort());
    // Unique within an edition still.
    const again = await postForm(t.app, '/newsroom/sections/new', sectionForm({ edition: korean.id }), { cookie: admin.cookie });
    assert.equal(again.headers['x-error-code'], 'ERR_SECTION_SLUG_TAKEN');
    const list = await t.app.inject({ url: '/newsroom/sections', headers: { cookie: admin.cookie } });
    assert.match(list.body, /<th[^>]*>Edition<\/th>/);
    assert.match(list.body, /<code>\/ko\/section\/asia<\/code>/);
    assert.match(list.body, /<code>\/section\/asia<\/code>/);
    // The reading site, which serves the default edition until routing by prefix lands, keeps its own.
    assert.equal(t.deps.sections.bySlug('asia')?.id, english.id);
    assert.ok(!t.deps.sections.navigation.some((section) => section.editionId === korean.id));
  });

  it('refuses an unknown edition, and a section with stories moving to another edition, nothing written', async () => {
    const before = await t.deps.sectionAdmin.list();
    const unknown = await postForm(t.app, '/newsroom/sections/new', sectionForm({ slug: 'nowhere', edition: 'no-such-edition' }), {
      cookie: admin.cookie,
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.headers['x-error-code'], 'ERR_SECTION_EDITION_INVALID');
    assert.match(unknown.body, /<a href="#edition">/);
    await t.factories.article({ section: english });
    const fields = sectionForm({ name: english.name, slug: english.slug, edition: korean.id });
    const moved = await postForm(t.app, `/newsroom/sections/${english.id}`, fields, { cookie: admin.cookie });
    assert.equal(moved.statusCode, 409);
    assert.equal(moved.headers['x-error-code'], 'ERR_SECTION_EDITION_IN_USE');
    assert.deepEqual(await t.deps.sectionAdmin.list(), before);
  });

  it('moves a section within its own edition’s order, leaving the other edition’s as it was', async () => {
    const first = await koreanSection('segye');
    const second = await koreanSection('gyeongje');
    const order = async (editionId: string) =>
      (await t.deps.sectionAdmin.list()).filter((section) => section.editionId === editionId).map((section) => section.id);
    const defaultOrder = await order(english.editionId);
    const koreanOrder = await order(korean.id);
    assert.ok(koreanOrder.indexOf(second.id) > koreanOrder.indexOf(first.id));
    const moved = await postForm(t.app, `/newsroom/sections/${second.id}/move`, { _csrf: admin.csrf, direction: 'up' }, { cookie: admin.cookie });
    assert.equal(moved.statusCode, 303);
    const after = await order(korean.id);
    assert.equal(after.indexOf(second.id), koreanOrder.indexOf(second.id) - 1);
    assert.deepEqual(await order(english.editionId), defaultOrder);
  });

  it('writes a story in the Korean edition, offering only that edition’s sections', async () => {
    const section = await koreanSection('asia');
    const form = await t.app.inject({ url: `/newsroom/stories/new?edition=${korean.id}`, headers: { cookie: editor.cookie } });
    assert.match(form.body, /<select id="editionId" name="editionId"/);
    assert.match(form.body, new RegExp(`<option value="${section.id}"`));
    assert.doesNotMatch(form.body, new RegExp(`<option value="${english.id}"`), 'the default edition’s sections are not offered');
    const id = createdId(await postStory('/newsroom/stories/new', { editionId: korean.id, sectionId: section.id }));
    assert.equal(await editionOf(id), korean.id);
    const { article } = await t.deps.reading.preview(id);
    assert.equal(article.editionId, korean.id);
    assert.equal(article.section.editionId, korean.id);
    // Without an edition, a new story is the default edition's.
    const plain = createdId(await postStory('/newsroom/stories/new', { sectionId: english.id }));
    assert.equal(await editionOf(plain), english.editionId);
  });

  it('refuses a section of another edition, on create and on save, with its code and nothing written', async () => {
    const section = await koreanSection('asia');
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await postStory('/newsroom/stories/new', { editionId: korean.id, sectionId: english.id });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_SECTION_EDITION');
    assert.match(refused.body, /<a href="#sectionId">/);
    assert.match(refused.body, new RegExp(`<option value="${section.id}"`), 'the form comes back with the Korean sections');
    const unknown = await postStory('/newsroom/stories/new', { editionId: 'no-such-edition', sectionId: english.id });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
    assert.equal(await count(), before);

    const id = createdId(await postStory('/newsroom/stories/new', { sectionId: english.id }));
    // Moving it to the Korean edition while keeping an English section: refused, the story unchanged.
    const moved = await postStory(`/newsroom/stories/${id}/edit`, { editionId: korean.id, sectionId: english.id, headline: 'Changed' });
    assert.equal(moved.statusCode, 400);
    assert.equal(moved.headers['x-error-code'], 'ERR_STORY_SECTION_EDITION');
    assert.equal(await editionOf(id), english.editionId);
    assert.equal((await t.deps.reading.preview(id)).article.headline, 'Harbour reopens');
    // With a Korean section it moves.
    assert.equal((await postStory(`/newsroom/stories/${id}/edit`, { editionId: korean.id, sectionId: section.id })).statusCode, 303);
    assert.equal(await editionOf(id), korean.id);
  });

  it('refuses moving a published story into an edition its translation group already has (409, never a 500)', async () => {
    const section = await koreanSection('asia');
    const original = createdId(await postStory('/newsroom/stories/new', { editionId: korean.id, sectionId: section.id }));
    const other = createdId(await postStory('/newsroom/stories/new', { sectionId: english.id }));
    await t.deps.db.updateTable('articles').set({ translation_group_id: 'group-1' }).where('id', 'in', [original, other]).execute();
    await t.deps.editing.publish({ id: editor.user.id, role: 'editor' }, other);
    const refused = await postStory(`/newsroom/stories/${other}/edit`, { editionId: korean.id, sectionId: section.id });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_TRANSLATION_TAKEN');
    assert.match(refused.body, /<a href="#editionId">/);
    assert.equal(await editionOf(other), english.editionId);
    // The same refusal when the check is raced past: the database's index answers, turned into the code.
    await assert.rejects(t.deps.db.updateTable('articles').set({ edition_id: korean.id }).where('id', '=', other).execute(), (error: Error) =>
      /articles_translation_idx|articles\.translation_group_id/.test(error.message),
    );
  });

  it('filters the story list by edition, with an edition column, and refuses an unknown edition', async () => {
    const section = await koreanSection('asia');
    createdId(await postStory('/newsroom/stories/new', { editionId: korean.id, sectionId: section.id, headline: '서울 지하철 연장' }));
    const list = await t.app.inject({ url: '/newsroom/stories?edition=ko', headers: { cookie: editor.cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<select id="edition" name="edition"/);
    assert.match(list.body, /<th[^>]*>Edition<\/th>/);
    assert.match(list.body, /서울 지하철 연장/);
    assert.ok(!list.body.includes(`<td>${t.deps.editions.defaultEdition.code}</td>`), 'only the Korean edition’s stories');
    const englishOnly = await t.app.inject({
      url: `/newsroom/stories?edition=${t.deps.editions.defaultEdition.code}`,
      headers: { cookie: editor.cookie },
    });
    assert.doesNotMatch(englishOnly.body, /서울 지하철 연장/);
    const bySection = await t.app.inject({ url: '/newsroom/stories?section=ko:asia', headers: { cookie: editor.cookie } });
    assert.match(bySection.body, /서울 지하철 연장/);
    const mismatched = await t.app.inject({
      url: `/newsroom/stories?edition=${t.deps.editions.defaultEdition.code}&section=ko:asia`,
      headers: { cookie: editor.cookie },
    });
    assert.equal(mismatched.statusCode, 400);
    assert.equal(mismatched.headers['x-error-code'], 'ERR_STORY_FILTER_INVALID');
    const unknown = await t.app.inject({ url: '/newsroom/stories?edition=xx', headers: { cookie: editor.cookie } });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.headers['x-error-code'], 'ERR_STORY_FILTER_INVALID');
  });
});
