import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { importWordPress, refuseOtherKinds, XmlRefusedError, type ImportReport, type WordPressImportOptions } from './index.js';
import { importTargets } from '../../testing/import-targets.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The test's copy of the old sites' uploads: one picture of the classic export is missing on purpose. */
async function makeMediaDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dateline-wp-media-'));
  for (const [file, colour] of [
    ['2024/05/pier-4.png', '#2a6f97'],
    ['2019/09/tractor.png', '#bc4749'],
  ] as const) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await sharp({ create: { width: 320, height: 200, channels: 3, background: colour } })
      .png()
      .toFile(path.join(dir, file));
  }
  return dir;
}

function options(fixture: string, mediaDir: string, extra: Partial<WordPressImportOptions> = {}): WordPressImportOptions {
  return {
    open: () => createReadStream(path.join(FIXTURES, fixture), { encoding: 'utf8', highWaterMark: 1024 }),
    timeZone: 'Asia/Seoul',
    targets: importTargets,
    images: { mediaDir, fetch: false },
    ...extra,
  };
}

async function countRows(
  db: Db,
  table: 'articles' | 'comments' | 'media_assets' | 'readers' | 'authors' | 'sections' | 'import_items' | 'static_pages' | 'redirects',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function story(t: TestApp, slug: string) {
  const row = await t.deps.db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  assert.ok(row, `a story at ${slug}`);
  return row;
}

describe('WordPress import: a block-editor export', () => {
  let t: TestApp;
  let mediaDir: string;
  let report: ImportReport;
  before(async () => {
    t = await createTestApp();
    mediaDir = await makeMediaDir();
    report = await importWordPress(t.deps, options('block-editor.wxr.xml', mediaDir));
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('counts what it took and what it left, with reasons', () => {
    assert.equal(report.counts.post?.imported, 3);
    assert.equal(report.counts.post?.skipped, 1, 'the private post');
    assert.equal(report.counts.page?.imported, 4, 'the published pages');
    assert.equal(report.counts.page?.skipped, 1, 'the draft page');
    assert.equal(report.counts.comment?.imported, 2, 'approved comments only');
    assert.equal(report.counts.image?.imported, 2, 'the same picture as hero and in the body is one asset; the team page’s');
    assert.equal(report.failed.length, 0, JSON.stringify(report.failed));
    assert.ok(report.skipped.some((problem) => problem.sourceId === '104'));
  });

  it('keeps the story: headline, dates, section from the primary category, tags, byline', async () => {
    const row = await story(t, 'ferry-terminal-approved');
    assert.equal(row.headline, 'Council approves a new ferry terminal after a four-hour debate');
    assert.equal(row.standfirst, 'The vote ends a decade of argument over the waterfront.');
    assert.equal(row.status, 'published');
    assert.equal(new Date(row.published_at ?? '').toISOString(), '2024-05-31T00:30:00.000Z');
    const section = await t.deps.db.selectFrom('sections').selectAll().where('id', '=', row.section_id).executeTakeFirstOrThrow();
    assert.equal(section.slug, 'city-hall', 'Yoast names City Hall as the primary category');
    const tags = await t.deps.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', row.id)
      .execute();
    assert.deepEqual(tags.map((tag) => tag.name).sort(), ['Ferries', 'Waterfront'], 'the other category becomes a tag');
    const authors = await t.deps.db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select('authors.name')
      .where('article_authors.article_id', '=', row.id)
      .execute();
    assert.deepEqual(
      authors.map((author) => author.name),
      ['Min-ji Kim'],
    );
    // No GMT date: the site's own time zone (Seoul) says when 18:00 was.
    const hearing = await story(t, 'budget-hearing');
    assert.equal(new Date(hearing.published_at ?? '').toISOString(), '2024-06-02T09:00:00.000Z');
    const draft = await story(t, 'draft-harbour-dredging');
    assert.equal(draft.status, 'draft');
  });

  it('turns the blocks into Dateline body blocks, with the picture through the media pipeline', async () => {
    const row = await story(t, 'ferry-terminal-approved');
    const body = JSON.parse(row.body) as Array<{
      type: string;
      mediaId?: string;
      content?: Array<{ text: string; marks?: string[]; href?: string }>;
    }>;
    assert.deepEqual(
      body.map((block) => block.type),
      ['paragraph', 'heading', 'figure', 'quote', 'list', 'paragraph'],
    );
    assert.ok(body[0]?.content?.some((run) => run.text === '7 to 2' && run.marks?.includes('strong')));
    assert.equal(body[5]?.content?.[0]?.href, 'https://www.youtube.com/watch?v=abc123', 'the embed is kept as a link');
    assert.equal(body[2]?.mediaId, row.hero_media_id, 'the featured image and the body picture are one asset');
    const asset = await t.deps.media.get(row.hero_media_id ?? '');
    assert.equal(asset.alt, 'Pier 4 at dusk, with the old ferry shed');
    assert.equal(asset.credit, 'Ana Souza');
  });

  it('keeps approved comments as threads, by name only', async () => {
    const row = await story(t, 'ferry-terminal-approved');
    const comments = await t.deps.db.selectFrom('comments').selectAll().where('article_id', '=', row.id).orderBy('created_at').execute();
    assert.equal(comments.length, 2);
    assert.equal(comments[1]?.parent_id, comments[0]?.id, 'the reply keeps its thread');
    assert.equal(comments[1]?.body, 'Agreed — but who pays for the parking?');
    assert.equal(row.comment_count, 2);
    const readers = await t.deps.db.selectFrom('readers').select(['email', 'display_name']).execute();
    assert.deepEqual(readers.map((reader) => reader.display_name).sort(), ['Ferry Commuter', 'Harbour Resident']);
    assert.ok(
      readers.every((reader) => reader.email.endsWith('.invalid')),
      'commenters’ addresses are not kept',
    );
  });

  it('answers the old addresses with a 301 to the new ones', async () => {
    for (const [from, to] of [
      ['/2024/05/31/ferry-terminal-approved/', '/article/ferry-terminal-approved'],
      ['/2024/05/ferry-terminal-approved/', '/article/ferry-terminal-approved'],
      ['/ferry-terminal-approved/', '/article/ferry-terminal-approved'],
      ['/?p=101', '/article/ferry-terminal-approved'],
      ['/category/city-hall/', '/section/city-hall'],
      ['/author/mkim/', '/author/min-ji-kim'],
      ['/feed/', '/feed.xml'],
      ['/?page_id=2', '/about'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: from });
      assert.equal(response.statusCode, 301, from);
      assert.equal(new URL(String(response.headers.location), 'https://news.example').pathname, to, from);
    }
    // The same address here: the tag's own page answers, no redirect needed.
    assert.equal((await t.app.inject({ method: 'GET', url: '/tag/ferries/' })).statusCode, 200);
    const page = await t.app.inject({ method: 'GET', url: '/about' });
    assert.match(page.body, /covered the bay since 1921/);
  });

  it('makes every published page a static page at its own address, its old links answering 301', async () => {
    const rows = await t.deps.db.selectFrom('static_pages').selectAll().execute();
    const pages = new Map(rows.map((row) => [row.slug, row]));
    assert.deepEqual([...pages.keys()].sort(), ['about', 'company', 'team', 'team-2']);
    assert.equal(pages.get('team')?.title, 'Our team');
    assert.equal(pages.get('team-2')?.title, 'Events team', 'a nested page whose slug is taken gets -2');
    assert.equal(new Date(pages.get('team')?.updated_at ?? '').toISOString(), '2024-05-20T03:00:00.000Z');
    const body = JSON.parse(pages.get('team')?.body ?? '[]') as Array<{ type: string; mediaId?: string }>;
    assert.deepEqual(
      body.map((block) => block.type),
      ['paragraph', 'figure'],
    );
    assert.equal((await t.deps.media.get(body[1]?.mediaId ?? '')).alt, 'The newsroom van');
    const served = await t.app.inject({ method: 'GET', url: '/pages/team' });
    assert.equal(served.statusCode, 200);
    assert.match(served.body, /Twelve reporters/);
    assert.match(served.body, /<figure/, 'the picture is shown');
    for (const [from, to] of [
      ['/company/team/', '/pages/team'],
      ['/?page_id=4', '/pages/team'],
      ['/team/', '/pages/team'],
      ['/events/team/', '/pages/team-2'],
      ['/company/', '/pages/company'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: from });
      assert.equal(response.statusCode, 301, from);
      assert.equal(new URL(String(response.headers.location)).pathname, to, from);
    }
    assert.ok(report.skipped.some((problem) => problem.kind === 'page' && problem.sourceId === '7'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/pages/ethics' })).statusCode, 404, 'the draft page');
    assert.equal((await t.app.inject({ method: 'GET', url: '/pages/about' })).statusCode, 404, 'About has one address, /about');
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.match(home.body, /href="\/about"/);
    assert.doesNotMatch(home.body, /href="\/pages\//, 'the footer links the fixed pages only');
  });

  it('changes nothing when run again', async () => {
    const before = await Promise.all(
      (['articles', 'comments', 'media_assets', 'readers', 'authors', 'sections', 'import_items'] as const).map((table) =>
        countRows(t.deps.db, table),
      ),
    );
    const again = await importWordPress(t.deps, options('block-editor.wxr.xml', mediaDir));
    assert.equal(again.counts.post?.imported ?? 0, 0);
    assert.equal(again.counts.post?.unchanged, 3);
    assert.equal(again.counts.page?.unchanged, 4);
    const afterRun = await Promise.all(
      (['articles', 'comments', 'media_assets', 'readers', 'authors', 'sections', 'import_items'] as const).map((table) =>
        countRows(t.deps.db, table),
      ),
    );
    assert.deepEqual(afterRun, before);
  });
  it('brings a post changed in WordPress up to date with --update, and only then', async () => {
    const original = await readFile(path.join(FIXTURES, 'block-editor.wxr.xml'), 'utf8');
    const changed = original
      .replace('Council approves a new ferry terminal after a four-hour debate', 'Council approves the Pier 4 ferry terminal')
      .replace('Twelve reporters', 'Thirteen reporters')
      .replace(
        '<wp:comment><wp:comment_id>13</wp:comment_id>',
        '<wp:comment><wp:comment_id>15</wp:comment_id><wp:comment_author><![CDATA[Late Reader]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-06-01 03:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[And the bus links?]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>11</wp:comment_parent></wp:comment><wp:comment><wp:comment_id>13</wp:comment_id>',
      );
    const fromText = { open: () => [changed][Symbol.iterator]() as unknown as AsyncIterable<string> };

    const without = await importWordPress(t.deps, { ...options('', mediaDir), ...fromText });
    assert.equal(without.counts.post?.unchanged, 3);
    assert.equal(without.counts.page?.unchanged, 4);
    assert.match((await t.app.inject({ method: 'GET', url: '/pages/team' })).body, /Twelve reporters/, 'and now in the page cache');
    assert.equal((await story(t, 'ferry-terminal-approved')).headline, 'Council approves a new ferry terminal after a four-hour debate');

    const updated = await importWordPress(t.deps, { ...options('', mediaDir), ...fromText, update: true });
    assert.equal(updated.counts.post?.updated, 1, JSON.stringify(updated.counts) + JSON.stringify(updated.failed));
    assert.equal(updated.counts.post?.unchanged, 2);
    assert.equal(updated.counts.comment?.imported, 1, JSON.stringify(updated.counts));
    assert.equal(updated.counts.page?.updated, 1);
    assert.match((await t.app.inject({ method: 'GET', url: '/pages/team' })).body, /Thirteen reporters/, 'purged and refreshed at its slug');
    assert.equal(await countRows(t.deps.db, 'static_pages'), 4);
    const row = await story(t, 'ferry-terminal-approved');
    assert.equal(row.headline, 'Council approves the Pier 4 ferry terminal', 'the slug, and so the address, is kept');
    const comments = await t.deps.db.selectFrom('comments').selectAll().where('article_id', '=', row.id).orderBy('created_at').execute();
    assert.equal(comments.length, 3);
    assert.equal(comments[2]?.parent_id, comments[0]?.id, 'the new reply joins the earlier thread');
    assert.equal(row.comment_count, 3);

    const again = await importWordPress(t.deps, { ...options('', mediaDir), ...fromText, update: true });
    assert.equal(again.counts.post?.updated, 0);
    assert.equal(again.counts.post?.unchanged, 3);
  });
});

describe('WordPress import: a classic export', () => {
  let t: TestApp;
  let mediaDir: string;
  let report: ImportReport;
  before(async () => {
    t = await createTestApp();
    mediaDir = await makeMediaDir();
    report = await importWordPress(t.deps, options('classic.wxr.xml', mediaDir, { timeZone: 'America/New_York' }));
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('makes paragraphs and figures of classic HTML and shortcodes', async () => {
    const row = await story(t, 'harvest-festival');
    const body = JSON.parse(row.body) as Array<{ type: string; mediaId?: string; content?: Array<{ text: string; href?: string }> }>;
    const figures = body.filter((block) => block.type === 'figure');
    assert.equal(figures.length, 2, 'the caption shortcode, and the one gallery picture that exists');
    const caption = await t.deps.media.get(figures[0]?.mediaId ?? '');
    assert.equal(caption.caption, 'The parade opened with restored tractors.');
    assert.equal(caption.credit, 'Lee Park');
    assert.ok(body.some((block) => block.type === 'paragraph' && block.content?.some((run) => run.text.includes('"no idea"'))));
    assert.ok(body.some((block) => block.content?.[0]?.href === 'https://www.youtube.com/watch?v=harvest'));
    assert.ok(!row.body.includes('alert('), 'the script is dropped');
    assert.ok(report.warnings.length > 0);
  });

  it('reports what it could not take, and goes on', async () => {
    assert.ok(
      report.failed.some((problem) => problem.kind === 'image' && problem.sourceId.endsWith('pies.png')),
      'the missing picture',
    );
    const broken = report.failed.find((problem) => problem.sourceId === '57');
    assert.ok(broken?.line && broken.line > 1, 'the undefined entity is reported with its line');
    assert.ok(
      report.skipped.some((problem) => problem.sourceId === '58'),
      'an invalid date',
    );
    const second = await story(t, 'harvest-festival-2');
    assert.equal(second.headline, 'Harvest festival draws a record crowd');
    const scheduled = await t.deps.db.selectFrom('articles').selectAll().where('status', '=', 'scheduled').executeTakeFirstOrThrow();
    assert.match(scheduled.headline, /^Water levels in the reservoir/, 'a headline made from the first words');
    assert.equal(new Date(second.published_at ?? '').toISOString(), '2020-09-14T22:00:00.000Z');
  });
});

describe('WordPress import: files it refuses, and a dry run', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function refusal(xml: string): Promise<string> {
    const error = await importWordPress(t.deps, {
      ...options('', ''),
      open: () => [xml][Symbol.iterator]() as unknown as AsyncIterable<string>,
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof XmlRefusedError, String(error));
    return error.message;
  }

  it('names the kind of file it was given instead of a WordPress export', async () => {
    assert.match(await refusal('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>'), /RSS feed/);
    assert.match(await refusal('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), /Atom/);
    assert.throws(() => refuseOtherKinds('{"db":[{"meta":{"version":"5.80.0"}}]}'), /Ghost/);
    assert.throws(() => refuseOtherKinds('PK\u0003\u0004'), /zip/);
    assert.throws(() => refuseOtherKinds('   '), /empty/);
  });

  it('never expands entities: a DOCTYPE is refused', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol2;</title></item></channel></rss>`;
    assert.match(await refusal(laughs), /DOCTYPE/);
    const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&xxe;</title></item></channel></rss>`;
    assert.match(await refusal(external), /DOCTYPE/);
    assert.equal(await countRows(t.deps.db, 'articles'), 0);
  });

  it('reads everything on a dry run and writes nothing', async () => {
    const mediaDir = await makeMediaDir();
    try {
      const report = await importWordPress(t.deps, options('block-editor.wxr.xml', mediaDir, { dryRun: true }));
      assert.equal(report.dryRun, true);
      assert.equal(report.counts.post?.imported, 3);
      assert.equal(report.counts.page?.imported, 4);
      for (const table of [
        'articles',
        'comments',
        'media_assets',
        'readers',
        'authors',
        'sections',
        'import_items',
        'static_pages',
        'redirects',
      ] as const) {
        assert.equal(await countRows(t.deps.db, table), 0, table);
      }
      const response = await t.app.inject({ method: 'GET', url: '/?p=101' });
      assert.notEqual(response.statusCode, 301);
    } finally {
      await rm(mediaDir, { recursive: true, force: true });
    }
  });
});
