import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Edition } from '../../modules/editions/index.js';
import type { Section } from '../../modules/sections/index.js';
import { createNewsroomTestApp, postForm, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** Translating a story into another edition, its source beside it, and the outdated flag (docs/editions.md). */
describe('translating a story', () => {
  let t: TestApp;
  let editor: StaffSession;
  let korean: Edition;
  let japanese: Edition;
  let koreanSection: Section;

  before(async () => {
    ({ t, ...editor } = await createNewsroomTestApp('editor', '/newsroom/stories'));
    korean = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' });
    japanese = await t.deps.editions.create({ code: 'ja', pathPrefix: 'ja', name: 'デイトライン', tagline: '', timeZone: 'Asia/Tokyo' });
    await t.deps.editions.setEnabled(japanese.id, false);
    koreanSection = await t.factories.section({ slug: 'asia', name: '아시아', editionId: korean.id });
  });
  after(() => t.close());

  const actor = () => ({ id: editor.user.id, role: editor.user.role });
  const translate = (id: string, edition: string, session: StaffSession = editor) =>
    postForm(t.app, `/newsroom/stories/${id}/translate`, { _csrf: session.csrf, edition }, { cookie: session.cookie });
  const editorPage = async (id: string) => (await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: editor.cookie } })).body;
  const row = (id: string) =>
    t.deps.db
      .selectFrom('articles')
      .select(['headline', 'standfirst', 'body', 'status', 'edition_id', 'section_id', 'translation_group_id', 'translated_from_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const authorsOf = async (id: string) =>
    (await t.deps.db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute()).map(
      (author) => author.author_id,
    );
  const storyCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const source = () =>
    t.factories.article({
      headline: 'Harbour reopens after the storm',
      standfirst: 'Ferries run again from Monday.',
      body: [
        { type: 'paragraph', content: [{ text: 'The port reopened at dawn.' }] },
        { type: 'heading', text: 'What changes' },
      ],
    });
  const translatedId = (response: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = /\/newsroom\/stories\/([^/]+)\/edit\?done=translated/.exec(String(response.headers.location))?.[1];
    assert.ok(id);
    return id;
  };

  it('offers the switched-on editions, and makes a linked draft in the other edition from the source’s text', async () => {
    const english = await source();
    const page = await editorPage(english.id);
    assert.match(page, new RegExp(`action="/newsroom/stories/${english.id}/translate"`));
    assert.match(page, new RegExp(`name="edition" value="${korean.id}"`));
    assert.doesNotMatch(page, new RegExp(`name="edition" value="${japanese.id}"`), 'a switched-off edition is not offered');
    const response = await translate(english.id, korean.id);
    const id = translatedId(response);
    const opened = await t.app.inject({ url: String(response.headers.location), headers: { cookie: editor.cookie } });
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /Translation draft created/);
    const [made, original] = await Promise.all([row(id), row(english.id)]);
    assert.equal(made.status, 'draft');
    assert.equal(made.edition_id, korean.id);
    assert.equal(made.section_id, koreanSection.id);
    assert.equal(made.headline, original.headline);
    assert.equal(made.standfirst, original.standfirst);
    assert.deepEqual(JSON.parse(made.body), JSON.parse(original.body));
    assert.deepEqual(await authorsOf(id), english.authorIds);
    assert.ok(original.translation_group_id, 'the source is given a group');
    assert.equal(made.translation_group_id, original.translation_group_id);
    assert.equal(made.translated_from_id, english.id);
    // The group has a Korean story now: the source no longer offers Korean.
    assert.doesNotMatch(await editorPage(english.id), new RegExp(`name="edition" value="${korean.id}"`));
  });

  it('refuses its own edition, a taken edition, an unknown or switched-off one, and a story it may not open, writing nothing', async () => {
    const english = await source();
    const fresh = await source();
    const count = await storyCount();
    const refusals: Array<[string, string, number, string]> = [
      [fresh.id, fresh.section.editionId, 400, 'ERR_TRANSLATION_SAME_EDITION'],
      [fresh.id, 'no-such-edition', 404, 'ERR_EDITION_NOT_FOUND'],
      [fresh.id, japanese.id, 400, 'ERR_TRANSLATION_EDITION_OFF'],
      ['no-such-story', korean.id, 404, 'ERR_ARTICLE_NOT_FOUND'],
    ];
    for (const [id, edition, status, code] of refusals) {
      const refused = await translate(id, edition);
      assert.equal(refused.statusCode, status, code);
      assert.equal(refused.headers['x-error-code'], code);
    }
    assert.equal(await storyCount(), count);
    assert.equal((await row(fresh.id)).translation_group_id, null, 'a refused translation gives the source no group');
    translatedId(await translate(english.id, korean.id));
    const group = (await row(english.id)).translation_group_id;
    const taken = await translate(english.id, korean.id);
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.headers['x-error-code'], 'ERR_STORY_TRANSLATION_TAKEN');
    assert.equal(await storyCount(), count + 1);
    assert.equal((await row(english.id)).translation_group_id, group);
    // A contributor may not copy a story they cannot open.
    const contributor = await signInStaff(t, 'contributor', '/newsroom/stories');
    const forbidden = await translate(fresh.id, korean.id, contributor);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.headers['x-error-code'], 'ERR_STORY_FORBIDDEN');
    assert.equal(await storyCount(), count + 1);
  });

  it('shows the source beside the translation, read-only and in its language', async () => {
    const english = await source();
    const id = translatedId(await translate(english.id, korean.id));
    const page = await editorPage(id);
    const panel = /<aside class="story-source"[\s\S]*?<\/aside>/.exec(page)?.[0] ?? '';
    assert.match(panel, /<div class="story-source-text" lang="en">/);
    assert.match(panel, /Harbour reopens after the storm/);
    assert.match(panel, /Ferries run again from Monday\./);
    assert.match(panel, /The port reopened at dawn\./);
    assert.match(panel, /What changes/);
    assert.doesNotMatch(panel, /<(input|textarea|form)\b/, 'read-only');
    assert.doesNotMatch(await editorPage(english.id), /class="story-source"/, 'a source has no source beside it');
  });

  it('flags a published translation outdated when its source is saved, and clears it when the translation is saved again', async () => {
    const english = await source();
    const id = translatedId(await translate(english.id, korean.id));
    const outdated = /Outdated: the source changed/;
    const inList = async () =>
      (await t.app.inject({ url: `/newsroom/stories?edition=ko`, headers: { cookie: editor.cookie } })).body.includes(`Outdated translation`);
    const input = async (storyId: string, headline: string) => {
      const stored = await row(storyId);
      return {
        headline,
        standfirst: stored.standfirst,
        body: JSON.parse(stored.body) as unknown,
        sectionId: stored.section_id,
        authorIds: english.authorIds,
        typeLabel: 'News',
      };
    };
    // A draft's source may change freely: the translator works from the panel.
    await t.deps.editing.save(actor(), english.id, await input(english.id, 'Harbour reopens after the long storm'));
    assert.doesNotMatch(await editorPage(id), outdated);
    assert.equal((await postForm(t.app, `/newsroom/stories/${id}/publish`, { _csrf: editor.csrf }, { cookie: editor.cookie })).statusCode, 303);
    assert.doesNotMatch(await editorPage(id), outdated, 'published against the source as it stands');
    assert.equal(await inList(), false);
    await t.deps.editing.save(actor(), english.id, await input(english.id, 'Harbour reopens after a week'));
    assert.match(await editorPage(id), outdated);
    assert.equal(await inList(), true);
    await t.deps.editing.save(actor(), id, await input(id, '폭풍 뒤 항구 다시 열려'));
    assert.doesNotMatch(await editorPage(id), outdated);
    assert.equal(await inList(), false);
  });

  it('refreshes the cached page of the source once its translation is published, to link it', async () => {
    const english = await source();
    const id = translatedId(await translate(english.id, korean.id));
    const englishPage = async () => (await t.app.inject(`/article/${english.slug}`)).body;
    const linked = /<a href="\/ko\/article\/[^"]+" hreflang="ko" lang="ko">/;
    assert.doesNotMatch(await englishPage(), linked, 'a draft translation is not linked');
    assert.equal((await postForm(t.app, `/newsroom/stories/${id}/publish`, { _csrf: editor.csrf }, { cookie: editor.cookie })).statusCode, 303);
    assert.match(await englishPage(), linked);
  });
});
