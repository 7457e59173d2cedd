import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWordPressExport } from '../../demo/wordpress-export-generator.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { INTERRUPTED } from './import-execution.js';
import { ImportRunService, type ImportRunServiceOptions } from './import-run.service.js';
import { DEFAULT_RUN_OPTIONS, type ImportRunOptions } from './import-run.types.js';
import { importTargets } from '../../testing/import-targets.js';

/** Three of the importer's batches, so a stop after the first leaves the rest to do. */
const STORIES = 750;
const OPTIONS: ImportRunOptions = { sectionMap: [], unmapped: 'sections', fetchImages: false, dryRun: false, ...DEFAULT_RUN_OPTIONS };

describe('ImportRunService: runs in the background, one at a time, resumable', () => {
  let t: TestApp;
  let scratch: string;
  let exportFile: string;
  let dir: string;
  before(async () => {
    t = await createTestApp();
    scratch = await mkdtemp(path.join(tmpdir(), 'dateline-import-runs-'));
    exportFile = path.join(scratch, 'generated.xml');
    await generateWordPressExport({ stories: STORIES, seed: 5, file: exportFile, now: t.clock.now() });
    dir = path.join(t.config.dataDir, 'imports');
  });
  after(async () => {
    await t.close();
    await rm(scratch, { recursive: true, force: true });
  });

  const service = (overrides: Partial<ImportRunServiceOptions> = {}) =>
    new ImportRunService({
      db: t.deps.db,
      clock: t.clock,
      audit: t.deps.audit,
      importer: t.deps,
      targets: importTargets,
      sections: t.deps.sections,
      node: { mode: 'single', nodeId: 'node-a' },
      dir,
      maxBytes: 100 * 1024 * 1024,
      timeZone: () => 'Asia/Seoul',
      requestRun: async () => {},
      log: { error: () => {} },
      ...overrides,
    });
  const upload = (runs: ImportRunService) => runs.receive(createReadStream(exportFile), 'generated.xml');
  const admin = async () => (await t.factories.staffUser({ role: 'admin' })).id;
  const storyCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes progress on a timer, never once per item', async () => {
    const runs = service({ progressEveryMs: 100 });
    const run = await runs.start(await upload(runs), { ...OPTIONS, dryRun: true }, await admin());
    assert.equal(run.status, 'queued');
    const started = Date.now();
    const { statements } = await t.deps.database.statements.record(() => runs.runQueued(new AbortController().signal));
    const elapsed = Date.now() - started;
    const progressWrites = statements.filter((statement) => /^update "import_runs" set "done"/.test(statement.sql)).length;
    assert.ok(progressWrites <= Math.ceil(elapsed / 100) + 1, `${progressWrites} progress writes in ${elapsed} ms`);
    assert.ok(progressWrites < STORIES, `${progressWrites} writes for ${STORIES} stories`);
    const finished = await runs.get(run.id);
    assert.equal(finished.status, 'finished');
    assert.ok(finished.total >= STORIES && finished.done === finished.total, `${finished.done} of ${finished.total}`);
    assert.equal((await runs.report(run.id))?.dryRun, true);
    assert.equal(await storyCount(), 0, 'a dry run writes nothing');
    assert.deepEqual(await readdir(dir), [], 'the run’s file is removed once it ended');
  });

  it('stops between stories when the node stops, marked interrupted; a second run resumes it', async () => {
    const runs = service({ progressEveryMs: 20 });
    const userId = await admin();
    const first = await runs.start(await upload(runs), OPTIONS, userId);
    const stop = new AbortController();
    const running = runs.runQueued(stop.signal);
    // Stopped once some stories are in.
    for (;;) {
      if ((await storyCount()) > 0 || ['finished', 'failed'].includes((await runs.get(first.id)).status)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    stop.abort();
    await running;
    const interrupted = await runs.get(first.id);
    assert.equal(interrupted.status, 'failed');
    assert.equal(interrupted.error, INTERRUPTED);
    const written = await storyCount();
    assert.ok(written > 0 && written < STORIES, `stopped partway (${written} stories written)`);
    const entry = (await t.deps.audit.list({ limit: 20, action: 'import.finished' })).find((candidate) => candidate.subjectId === first.id);
    assert.deepEqual(entry?.details, { status: 'failed', error: INTERRUPTED });

    const second = await runs.start(await upload(runs), OPTIONS, userId);
    await runs.runQueued(new AbortController().signal);
    const report = await runs.report(second.id);
    const posts = report?.counts['post'];
    assert.ok(posts, 'the report counts posts');
    assert.equal(posts.unchanged, written, 'what the first run wrote is found and left as it is');
    assert.equal(posts.imported + posts.unchanged, (await storyCount()) - (report.counts['page']?.imported ?? 0));
    assert.deepEqual(await readdir(dir), []);
  });

  it('allows one run at a time: a second start is refused (409) and its upload removed', async () => {
    const runs = service();
    const userId = await admin();
    const first = await runs.start(await upload(runs), OPTIONS, userId);
    const second = await upload(runs);
    await rejectsWithCode(runs.assertIdle(), 'ERR_IMPORT_RUNNING');
    await rejectsWithCode(runs.start(second, OPTIONS, userId), 'ERR_IMPORT_RUNNING');
    assert.deepEqual(await readdir(dir), [`run-${first.id}.export`]);
    await runs.runQueued(new AbortController().signal);
    await runs.assertIdle();
  });

  it('at a start, marks the runs a stopped process left unfinished as interrupted, and removes their files', async () => {
    const before = service({ node: { mode: 'single', nodeId: 'old-process' } });
    const userId = await admin();
    const left = await before.start(await upload(before), OPTIONS, userId);
    await mkdir(dir, { recursive: true });
    const cliReport = path.join(dir, 'wordpress-2026-11-20T03-00-00-000Z.json');
    const cutOff = path.join(dir, 'upload-00000000-0000-4000-8000-000000000000.part');
    await writeFile(cliReport, '{}');
    await writeFile(cutOff, '<?xml');
    await utimes(cutOff, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

    const restarted = service({ node: { mode: 'single', nodeId: 'new-process' } });
    const inFlight = path.join(dir, 'upload-11111111-1111-4111-8111-111111111111.part');
    await writeFile(inFlight, '<?xml');
    await restarted.recoverInterrupted();
    const run = await restarted.get(left.id);
    assert.equal(run.status, 'failed');
    assert.equal(run.error, INTERRUPTED);
    assert.match(INTERRUPTED, /^Interrupted: run it again to resume\./);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      [path.basename(inFlight), path.basename(cliReport)].sort(),
      'the CLI’s report and an upload arriving now stay',
    );
    await restarted.assertIdle();
    await rm(inFlight);
    await rm(cliReport);
  });

  it('with several nodes, leaves another node’s live run alone and gives up one whose heartbeat stopped', async () => {
    const elsewhere = service({ node: { mode: 'redis', nodeId: 'node-b' } });
    const live = await elsewhere.start(await upload(elsewhere), OPTIONS, await admin());
    const here = service({ node: { mode: 'redis', nodeId: 'node-c' } });
    await here.recoverInterrupted();
    assert.equal((await here.get(live.id)).status, 'queued');
    await rejectsWithCode(here.assertIdle(), 'ERR_IMPORT_RUNNING');
    t.clock.advance(31_000);
    const first = (await here.list(10)).find((run) => run.id === live.id);
    assert.equal(first?.status, 'failed');
    assert.equal(first.error, INTERRUPTED);
    await here.assertIdle();
    // node-b's job, when it comes to it, finds nothing to run.
    await elsewhere.runQueued(new AbortController().signal);
    assert.equal((await elsewhere.get(live.id)).status, 'failed');
  });
});
