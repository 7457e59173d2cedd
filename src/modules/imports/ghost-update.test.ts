import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { importGhost, type GhostImportOptions } from './index.js';
import { importTargets } from '../../testing/import-targets.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'ghost-5-lexical.json');

/** `--update` takes the WordPress importer's path (StoryWriter): compared by the ledger's checksum, the slug kept. */
describe('Ghost import: --update', () => {
  let t: TestApp;
  let scratch: string;
  let changed: string;
  const run = (file: string, update: boolean) => {
    const options: GhostImportOptions = {
      file,
      siteUrl: 'https://harbour.example/',
      targets: importTargets,
      // No pictures: each is reported missing, and the stories go in without them.
      images: { fetch: false },
      update,
    };
    return importGhost(t.deps, options);
  };
  const story = (slug: string) => t.deps.db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
    scratch = await mkdtemp(path.join(tmpdir(), 'dateline-ghost-update-'));
    changed = path.join(scratch, 'changed.json');
    const original = await readFile(FIXTURE, 'utf8');
    const edited = original
      .replace('"title": "Council approves a new ferry terminal after a four-hour debate"', '"title": "Council approves the Pier 4 ferry terminal"')
      .replace('We are hiring.', 'We are hiring reporters.');
    assert.notEqual(edited, original);
    await writeFile(changed, edited);
    await run(FIXTURE, false);
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('leaves a changed post alone without --update', async () => {
    const report = await run(changed, false);
    assert.equal(report.counts.post?.unchanged, 5);
    assert.equal(report.counts.post?.updated ?? 0, 0);
    assert.equal(report.counts.page?.unchanged, 2);
    assert.equal((await story('ferry-terminal-approved')).headline, 'Council approves a new ferry terminal after a four-hour debate');
  });

  it('refreshes a changed post and page with --update, keeping the slug; the unchanged are counted unchanged', async () => {
    const articlesBefore = await t.deps.db.selectFrom('articles').select('id').execute();
    const report = await run(changed, true);
    assert.equal(report.counts.post?.updated, 1, JSON.stringify(report.counts));
    assert.equal(report.counts.post?.unchanged, 4);
    assert.equal(report.counts.page?.updated, 1);
    assert.equal(report.counts.page?.unchanged, 1);
    const ferry = await story('ferry-terminal-approved');
    assert.equal(ferry.headline, 'Council approves the Pier 4 ferry terminal', 'the slug, and so the address, is kept');
    assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, articlesBefore.length, 'no story added');
    assert.match((await t.app.inject({ method: 'GET', url: '/pages/careers' })).body, /We are hiring reporters/);
    const response = await t.app.inject({ method: 'GET', url: '/ferry-terminal-approved/' });
    assert.equal(response.statusCode, 301);

    const again = await run(changed, true);
    assert.equal(again.counts.post?.updated ?? 0, 0);
    assert.equal(again.counts.post?.unchanged, 5);
  });
});
