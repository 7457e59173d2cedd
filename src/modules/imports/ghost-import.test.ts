import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { zipBytes } from '../../testing/zip-writer.js';
import { importGhost, type GhostImportOptions, type ImportReport } from './index.js';
import { importTargets } from '../../testing/import-targets.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const TABLES = ['articles', 'comments', 'media_assets', 'readers', 'authors', 'sections', 'redirects', 'import_items'] as const;

function picture(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

function options(file: string, extra: Partial<GhostImportOptions> = {}): GhostImportOptions {
  return {
    file,
    targets: importTargets,
    images: { fetch: false },
    ...extra,
  };
}

async function counts(db: Db): Promise<number[]> {
  return Promise.all(
    TABLES.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
}

async function story(t: TestApp, slug: string) {
  const row = await t.deps.db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  assert.ok(row, `a story at ${slug}`);
  const section = await t.deps.db.selectFrom('sections').select('slug').where('id', '=', row.section_id).executeTakeFirstOrThrow();
  const tags = await t.deps.db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.name')
    .where('article_tags.article_id', '=', row.id)
    .execute();
  const authors = await t.deps.db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['authors.name', 'authors.slug', 'authors.email', 'authors.bio'])
    .where('article_authors.article_id', '=', row.id)
    .orderBy('article_authors.position')
    .execute();
  const body = JSON.parse(row.body) as Array<{
    type: string;
    text?: string;
    attribution?: string;
    mediaId?: string;
    items?: unknown[];
    content?: Array<{ text: string; marks?: string[]; href?: string }>;
  }>;
  return { row, section: section.slug, tags: tags.map((tag) => tag.name).sort(), authors, body };
}

async function redirectsTo(t: TestApp, pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [from, to] of pairs) {
    const response = await t.app.inject({ method: 'GET', url: from });
    assert.equal(response.statusCode, 301, from);
    assert.equal(new URL(String(response.headers.location), 'https://news.example').pathname, to, from);
  }
}

describe('Ghost import: a Ghost 5 export (Lexical)', () => {
  let t: TestApp;
  let mediaDir: string;
  let report: ImportReport;
  const file = path.join(FIXTURES, 'ghost-5-lexical.json');
  const run = () => importGhost(t.deps, options(file, { siteUrl: 'https://harbour.example/', images: { mediaDir, fetch: false } }));
  before(async () => {
    t = await createTestApp();
    // The test's copy of the site's content/images: missing.png is missing on purpose.
    mediaDir = await mkdtemp(path.join(tmpdir(), 'dateline-ghost-media-'));
    await mkdir(path.join(mediaDir, '2024/05'), { recursive: true });
    await writeFile(path.join(mediaDir, '2024/05/pier.png'), await picture('#2a6f97'));
    await writeFile(path.join(mediaDir, '2024/05/crowd.png'), await picture('#bc4749'));
    report = await run();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('counts what it took and what it left, with reasons', () => {
    assert.equal(report.source, 'ghost:https://harbour.example');
    assert.equal(report.counts.post?.imported, 5, JSON.stringify(report.skipped));
    assert.equal(report.counts.post?.skipped, 2, 'the invalid date and the newsletter-only post');
    assert.equal(report.counts.page?.imported, 2, 'about, careers');
    assert.equal(report.counts.page?.skipped, 1, 'the draft page');
    assert.equal(report.counts.comment?.imported, 2, 'published comments only');
    assert.equal(report.counts.image?.imported, 2, 'a resized copy is its original, stored once');
    assert.deepEqual(
      report.failed.map((problem) => `${problem.kind} ${problem.sourceId}`),
      ['image https://harbour.example/content/images/2024/05/missing.png'],
    );
    const skipped = new Map(report.skipped.map((problem) => [problem.label, problem.reason]));
    assert.match(skipped.get('A post from the wrong century') ?? '', /not a valid date/);
    assert.match(skipped.get("This week's newsletter") ?? '', /newsletter only/);
    assert.match(skipped.get('Ethics policy (draft)') ?? '', /draft page/);
  });

  it('keeps the story: headline, dates, primary tag as section, public tags, bylines in order', async () => {
    const ferry = await story(t, 'ferry-terminal-approved');
    assert.equal(ferry.row.headline, 'Council approves a new ferry terminal after a four-hour debate');
    assert.equal(ferry.row.standfirst, 'The vote ends a decade of argument over the waterfront.');
    assert.equal(ferry.row.status, 'published');
    assert.equal(new Date(ferry.row.published_at ?? '').toISOString(), '2024-05-31T00:30:00.000Z');
    assert.equal(ferry.section, 'city-hall', 'the first public tag: #featured is internal');
    assert.deepEqual(ferry.tags, ['Ferries', 'Waterfront']);
    assert.deepEqual(
      ferry.authors.map((author) => [author.name, author.slug, author.email, author.bio]),
      [
        ['Min-ji Kim', 'min-ji', 'mkim@harbour.example', 'City hall reporter since 2015.'],
        ["Tom O'Brien", 'tom', 'tobrien@harbour.example', 'Covers the waterfront.'],
      ],
    );
    const draft = await story(t, 'draft-harbour-dredging');
    assert.equal(draft.row.status, 'draft');
    assert.equal(draft.row.published_at, null);
    const scheduled = await story(t, 'budget-hearing-2027');
    assert.equal(scheduled.row.status, 'scheduled');
    assert.equal(new Date(scheduled.row.published_at ?? '').toISOString(), '2027-01-15T09:00:00.000Z');
    const untitled = await story(t, 'reservoir-levels');
    assert.match(untitled.row.headline, /^Water levels in the reservoir fell/);
  });

  it('turns Lexical into body blocks, with pictures, credits and links', async () => {
    const { row, body } = await story(t, 'ferry-terminal-approved');
    assert.deepEqual(
      body.map((block) => block.type),
      [
        'paragraph',
        'heading',
        'paragraph',
        'figure',
        'quote',
        'list',
        'figure',
        'paragraph',
        'paragraph',
        'paragraph',
        'paragraph',
        'paragraph',
        'list',
        'paragraph',
        'paragraph',
      ],
    );
    const [lead, , budget, pier, quote, list, crowd, galleryCaption, embed, bookmark, htmlCard, markdownLead] = body;
    assert.ok(lead?.content?.some((run) => run.text === '7 to 2' && run.marks?.includes('strong')));
    assert.ok(lead?.content?.some((run) => run.text === 'a decade' && run.marks?.includes('em')));
    assert.ok(
      lead?.content?.some((run) => run.text === 'waterfront plan' && run.href === '/pier-4-plans/'),
      '__GHOST_URL__ links become site paths',
    );
    assert.ok(!JSON.stringify(lead).includes('javascript'), 'the javascript: link loses its address, keeps its words');
    assert.ok(
      budget?.content?.some((run) => run.text.includes('\n')),
      'a line break is kept',
    );
    assert.deepEqual(
      [quote?.text, quote?.attribution],
      ['This is the most important thing this council will build in a generation.', 'Mayor Grace Lin'],
    );
    assert.equal(list?.items?.length, 4, 'the nested list is flattened into its parent');
    assert.equal(pier?.mediaId, row.hero_media_id, 'the feature image and the resized body copy are one picture');
    const hero = await t.deps.media.get(row.hero_media_id ?? '');
    assert.deepEqual(
      [hero.alt, hero.caption, hero.credit],
      ['Pier 4 at dusk, with the old ferry shed', 'The terminal will replace the shed.', 'Ana Souza'],
    );
    const gallery = await t.deps.media.get(crowd?.mediaId ?? '');
    assert.deepEqual([gallery.caption, gallery.credit], ['Residents waited four hours.', 'Lee Park']);
    assert.equal(galleryCaption?.content?.[0]?.text, 'Scenes from the vote');
    assert.equal(embed?.content?.[0]?.href, 'https://www.youtube.com/watch?v=abc123');
    assert.deepEqual(bookmark?.content?.[0], { text: 'Harbour master plan 2030', href: 'https://harbour.gov.example/master-plan' });
    assert.ok(htmlCard?.content?.some((run) => run.text === '7' && run.marks?.includes('strong')));
    assert.equal(markdownLead?.content?.[0]?.text, 'Key dates');
    assert.ok(!row.body.includes('alert('), "the HTML card's script is dropped");
    const warnings = report.warnings.filter((warning) => warning.sourceId === '6650a1f0c0ffee0001000001').map((warning) => warning.reason);
    for (const expected of [/flattened a nested list/, /<script>/, /divider/, /signup card/, /not http\(s\)/]) {
      assert.ok(
        warnings.some((warning) => expected.test(warning)),
        `${expected} in ${warnings.join('; ')}`,
      );
    }
  });

  it('reads the HTML when the Lexical does not parse, and says members-only stories are now public', async () => {
    const members = await story(t, 'members-briefing');
    assert.equal(members.body[0]?.content?.[1]?.text, 'members');
    assert.equal(members.body[1]?.type, 'figure');
    const warnings = report.warnings.filter((warning) => warning.sourceId === '6650a1f0c0ffee0001000006').map((warning) => warning.reason);
    assert.ok(warnings.some((warning) => /Lexical body could not be read/.test(warning)));
    assert.ok(warnings.some((warning) => /paying members/.test(warning)));
  });

  it('keeps the exported comments that were published, as threads', async () => {
    const { row } = await story(t, 'ferry-terminal-approved');
    const comments = await t.deps.db.selectFrom('comments').selectAll().where('article_id', '=', row.id).orderBy('created_at').execute();
    assert.deepEqual(
      comments.map((comment) => comment.body),
      ['About time!', 'Agreed — but who pays for the parking?'],
    );
    assert.equal(comments[1]?.parent_id, comments[0]?.id);
  });

  it("answers Ghost's old addresses with a 301", async () => {
    await redirectsTo(t, [
      ['/ferry-terminal-approved/', '/article/ferry-terminal-approved'],
      ['/p/4b1c2d3e-0001-4a5b-8c9d-000000000001/', '/article/ferry-terminal-approved'],
      ['/members-briefing/', '/article/members-briefing'],
      ['/tag/city-hall/', '/section/city-hall'],
      ['/rss/', '/feed.xml'],
    ]);
    assert.equal((await t.app.inject({ method: 'GET', url: '/tag/ferries' })).statusCode, 200);
    const page = await t.app.inject({ method: 'GET', url: '/about' });
    assert.match(page.body, /covered the bay since 1921/);
  });

  it('makes a published page a static page at /pages/<slug>, its picture kept, its old links answering 301', async () => {
    const careers = await t.deps.db.selectFrom('static_pages').selectAll().where('slug', '=', 'careers').executeTakeFirstOrThrow();
    assert.equal(careers.title, 'Careers');
    const body = JSON.parse(careers.body) as Array<{ type: string; mediaId?: string }>;
    assert.deepEqual(
      body.map((block) => block.type),
      ['paragraph', 'figure'],
    );
    // The same picture as a post's gallery: stored once, with the texts it came with first.
    const gallery = await t.deps.db
      .selectFrom('import_items')
      .select('target_id')
      .where('kind', '=', 'image')
      .where('source_id', 'like', '%crowd.png')
      .execute();
    assert.deepEqual(
      gallery.map((row) => row.target_id),
      [body[1]?.mediaId],
    );
    const served = await t.app.inject({ method: 'GET', url: '/pages/careers' });
    assert.equal(served.statusCode, 200);
    assert.match(served.body, /We are hiring/);
    await redirectsTo(t, [
      ['/careers/', '/pages/careers'],
      ['/p/4b1c2d3e-0001-4a5b-8c9d-000000000003/', '/pages/careers'],
    ]);
    assert.equal((await t.app.inject({ method: 'GET', url: '/pages/ethics' })).statusCode, 404, 'the draft page is left behind');
  });

  it('changes nothing when run again', async () => {
    const before = await counts(t.deps.db);
    const again = await run();
    assert.equal(again.counts.post?.imported ?? 0, 0);
    assert.equal(again.counts.post?.unchanged, 5);
    assert.equal(again.counts.page?.unchanged, 2);
    assert.deepEqual(await counts(t.deps.db), before);
  });
});

describe('Ghost import: a Ghost 4 zip (Mobiledoc) with its pictures', () => {
  let t: TestApp;
  let scratch: string;
  let zip: string;
  let report: ImportReport;
  before(async () => {
    t = await createTestApp();
    scratch = await mkdtemp(path.join(tmpdir(), 'dateline-ghost-zip-'));
    zip = path.join(scratch, 'county-courier.zip');
    const json = await readFile(path.join(FIXTURES, 'ghost-4-mobiledoc.json'));
    // jam.png is missing on purpose; the pictures are stored (PNG does not shrink), the JSON deflated.
    const images = await Promise.all(
      (['tractor', 'pies', 'ribbon'] as const).map(async (name, n) => ({
        name: `content/images/2019/09/${name}.png`,
        data: await picture(['#bc4749', '#6a994e', '#386641'][n] ?? '#000'),
        store: true,
      })),
    );
    await writeFile(zip, zipBytes([{ name: 'county-courier.ghost.2019-09-16.json', data: json }, ...images]));
    report = await importGhost(t.deps, options(zip));
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('reads the posts from the zip and the pictures beside them', async () => {
    assert.equal(report.source, 'ghost:County Courier', 'no site address: the ledger knows the site by its title');
    assert.equal(report.counts.post?.imported, 2);
    assert.equal(report.counts.image?.imported, 3);
    assert.deepEqual(
      report.failed.map((problem) => problem.sourceId),
      ['/content/images/2019/09/jam.png'],
    );
    const harvest = await story(t, 'harvest-festival');
    assert.equal(new Date(harvest.row.published_at ?? '').toISOString(), '2019-09-14T22:00:00.000Z', 'a database date without a zone is UTC');
    assert.equal(harvest.row.standfirst, 'Forty thousand came to the fairground.');
    assert.equal(harvest.section, 'community');
    assert.deepEqual(harvest.tags, ['Festivals']);
    assert.deepEqual(
      harvest.authors.map((author) => author.name),
      ['Lee Park'],
    );
    const hero = await t.deps.media.get(harvest.row.hero_media_id ?? '');
    assert.deepEqual([hero.alt, hero.caption, hero.credit], ['A red tractor in the parade', 'The oldest tractor, from 1948', 'Lee Park']);
  });

  it('turns Mobiledoc into body blocks', async () => {
    const { body } = await story(t, 'harvest-festival');
    assert.deepEqual(
      body.map((block) => block.type),
      [
        'paragraph',
        'figure',
        'heading',
        'list',
        'quote',
        'figure',
        'paragraph',
        'paragraph',
        'paragraph',
        'heading',
        'list',
        'figure',
        'paragraph',
        'paragraph',
        'paragraph',
        'figure',
      ],
    );
    const [lead, , , , quote] = body;
    assert.ok(lead?.content?.some((run) => run.text === 'parade of restored tractors' && run.marks?.includes('strong')));
    assert.ok(
      lead?.content?.some((run) => run.text === 'full program' && run.href === 'https://harvest.example/program' && run.marks?.includes('em')),
    );
    assert.deepEqual([quote?.text, quote?.attribution], ['We had no idea it would be this big.', 'Festival director Ana Reyes']);
    const pies = await story(t, 'pie-judging');
    assert.deepEqual(
      pies.body.map((block) => block.content?.map((run) => run.text).join('')),
      ['Mrs. Oh won best pie again.', 'Judges tasted 120 pies.'],
      'a post with only HTML is read from its HTML',
    );
    assert.deepEqual(pies.tags, [], 'internal tags are left behind');
    await redirectsTo(t, [
      ['/harvest-festival/', '/article/harvest-festival'],
      ['/tag/community/', '/section/community'],
    ]);
  });

  it('changes nothing when run again', async () => {
    const before = await counts(t.deps.db);
    const again = await importGhost(t.deps, options(zip));
    assert.equal(again.counts.post?.unchanged, 2);
    assert.deepEqual(await counts(t.deps.db), before);
  });
});
