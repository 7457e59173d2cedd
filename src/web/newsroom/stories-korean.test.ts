import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ArticleInputError } from '../../modules/articles/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { createNewsroomTestApp, postForm, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';
import { fieldErrorsOf } from './story-form.js';

/** The story pages for a staff member whose newsroom language is Korean (docs/i18n.md). */
describe('the newsroom story pages in Korean', () => {
  let t: TestApp;
  let editor: StaffSession;
  let korean: Edition;
  let draftId: string;
  let publishedId: string;
  let sectionId: string;
  let authorId: string;

  /** The test's own content, which stays as written: names, headlines, texts, and key and code names. */
  const FIXTURES = [
    'Kim Editor',
    'Mina Park',
    'Harbour news',
    'Harbour reopens after the storm',
    'Ferries run again from Monday.',
    'The port reopened at dawn.',
    // The longer first: each is taken out of the text in turn.
    'Cranes return to the quay, again',
    'Cranes return to the quay',
    'Cranes are back.',
    'The first ship docked at noon.',
    'Dateline',
    'Asia/Seoul',
    'UTC',
    '[[figure:ID]]',
    'Ctrl',
    'Cmd',
    'YYYY-MM-DD',
  ];
  const get = async (url: string) => {
    const response = await t.app.inject({ url, headers: { cookie: editor.cookie } });
    assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
    assert.match(response.body, /<html lang="ko"/);
    return response.body;
  };
  const storyForm = (fields: Record<string, string>) => ({
    _csrf: editor.csrf,
    headline: 'Cranes return to the quay',
    standfirst: 'Cranes are back.',
    body: 'The first ship docked at noon.',
    sectionId,
    typeLabel: 'Analysis',
    authorIds: authorId,
    ...fields,
  });

  before(async () => {
    ({ t, ...editor } = await createNewsroomTestApp('editor', '/newsroom/stories', { displayName: 'Kim Editor' }));
    await t.deps.users.setLanguage(editor.user.id, 'ko');
    korean = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' });
    await t.factories.section({ slug: 'asia', name: '아시아', editionId: korean.id });
    const section = await t.factories.section({ slug: 'harbour', name: 'Harbour news' });
    sectionId = section.id;
    authorId = (await t.factories.author({ name: 'Mina Park' })).id;
    publishedId = (
      await t.factories.article({
        headline: 'Harbour reopens after the storm',
        standfirst: 'Ferries run again from Monday.',
        body: [{ type: 'paragraph', content: [{ text: 'The port reopened at dawn.' }] }],
        section,
        authorIds: [authorId],
      })
    ).id;
    // A draft written in the newsroom and saved once more: two revisions to list and compare.
    const created = await postForm(t.app, '/newsroom/stories/new', storyForm({}), { cookie: editor.cookie });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    draftId = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
    const saved = await postForm(t.app, `/newsroom/stories/${draftId}/edit`, storyForm({ headline: 'Cranes return to the quay, again' }), {
      cookie: editor.cookie,
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  });
  after(() => t.close());

  it('lists the stories with Korean filters, statuses and columns', async () => {
    const body = await get('/newsroom/stories');
    assert.match(body, /Harbour reopens after the storm/);
    assert.match(body, />초안</);
    assert.deepEqual(untranslatedText(body, FIXTURES), []);
  });

  it('shows a draft’s and a published story’s editor, with the notice after a save, in Korean', async () => {
    for (const url of [`/newsroom/stories/${draftId}/edit?done=saved`, `/newsroom/stories/${publishedId}/edit`, '/newsroom/stories/new']) {
      assert.deepEqual(untranslatedText(await get(url), FIXTURES), [], url);
    }
  });

  it('shows revisions, their comparison and the delete confirmation in Korean', async () => {
    const revisions = await get(`/newsroom/stories/${draftId}/revisions`);
    assert.match(revisions, /Cranes return to the quay, again/);
    assert.deepEqual(untranslatedText(revisions, FIXTURES), []);
    assert.deepEqual(untranslatedText(await get(`/newsroom/stories/${draftId}/revisions/1/diff/2`), FIXTURES), []);
    assert.deepEqual(untranslatedText(await get(`/newsroom/stories/${draftId}/delete`), FIXTURES), []);
  });

  it('opens a translation draft with its source beside it, in Korean', async () => {
    const made = await postForm(
      t.app,
      `/newsroom/stories/${publishedId}/translate`,
      { _csrf: editor.csrf, edition: korean.id },
      { cookie: editor.cookie },
    );
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const body = await get(String(made.headers.location));
    assert.match(body, /class="story-source"/);
    assert.deepEqual(untranslatedText(body, FIXTURES), []);
  });

  it('refuses a save without a headline with the problem in Korean', async () => {
    const refused = await postForm(t.app, `/newsroom/stories/${draftId}/edit`, storyForm({ headline: '' }), { cookie: editor.cookie });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
    assert.match(refused.body, /href="#headline"/);
    assert.doesNotMatch(refused.body, /Write a headline/);
    assert.deepEqual(untranslatedText(refused.body, FIXTURES), []);
  });

  it('refuses a bad list filter with the problem in Korean', async () => {
    const refused = await t.app.inject({ url: '/newsroom/stories?status=lost&from=someday', headers: { cookie: editor.cookie } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_STORY_FILTER_INVALID');
    assert.deepEqual(untranslatedText(refused.body, [...FIXTURES, 'lost', 'someday']), []);
  });

  it('words the editing service’s sentences in Korean, with their numbers, field names and types', () => {
    const error = new ArticleInputError([
      {
        field: 'seoTitle',
        message: 'The SEO title contains characters we cannot store (control characters, line breaks or tabs). Please retype it.',
      },
      { field: 'tags', message: 'Give at most 20 tags, separated by commas, each of up to 100 characters with at least one letter or digit.' },
      { field: 'typeLabel', message: 'Choose a type: News, Analysis, Opinion, Editorial, Feature, Interview, Explainer.' },
      { field: 'body', message: 'A sentence the catalogue does not know.' },
    ]);
    const korean = fieldErrorsOf(error, translatorFor('ko'))?.map((each) => each.message) ?? [];
    assert.match(korean[0] ?? '', /^검색용 제목에 /);
    assert.match(korean[1] ?? '', /20개/);
    assert.doesNotMatch(korean[2] ?? '', /[A-Za-z]/);
    assert.equal(korean[3], 'A sentence the catalogue does not know.', 'an unknown sentence is shown as the service wrote it');
    assert.deepEqual(
      fieldErrorsOf(error, translatorFor('en'))?.map((each) => each.message),
      error.issues.map((issue) => issue.message),
    );
  });
});
