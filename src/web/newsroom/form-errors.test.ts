import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createNewsroomTestApp, postForm } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** What a validator says when nobody wrote a sentence for the field: never shown to an editor. */
const VALIDATOR_WORDING = /expected|too small|too big|invalid input|invalid option|invalid string|invalid type|>=|<=/i;

/** The field's error is in the summary (linked) and beside the field, and the control is marked invalid. */
function assertFieldError(response: LightMyRequestResponse, field: string): void {
  assert.match(response.body, new RegExp(`<a href="#${field}">[^<]+</a>`), `${field} is in the error summary`);
  assert.match(response.body, new RegExp(`id="${field}-error" class="field-error"`), `${field} has its error beside it`);
}

function assertSentencesOnly(response: LightMyRequestResponse): void {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(response.body)?.[0] ?? '';
  assert.ok(summary, 'the page has an error summary');
  const messages = [...response.body.matchAll(/class="field-error">([\s\S]*?)<\/p>/g)].map((match) => match[1] ?? '');
  for (const text of [summary, ...messages]) assert.doesNotMatch(text, VALIDATOR_WORDING);
}

/** Every `required` control's label carries the marker, and the form says once what it means. */
function assertRequiredMarked(html: string, ids: readonly string[]): void {
  assert.equal(html.match(/class="required-note"/g)?.length, 1, 'the marker is explained once');
  for (const id of ids) {
    assert.match(html, new RegExp(`<label for="${id}">[^<]*</label><span class="required-marker" aria-hidden="true"> \\*</span>`), `${id}: marker`);
    assert.match(html, new RegExp(`<(input|select|textarea)[^>]*\\bid="${id}"[^>]*\\brequired`), `${id}: required attribute`);
  }
}

describe('newsroom forms: errors an editor understands, required fields marked', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom'));
  });
  after(() => t.close());

  const page = async (url: string) => (await t.app.inject({ url, headers: { cookie } })).body;

  it('the story form, submitted empty, names each missing field in a sentence', async () => {
    const empty = {
      headline: '',
      standfirst: '',
      body: '',
      sectionId: '',
      tags: '',
      seriesId: '',
      seriesPart: '',
      typeLabel: '',
      heroMediaId: '',
      slug: '',
      seoTitle: '',
      seoDescription: '',
      embargoUntil: '',
    };
    const response = await postForm(t.app, '/newsroom/stories/new', { _csrf: csrf, ...empty }, { cookie });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_STORY_INPUT_INVALID');
    assertSentencesOnly(response);
    for (const field of ['headline', 'sectionId', 'authorIds', 'typeLabel']) assertFieldError(response, field);
    assert.match(response.body, /Choose a section\./);
    assert.match(response.body, /Write a headline of 1 to 300 characters/);
    // The autosave's JSON carries the same sentences.
    const author = await t.factories.author();
    const section = await t.factories.section();
    const made = await postForm(
      t.app,
      '/newsroom/stories/new',
      { _csrf: csrf, headline: 'Draft', body: '', sectionId: section.id, authorIds: author.id, typeLabel: 'News' },
      { cookie },
    );
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(String(made.headers.location))?.[1] ?? '';
    const autosave = await postForm(
      t.app,
      `/newsroom/stories/${id}/autosave`,
      { _csrf: csrf, ...empty, seriesPart: 'x', embargoUntil: 'soon' },
      { cookie },
    );
    assert.equal(autosave.statusCode, 400);
    const { errors } = autosave.json<{ errors: Array<{ field: string; message: string }> }>();
    assert.ok(errors.some((error) => error.field === 'sectionId'));
    for (const error of errors) assert.doesNotMatch(error.message, VALIDATOR_WORDING, error.message);

    assertRequiredMarked(await page('/newsroom/stories/new'), ['headline', 'sectionId', 'typeLabel', 'authorIds']);
  });

  it('the author, section and tag forms, submitted empty', async () => {
    const author = await postForm(
      t.app,
      '/newsroom/authors/new',
      { _csrf: csrf, name: '', slug: '', email: '', 'job-title': '', bio: '', photo: '' },
      { cookie },
    );
    assert.equal(author.statusCode, 400);
    assertSentencesOnly(author);
    assertFieldError(author, 'name');
    assertRequiredMarked(await page('/newsroom/authors/new'), ['name', 'slug', 'email']);

    const section = await postForm(t.app, '/newsroom/sections/new', { _csrf: csrf, name: '', slug: '', description: '' }, { cookie });
    assert.equal(section.statusCode, 400);
    assertSentencesOnly(section);
    assertFieldError(section, 'name');
    assertRequiredMarked(await page('/newsroom/sections/new'), ['name', 'slug']);

    await t.factories.article({ tags: ['Harbour'] });
    const tag = (await t.deps.tags.listWithCounts()).find((candidate) => candidate.name === 'Harbour');
    assert.ok(tag);
    const renamed = await postForm(t.app, `/newsroom/tags/${tag.id}`, { _csrf: csrf, name: '' }, { cookie });
    assert.equal(renamed.statusCode, 400);
    assertSentencesOnly(renamed);
    assertFieldError(renamed, `tag-${tag.id}`);
    assert.match(renamed.body, new RegExp(`id="tag-${tag.id}"[^>]*required`));
  });

  it('the settings form, submitted empty', async () => {
    const fields = [
      'name',
      'tagline',
      'description',
      'language',
      'time-zone',
      'contact-email',
      'copyright-holder',
      'founded-year',
      'popular-now-hours',
      'weekly-best-max-age-days',
      'logo',
      'feed-content',
    ];
    const response = await postForm(
      t.app,
      '/newsroom/settings',
      { _csrf: csrf, ...Object.fromEntries(fields.map((field) => [field, ''])) },
      { cookie },
    );
    assert.equal(response.statusCode, 400);
    assertSentencesOnly(response);
    for (const field of ['name', 'language', 'time-zone', 'contact-email', 'founded-year', 'popular-now-hours', 'weekly-best-max-age-days']) {
      assertFieldError(response, field);
    }
    const form = await page('/newsroom/settings');
    assertRequiredMarked(form, ['name', 'language', 'time-zone', 'contact-email', 'founded-year']);
    for (const optional of ['tagline', 'copyright-holder']) {
      assert.doesNotMatch(form, new RegExp(`<input[^>]*\\bid="${optional}"[^>]*\\brequired`), `${optional} may be left empty`);
    }
  });
});
