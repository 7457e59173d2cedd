import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/errors.js';
import { ArticleInputError, ArticleInputSchema, parseArticleInput } from './article-input.js';

const valid = {
  headline: 'Harbour reopens',
  body: [{ type: 'paragraph', content: [{ text: 'Ships are back.' }] }],
  sectionId: 'section-1',
  authorIds: ['author-1'],
  typeLabel: 'News',
};

const fieldsRefused = (input: Record<string, unknown>): string[] => {
  try {
    parseArticleInput(input);
  } catch (error) {
    assert.ok(error instanceof ArticleInputError);
    assert.equal(error.code, 'ERR_STORY_INPUT_INVALID');
    assert.equal(error.status, 400);
    return error.issues.map((issue) => issue.field);
  }
  assert.fail('the input was accepted');
};

describe('article input', () => {
  it('accepts the minimum and fills defaults; blank optional text becomes null', () => {
    const input = parseArticleInput({ ...valid, slug: '  ', seoTitle: '', embargoUntil: '' });
    assert.equal(input.standfirst, '');
    assert.deepEqual(input.tags, []);
    assert.equal(input.slug, null);
    assert.equal(input.seoTitle, null);
    assert.equal(input.embargoUntil, null);
    assert.equal(input.seriesId, null);
  });

  it('strips fields an editor cannot set: status, owner, views, times', () => {
    const input = ArticleInputSchema.parse({
      ...valid,
      status: 'published',
      ownerUserId: 'someone-else',
      owner_user_id: 'someone-else',
      viewCount: 99_999,
      publishedAt: '2020-01-01T00:00:00Z',
      id: 'chosen-id',
    });
    for (const key of ['status', 'ownerUserId', 'owner_user_id', 'viewCount', 'publishedAt', 'id']) {
      assert.equal(key in input, false, key);
    }
  });

  it('reads the embargo as a date', () => {
    const input = parseArticleInput({ ...valid, embargoUntil: '2026-12-01T09:00:00+09:00' });
    assert.equal(input.embargoUntil?.toISOString(), '2026-12-01T00:00:00.000Z');
  });

  it('refuses each bad field, naming it', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ headline: '' }, 'headline'],
      [{ headline: '   ' }, 'headline'],
      [{ headline: 'x'.repeat(301) }, 'headline'],
      [{ standfirst: 'x'.repeat(501) }, 'standfirst'],
      [{ body: [{ type: 'html', html: '<script>' }] }, 'body.0.type'],
      [{ body: [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] }, 'body.0.content.0.href'],
      [{ sectionId: '' }, 'sectionId'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }, 'tags'],
      [{ tags: ['!!!'] }, 'tags.0'],
      [{ authorIds: [] }, 'authorIds'],
      [{ authorIds: Array.from({ length: 11 }, (_, i) => `a${i}`) }, 'authorIds'],
      [{ authorIds: ['a', 'a'] }, 'authorIds'],
      [{ seriesId: 'series-1' }, 'seriesPart'],
      [{ seriesPart: 2 }, 'seriesPart'],
      [{ seriesId: 'series-1', seriesPart: 0 }, 'seriesPart'],
      [{ seriesId: 'series-1', seriesPart: 1.5 }, 'seriesPart'],
      [{ typeLabel: 'Gossip' }, 'typeLabel'],
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ slug: 'double--hyphen' }, 'slug'],
      [{ slug: 'x'.repeat(121) }, 'slug'],
      [{ seoTitle: 'x'.repeat(121) }, 'seoTitle'],
      [{ seoDescription: 'x'.repeat(301) }, 'seoDescription'],
      [{ embargoUntil: 'tomorrow' }, 'embargoUntil'],
      [{ embargoUntil: '2026-13-45T00:00:00Z' }, 'embargoUntil'],
    ];
    for (const [override, field] of cases) {
      assert.ok(fieldsRefused({ ...valid, ...override }).includes(field), `${JSON.stringify(override).slice(0, 80)} → ${field}`);
    }
  });

  it('refuses control characters, lone surrogates and (in one-line fields) line breaks, in a sentence naming the field', () => {
    for (const bad of ['\u0000', '\u0007', '\u0085', '\u009B', '\uD800', '\n', '\t']) {
      for (const [override, field] of [
        [{ headline: `a${bad}b` }, 'headline'],
        [{ standfirst: `a${bad}b` }, 'standfirst'],
        [{ tags: [`a${bad}b`] }, 'tags.0'],
        [{ seoTitle: `a${bad}b` }, 'seoTitle'],
        [{ seoDescription: `a${bad}b` }, 'seoDescription'],
        [{ slug: `a${bad}b` }, 'slug'],
      ] as const) {
        assert.ok(fieldsRefused({ ...valid, ...override }).includes(field), `${JSON.stringify(override)} → ${field}`);
      }
    }
    try {
      parseArticleInput({ ...valid, headline: 'a\u0000b' });
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof ArticleInputError);
      assert.match(error.issues[0]?.message ?? '', /^The headline contains characters we cannot store/);
    }
  });

  it('words every problem as a sentence, never the validator’s own message', () => {
    try {
      parseArticleInput({ headline: '', body: [], sectionId: '', authorIds: [], typeLabel: '' });
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof ArticleInputError);
      const byField = Object.fromEntries(error.issues.map((issue) => [issue.field, issue.message]));
      assert.equal(byField['sectionId'], 'Choose a section.');
      assert.match(byField['headline'] ?? '', /^Write a headline/);
      for (const issue of error.issues) assert.doesNotMatch(issue.message, /expected|too small|invalid/i);
    }
  });

  it('stores decomposed text as NFC', () => {
    const input = parseArticleInput({ ...valid, headline: 'Cafe\u0301', tags: ['Cafe\u0301'] });
    assert.equal(input.headline, 'Caf\u00e9');
    assert.deepEqual(input.tags, ['Caf\u00e9']);
  });

  it('accepts the limits themselves', () => {
    const input = parseArticleInput({
      ...valid,
      headline: 'x'.repeat(300),
      standfirst: 'x'.repeat(500),
      tags: Array.from({ length: 20 }, (_, i) => `tag ${i}`),
      authorIds: Array.from({ length: 10 }, (_, i) => `a${i}`),
      seriesId: 'series-1',
      seriesPart: 1,
      slug: 'a-valid-slug-2',
      seoTitle: 'x'.repeat(120),
      seoDescription: 'x'.repeat(300),
    });
    assert.equal(input.tags.length, 20);
  });

  it('is an AppError, so the web layer renders it like any other', () => {
    assert.throws(
      () => parseArticleInput('not an object'),
      (error: unknown) => error instanceof AppError,
    );
  });
});
