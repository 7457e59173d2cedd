import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { zipBytes } from '../../testing/zip-writer.js';
import { GhostRefusedError, importGhost, type GhostImportOptions } from './index.js';
import { importTargets } from '../../testing/import-targets.js';

// What the Ghost importer refuses before writing anything, what it fails one post at a time, and a
// dry run (ghost-import.test.ts has the imports that succeed).
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const TABLES = ['articles', 'comments', 'media_assets', 'readers', 'authors', 'sections', 'redirects', 'import_items'] as const;

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

describe('Ghost import: files it refuses, broken rows, and a dry run', () => {
  let t: TestApp;
  let scratch: string;
  before(async () => {
    t = await createTestApp();
    scratch = await mkdtemp(path.join(tmpdir(), 'dateline-ghost-bad-'));
  });
  after(async () => {
    await t.close();
    await rm(scratch, { recursive: true, force: true });
  });

  async function refusal(name: string, content: string | Buffer, extra: Partial<GhostImportOptions> = {}): Promise<string> {
    const file = path.join(scratch, name);
    await writeFile(file, content);
    const error = await importGhost(t.deps, options(file, extra)).then(
      () => null,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof GhostRefusedError, String(error));
    return error.message;
  }

  it('names what it was given instead of a Ghost export', async () => {
    const wxr = await readFile(path.join(FIXTURES, 'block-editor.wxr.xml'), 'utf8');
    assert.match(await refusal('export.xml', wxr), /WordPress export \(WXR\).*dateline import wordpress/);
    assert.match(await refusal('feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), /RSS feed/);
    assert.match(await refusal('empty.json', '  \n'), /empty/);
    assert.match(await refusal('list.json', '[{"posts":[]}]'), /JSON array/);
    assert.match(await refusal('other.json', '{"name":"a package","version":"1.0.0"}'), /no posts table/);
  });

  it('refuses malformed JSON with its line, column and path, before writing anything', async () => {
    const message = await refusal(
      'broken.json',
      '{"db":[{"meta":{"version":"5.0.0"},\n "data":{"posts":[\n  {"id":"a1","title":"One"},\n  {"id":"a2" "title":"Two"}]}}]}',
    );
    assert.match(message, /line 4, column 14 \(db\[0\]\.data\.posts\[1\]\.id\): expected "," or "}"/);
    assert.match(await refusal('cut.json', '{"data":{"posts":[{"id":"a1"'), /ends inside|ends before/);
    assert.deepEqual(await counts(t.deps.db), [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses zips that could escape, or blow up when unpacked', async () => {
    assert.match(await refusal('escape.zip', zipBytes([{ name: '../../evil.json', data: '{}' }])), /name/);
    assert.match(await refusal('absolute.zip', zipBytes([{ name: '/etc/ghost.json', data: '{}' }])), /name/);
    const big = { name: 'content/images/zeros.png', data: Buffer.alloc(2 * 1024 * 1024) };
    assert.match(
      await refusal('bomb.zip', zipBytes([{ name: 'export.json', data: '{"data":{"posts":[]}}' }, big]), {
        zipLimits: { maxEntries: 100, maxTotalBytes: 1024 * 1024 },
      }),
      /unpacked/,
    );
    const many = Array.from({ length: 20 }, (_, n) => ({ name: `content/images/${n}.png`, data: 'x' }));
    assert.match(await refusal('many.zip', zipBytes(many), { zipLimits: { maxEntries: 10, maxTotalBytes: 1024 } }), /20 entries/);
    assert.match(await refusal('nojson.zip', zipBytes([{ name: 'content/images/a.png', data: 'x' }])), /no \.json/);
  });

  it('fails a broken or odd post alone, with its place, and imports the rest', async () => {
    const file = path.join(scratch, 'rows.json');
    const post = (id: string, extra: string) =>
      `{"id":"${id}","type":"post","status":"published","published_at":"2024-01-0${id.slice(-1)}T00:00:00.000Z","slug":"post-${id}",${extra}}`;
    await writeFile(
      file,
      [
        '{"meta":{"version":"5.0.0"},"data":{"posts":[',
        post('p1', '"title":"Fine","html":"<p>Fine.</p>"'),
        ',' + post('p2', '"title":"Bad \\q escape","html":""'),
        ',' + post('p3', `"title":"${'Long '.repeat(100)}","lexical":"{\\"root\\":{\\"children\\":42}}","html":"<p>From HTML</p>"`),
        ',' + post('p4', '"title":"Page","type":"page"').replace('"type":"post",', ''),
        ',"not a post"]}}',
      ].join('\n'),
    );
    const report = await importGhost(t.deps, options(file));
    assert.equal(report.counts.post?.imported, 2);
    const broken = report.failed.find((problem) => problem.sourceId === 'p2');
    assert.match(broken?.reason ?? '', /^line 3, column \d+ \(data\.posts\[1\]\): Bad escaped character/);
    assert.ok(report.failed.some((problem) => /not an object/.test(problem.reason)));
    const long = await t.deps.db.selectFrom('articles').selectAll().where('slug', '=', 'post-p3').executeTakeFirstOrThrow();
    assert.ok(long.headline.length <= 300 && long.headline.endsWith('…'));
    assert.match(long.body, /"From HTML"/);
    assert.ok(report.warnings.some((warning) => warning.sourceId === 'p3' && /headline: cut/.test(warning.reason)));
  });

  it('maps primary tags as --section-map says, and refuses a map to no section', async () => {
    await assert.rejects(
      importGhost(t.deps, options(path.join(FIXTURES, 'ghost-4-mobiledoc.json'), { sectionMap: new Map([['community', 'nowhere']]) })),
      { code: 'ERR_IMPORT_OPTIONS_INVALID' },
    );
    const local = await t.factories.section({ slug: 'local', name: 'Local' });
    const report = await importGhost(
      t.deps,
      options(path.join(FIXTURES, 'ghost-4-mobiledoc.json'), { sectionMap: new Map([['community', 'local']]), defaultSection: 'local' }),
    );
    assert.equal(report.counts.post?.imported, 2);
    assert.equal(report.counts.section, undefined, 'no section made');
    const rows = await t.deps.db
      .selectFrom('articles')
      .select(['slug', 'section_id'])
      .where('slug', 'in', ['harvest-festival', 'pie-judging'])
      .execute();
    assert.deepEqual(
      rows.map((row) => row.section_id),
      [local.id, local.id],
    );
  });

  it('stops when asked, between two posts, leaving nothing half-written', async () => {
    const before = await counts(t.deps.db);
    const stop = new AbortController();
    const stopped = importGhost(
      t.deps,
      options(path.join(FIXTURES, 'ghost-5-lexical.json'), { signal: stop.signal, onProgress: () => stop.abort() }),
    );
    await assert.rejects(stopped, { name: 'AbortError' });
    assert.deepEqual(await counts(t.deps.db), before);
  });

  it('reads everything on a dry run and writes nothing', async () => {
    const fresh = await createTestApp();
    try {
      const report = await importGhost(fresh.deps, options(path.join(FIXTURES, 'ghost-5-lexical.json'), { dryRun: true }));
      assert.equal(report.dryRun, true);
      assert.equal(report.counts.post?.imported, 5);
      assert.deepEqual(await counts(fresh.deps.db), [0, 0, 0, 0, 0, 0, 0, 0]);
    } finally {
      await fresh.close();
    }
  });
});
