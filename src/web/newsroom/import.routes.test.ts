import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createNewsroomTestApp, signInStaff } from '../../testing/newsroom-client.js';
import { countImportRuns, importFiles, importsSettled, postImport, WORDPRESS_FIXTURES } from '../../testing/import-upload-client.js';
import type { TestApp } from '../../testing/test-app.js';

const BLOCK_EDITOR = 'block-editor.wxr.xml';

describe('the Import page', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let exportFile: Buffer;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/import'));
    exportFile = await readFile(path.join(WORDPRESS_FIXTURES, BLOCK_EDITOR));
  });
  after(() => t.close());

  const page = (url = '/newsroom/import') => t.app.inject({ url, headers: { cookie } });

  it('shows admins the form, linked from the navigation, with nothing run yet', async () => {
    const response = await page();
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /<a href="\/newsroom\/import" aria-current="page">Import<\/a>/);
    assert.match(response.body, /<h1>Import<\/h1>/);
    assert.match(response.body, /<form method="post" action="\/newsroom\/import" enctype="multipart\/form-data"/);
    // The token comes before the file, so the server checks it before writing a byte.
    assert.ok(response.body.indexOf('name="_csrf"') < response.body.indexOf('name="file"'));
    assert.match(response.body, /<label for="file">Export file<\/label>/);
    assert.match(response.body, /A WordPress export \(\.xml, [^)]+\) or a Ghost export \([^)]+\), up to 2\.00 GB\./);
    assert.match(response.body, /accept="\.xml,\.json,\.zip"/);
    assert.match(response.body, /<label for="section-map">Section map \(optional\)<\/label>/);
    assert.match(response.body, /<legend>Categories \(Ghost: primary tags\) not in the map become<\/legend>/);
    assert.match(response.body, /id="unmapped-sections" name="unmapped" value="sections" checked/);
    assert.match(response.body, /<label for="dry-run">Dry run<\/label>/);
    assert.doesNotMatch(response.body, /<progress/);
    assert.match(response.body, /<script src="\/assets\/newsroom-import\.js\?v=[0-9a-f]+" defer><\/script>/);
  });

  it('refuses editors (403) and shows them no link to it', async () => {
    const editor = await signInStaff(t, 'editor', '/newsroom');
    const response = await t.app.inject({ url: '/newsroom/import', headers: { cookie: editor.cookie } });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } });
    assert.doesNotMatch(home.body, /href="\/newsroom\/import"/);
  });

  let runId = '';

  it('takes a WordPress export, runs it in the background and shows the report', async () => {
    const response = await postImport(t, { cookie, csrf }, { name: 'harbour-gazette.WordPress.xml', bytes: exportFile }, { unmapped: 'sections' });
    assert.equal(response.statusCode, 303, response.body);
    const location = response.headers.location ?? '';
    const match = /^\/newsroom\/import\?run=([0-9a-f-]{36})$/.exec(String(location));
    assert.ok(match?.[1], `redirected to the run: ${String(location)}`);
    runId = match[1];
    await importsSettled(t);

    const json = await t.app.inject({ url: `/newsroom/import/runs/${runId}.json`, headers: { cookie } });
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    const run = json.json<{ status: string; done: number; total: number; percent: number; progressText: string; pageUrl: string }>();
    assert.equal(run.status, 'finished');
    assert.equal(run.percent, 100);
    assert.ok(run.total > 0 && run.done === run.total, `${run.done} of ${run.total}`);
    assert.equal(run.pageUrl, `/newsroom/import?run=${runId}`);

    const shown = await page(String(location));
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<h2 id="import-run-heading">Last import: harbour-gazette\.WordPress\.xml<\/h2>/);
    assert.match(shown.body, /<dd id="import-status" aria-live="polite">Finished<\/dd>/);
    assert.match(shown.body, new RegExp(`<progress id="import-progress" max="${run.total}" value="${run.total}"`));
    assert.match(shown.body, new RegExp(`${run.total} of ${run.total} items \\(100 %\\)`));
    assert.match(
      shown.body,
      /<th scope="row">Posts<\/th><td class="numeric">3<\/td><td class="numeric">0<\/td><td class="numeric">0<\/td><td class="numeric">1<\/td>/,
    );
    assert.match(shown.body, /<h3>Skipped \(\d+\)<\/h3>/);
    assert.match(shown.body, /<a href="\/newsroom\/import\/runs\/[0-9a-f-]+\/report\.json" download>Download the whole report \(JSON\)<\/a>/);
    assert.match(shown.body, /\d+ warnings?:/);
    assert.doesNotMatch(shown.body, /data-import-run-url/, 'nothing left to poll');
    // The form is back for the next import.
    assert.match(shown.body, /<h2 id="import-form-heading">Start an import<\/h2>/);
    assert.deepEqual(await importFiles(t), [], 'the upload is removed once the run ended');
  });

  it('leaves the imported stories and their old links working', async () => {
    const story = await t.app.inject('/article/ferry-terminal-approved');
    assert.equal(story.statusCode, 200);
    assert.match(story.body, /Council approves a new ferry terminal/);
    const old = await t.app.inject('/?p=101');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, 'https://news.example/article/ferry-terminal-approved');
  });

  it('offers the whole report as a JSON download, and the run in the audit log', async () => {
    const download = await t.app.inject({ url: `/newsroom/import/runs/${runId}/report.json`, headers: { cookie } });
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="import-wordpress-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json"$/);
    const report = download.json<{ file: string; counts: Record<string, { imported: number }>; dryRun: boolean }>();
    assert.equal(report.file, 'harbour-gazette.WordPress.xml');
    assert.equal(report.counts['post']?.imported, 3);
    assert.equal(report.dryRun, false);

    const [started] = await t.deps.audit.list({ limit: 5, action: 'import.started' });
    assert.equal(started?.subjectId, runId);
    assert.deepEqual(started.details, { fileName: 'harbour-gazette.WordPress.xml', bytes: exportFile.length, kind: 'wordpress', dryRun: false });
    const [finished] = await t.deps.audit.list({ limit: 5, action: 'import.finished' });
    assert.equal(finished?.subjectId, runId);
    assert.equal(finished.details['status'], 'finished');
    const log = await page('/newsroom/audit');
    assert.match(log.body, /Import started/);
    assert.match(log.body, /Import finished/);
  });

  it('changes nothing when the same file is imported again, as a dry run too', async () => {
    const again = await postImport(t, { cookie, csrf }, { name: 'again.xml', bytes: exportFile }, { 'dry-run': 'yes' });
    assert.equal(again.statusCode, 303);
    await importsSettled(t);
    const shown = await page(String(again.headers.location));
    assert.match(shown.body, /Dry run: nothing was written\./);
    assert.match(shown.body, /<th scope="row">Posts<\/th><td class="numeric">0<\/td><td class="numeric">0<\/td><td class="numeric">3<\/td>/);
    assert.match(shown.body, /Recent imports/);
    assert.equal(await countImportRuns(t), 2);
  });

  it('shows why a run failed when the file turned out not to be an export', async () => {
    const feed = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A feed</title></channel></rss>\n';
    const response = await postImport(t, { cookie, csrf }, { name: 'feed.xml', bytes: feed });
    assert.equal(response.statusCode, 303);
    await importsSettled(t);
    const id = /run=(.+)$/.exec(String(response.headers.location))?.[1];
    const shown = await page(String(response.headers.location));
    assert.match(shown.body, /<dd id="import-status" aria-live="polite">Failed<\/dd>/);
    assert.match(shown.body, /<p class="import-failure">This is an RSS feed, not a WordPress export \(WXR\)/);
    const finished = (await t.deps.audit.list({ limit: 10, action: 'import.finished' })).find((entry) => entry.subjectId === id);
    assert.equal(finished?.details['status'], 'failed');
    assert.match(String(finished.details['error']), /^This is an RSS feed/);
    assert.deepEqual(await importFiles(t), []);
  });

  it('answers 404 for a run that does not exist', async () => {
    for (const url of ['/newsroom/import/runs/00000000-0000-4000-8000-000000000000.json', '/newsroom/import?run=nope']) {
      const response = await page(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.headers['x-error-code'], 'ERR_IMPORT_RUN_NOT_FOUND');
    }
  });
});

describe('the Import page passes its other choices to the importer', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let exportFile: string;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/import'));
    await t.factories.section({ slug: 'local', name: 'Local' });
    exportFile = await readFile(path.join(WORDPRESS_FIXTURES, BLOCK_EDITOR), 'utf8');
  });
  after(() => t.close());

  async function run(bytes: string, fields: Record<string, string>) {
    const response = await postImport(t, { cookie, csrf }, { name: 'export.xml', bytes }, fields);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    await importsSettled(t);
    const id = /run=(.+)$/.exec(String(response.headers.location))?.[1] ?? '';
    return { run: await t.deps.importRuns.get(id), report: await t.deps.importRuns.report(id) };
  }
  const headline = async () =>
    (await t.deps.db.selectFrom('articles').select('headline').where('slug', '=', 'ferry-terminal-approved').executeTakeFirstOrThrow()).headline;

  it('offers them on the form, the sections to choose from included', async () => {
    const response = await t.app.inject({ url: '/newsroom/import', headers: { cookie } });
    assert.match(
      response.body,
      /<select id="default-section" name="default-section"[^>]*><option value selected>[^<]+<\/option><option value="local">Local<\/option>/,
    );
    assert.match(response.body, /<label for="time-zone">/);
    assert.match(response.body, /<input id="site-url" name="site-url" type="url"/);
    assert.match(response.body, /<input type="checkbox" id="update" name="update" value="yes"/);
  });

  it('keeps them with the run, sends categories to the default section, and refreshes changed stories only when asked', async () => {
    const first = await run(exportFile, { unmapped: 'tags', 'default-section': 'local', 'time-zone': 'Asia/Seoul' });
    assert.equal(first.run.status, 'finished');
    assert.deepEqual(
      {
        defaultSection: first.run.options.defaultSection,
        timeZone: first.run.options.timeZone,
        update: first.run.options.update,
        siteUrl: first.run.options.siteUrl,
      },
      { defaultSection: 'local', timeZone: 'Asia/Seoul', update: false, siteUrl: null },
    );
    const section = await t.deps.db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select('sections.slug')
      .where('articles.slug', '=', 'ferry-terminal-approved')
      .executeTakeFirst();
    assert.equal(section?.slug, 'local', 'categories became tags, so the story went to the chosen section');

    const changed = exportFile.replace(
      'Council approves a new ferry terminal after a four-hour debate',
      'Ferry terminal approved after a long debate',
    );
    const without = await run(changed, {});
    assert.equal(without.report?.counts['post']?.updated ?? 0, 0);
    assert.equal(await headline(), 'Council approves a new ferry terminal after a four-hour debate');
    const withUpdate = await run(changed, { update: 'yes' });
    assert.equal(withUpdate.run.options.update, true);
    assert.equal(withUpdate.report?.counts['post']?.updated, 1);
    assert.equal(await headline(), 'Ferry terminal approved after a long debate');
  });
});

describe('the Import page takes a Ghost export too', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/import'));
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  it('runs it by its kind, and its stories and old links answer', async () => {
    const ghost = await readFile(path.join(WORDPRESS_FIXTURES, 'ghost-5-lexical.json'));
    const response = await postImport(t, { cookie, csrf }, { name: 'harbour.ghost.2024-06-01.json', bytes: ghost });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    await importsSettled(t);
    const shown = await t.app.inject({ url: String(response.headers.location), headers: { cookie } });
    assert.match(shown.body, /<dd id="import-status" aria-live="polite">Finished<\/dd>/);
    assert.match(shown.body, /Ghost export, \d+ KB/);
    assert.match(shown.body, /<th scope="row">Posts<\/th><td class="numeric">5<\/td>/);
    const [started] = await t.deps.audit.list({ limit: 1, action: 'import.started' });
    assert.equal(started?.details['kind'], 'ghost');
    assert.equal((await t.app.inject('/article/ferry-terminal-approved')).statusCode, 200);
    assert.deepEqual(await importFiles(t), []);
  });
});
