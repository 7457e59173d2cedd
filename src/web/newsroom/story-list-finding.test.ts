import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../../shared/clock.js';
import { createNewsroomTestApp } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** The headlines of the story list's rows, in order. */
function headlines(html: string): string[] {
  return [...html.matchAll(/<tr><td><a href="\/newsroom\/stories\/[^"]+\/edit">([^<]*)<\/a><\/td>/g)].map((match) => match[1] ?? '');
}

/** The Authors cell of a story's row. */
function authorsCell(html: string, headline: string): string {
  const row = new RegExp(`<tr><td><a [^>]*>${headline}</a></td>(?:<td>[\\s\\S]*?</td>){2}<td>([^<]*)</td>`).exec(html);
  assert.ok(row, `a row for ${headline}`);
  return row[1] ?? '';
}

const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

describe('finding stories in the newsroom story list', () => {
  let t: TestApp;
  let cookie: string;
  const get = (query: string) => t.app.inject({ url: `/newsroom/stories${query}`, headers: { cookie } });
  const list = async (query: string) => {
    const response = await get(query);
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    return response.body;
  };

  before(async () => {
    ({ t, cookie } = await createNewsroomTestApp('editor', '/newsroom/stories'));
    const now = t.clock.now().getTime();
    const politics = await t.factories.section({ slug: 'politics', name: 'Politics' });
    const culture = await t.factories.section({ slug: 'culture', name: 'Culture' });
    const kim = await t.factories.author({ slug: 'kim-ara', name: 'Kim Ara' });
    const lee = await t.factories.author({ slug: 'lee-jun', name: 'Lee Jun' });
    await t.factories.article({
      headline: 'Budget talks stall over zebrafish hatchery',
      status: 'draft',
      section: politics,
      authorIds: [kim.id],
      updatedAt: new Date(now - 2 * DAY_MS),
    });
    await t.factories.article({
      headline: 'Museum reopens its east wing',
      body: paragraph('Curators found a quokkasaurus skeleton behind the wall.'),
      status: 'in_review',
      section: culture,
      authorIds: [lee.id, kim.id],
      updatedAt: new Date(now - 10 * DAY_MS),
    });
    await t.factories.article({
      headline: 'Assembly passes ferry law',
      section: politics,
      authorIds: [lee.id],
      publishedAt: new Date(now - 30 * DAY_MS),
      updatedAt: new Date(now - 30 * DAY_MS),
    });
    // 120 more, for paging: published over the past 120 days, updated an hour apart.
    for (let n = 0; n < 120; n++) {
      await t.factories.article({
        headline: `Filler story ${String(n).padStart(3, '0')}`,
        section: culture,
        authorIds: [lee.id],
        publishedAt: new Date(now - (40 + n) * DAY_MS),
        updatedAt: new Date(now - (40 + n) * DAY_MS),
      });
    }
  });
  after(() => t.close());

  it('finds a draft by a word of its headline and a story in review by a word of its body', async () => {
    assert.deepEqual(headlines(await list('?q=zebrafish')), ['Budget talks stall over zebrafish hatchery']);
    assert.deepEqual(headlines(await list('?q=quokkasaurus')), ['Museum reopens its east wing']);
    assert.deepEqual(headlines(await list('?q=nosuchwordanywhere')), []);
  });

  it('finds a draft written in the newsroom at once, and by its new words after a save', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const input = await t.factories.articleInput({ headline: 'Night market returns to the old pier', body: paragraph('Stalls sell hotteok.') });
    const id = await t.deps.editing.createDraft(editor, input);
    assert.deepEqual(headlines(await list('?q=hotteok')), ['Night market returns to the old pier']);
    await t.deps.editing.update(editor, id, { ...input, body: paragraph('Stalls sell tteokbokki now.') });
    assert.deepEqual(headlines(await list('?q=tteokbokki')), ['Night market returns to the old pier']);
    assert.deepEqual(headlines(await list('?q=hotteok')), []);
    await t.deps.editing.delete(editor, id);
  });

  it('combines a search with filters', async () => {
    assert.deepEqual(headlines(await list('?q=ferry&section=politics')), ['Assembly passes ferry law']);
    assert.deepEqual(headlines(await list('?q=ferry&section=culture')), []);
    assert.deepEqual(headlines(await list('?q=ferry&status=draft')), []);
  });

  it('filters by status, section, author and dates', async () => {
    assert.deepEqual(headlines(await list('?status=draft')), ['Budget talks stall over zebrafish hatchery']);
    assert.deepEqual(headlines(await list('?status=in_review')), ['Museum reopens its east wing']);
    assert.deepEqual(headlines(await list('?section=politics')), ['Budget talks stall over zebrafish hatchery', 'Assembly passes ferry law']);
    assert.deepEqual(headlines(await list('?author=kim-ara')), ['Budget talks stall over zebrafish hatchery', 'Museum reopens its east wing']);
    // TEST_NOW is 2026-11-20: the museum story was last updated on 11-10, the ferry law on 10-21.
    assert.deepEqual(headlines(await list('?from=2026-11-05&to=2026-11-19')), [
      'Budget talks stall over zebrafish hatchery',
      'Museum reopens its east wing',
    ]);
    assert.deepEqual(headlines(await list('?sort=published&from=2026-10-21&to=2026-10-21')), ['Assembly passes ferry law']);
  });

  it('sorts by headline, publication and update time, either way', async () => {
    const byHeadline = headlines(await list('?section=politics&sort=headline'));
    assert.deepEqual(byHeadline, ['Assembly passes ferry law', 'Budget talks stall over zebrafish hatchery']);
    assert.deepEqual(headlines(await list('?section=politics&sort=headline&order=desc')), [...byHeadline].reverse());
    const oldestFirst = headlines(await list('?sort=published&order=asc'));
    assert.equal(oldestFirst[0], 'Filler story 119');
    const newestUpdated = headlines(await list('?sort=updated'));
    assert.equal(newestUpdated[0], 'Budget talks stall over zebrafish hatchery');
    assert.equal(headlines(await list('?sort=updated&order=asc'))[0], 'Filler story 119');
  });

  it('shows 50 stories a page, with links to the next page that keep the filters', async () => {
    const first = await list('?section=culture&sort=headline');
    assert.equal(headlines(first).length, 50);
    assert.match(first, /Page 1 of 3/);
    assert.match(first, /<a href="\/newsroom\/stories\?section=culture&amp;sort=headline&amp;page=2" rel="next">/);
    const second = headlines(await list('?section=culture&sort=headline&page=2'));
    assert.equal(second.length, 50);
    assert.equal(second[0], 'Filler story 050');
    assert.equal(headlines(await list('?section=culture&sort=headline&page=3')).length, 21);
  });

  it('shows every author of a story', async () => {
    const html = await list('?q=museum');
    assert.equal(authorsCell(html, 'Museum reopens its east wing'), 'Lee Jun, Kim Ara');
  });

  it('keeps the values in the form', async () => {
    const html = await list('?q=ferry&status=published&section=politics&author=lee-jun&sort=headline&order=asc');
    assert.match(html, /<input id="q" name="q" type="search" value="ferry"/);
    assert.match(html, /<option value="published" selected>/);
    assert.match(html, /<option value="politics" selected>/);
    assert.match(html, /<option value="lee-jun" selected>/);
    assert.match(html, /<option value="headline" selected>/);
  });

  it('answers bad input with a coded 400 and the problem beside its field', async () => {
    const cases: Array<[string, string, string]> = [
      ['?status=lost', 'ERR_STORY_FILTER_INVALID', 'status'],
      ['?section=nowhere', 'ERR_STORY_FILTER_INVALID', 'section'],
      ['?author=nobody', 'ERR_STORY_FILTER_INVALID', 'author'],
      ['?from=2026-02-31', 'ERR_STORY_FILTER_INVALID', 'from'],
      ['?to=yesterday', 'ERR_STORY_FILTER_INVALID', 'to'],
      ['?from=2026-11-10&to=2026-11-01', 'ERR_STORY_FILTER_INVALID', 'to'],
      ['?sort=views', 'ERR_STORY_FILTER_INVALID', 'sort'],
      ['?order=sideways', 'ERR_STORY_FILTER_INVALID', 'order'],
      ['?page=0', 'ERR_INVALID_PAGE_NUMBER', 'story-filters'],
      ['?page=abc', 'ERR_INVALID_PAGE_NUMBER', 'story-filters'],
      ['?page=101', 'ERR_INVALID_PAGE_NUMBER', 'story-filters'],
      [`?q=${'long'.repeat(60)}`, 'ERR_SEARCH_QUERY_TOO_LONG', 'q'],
    ];
    for (const [query, code, field] of cases) {
      const response = await get(query);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.headers['x-error-code'], code, query);
      assert.match(response.body, new RegExp(`<a href="#${field}">`), query);
      assert.deepEqual(headlines(response.body), [], `${query}: no list`);
    }
  });
});
