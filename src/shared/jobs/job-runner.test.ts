import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../clock.js';
import { coalesced } from './coalesced-run.js';
import { JobRunner } from './job-runner.js';
import type { JobContext, JobFailure } from './job.types.js';

/** A promise the test settles by hand, to hold a run in progress. */
function gate(): { promise: Promise<void>; open(): void; fail(error: Error): void } {
  let open = () => {};
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const alwaysLeader = { holdLock: async () => true };

function runner(locks: { holdLock(name: string, ttlMs: number): Promise<boolean> } = alwaysLeader) {
  const clock = fixedClock('2026-03-01T12:00:00.000Z');
  return { clock, jobs: new JobRunner({ clock, locks }) };
}

describe('JobRunner', () => {
  it('runs on demand before any start, and a call during a run gets exactly one more run, after it', async () => {
    const { jobs } = runner();
    const gates = [gate(), gate()];
    let started = 0;
    jobs.register({ name: 'refresh', failureMessage: 'x', run: () => gates[started++]?.promise ?? Promise.resolve() });

    const first = jobs.run('refresh');
    await settle();
    assert.equal(started, 1);
    let secondDone = false;
    const second = jobs.run('refresh').then(() => (secondDone = true));
    const third = jobs.run('refresh');
    await settle();
    assert.equal(started, 1, 'no run overlaps the one in progress');

    gates[0]?.open();
    await settle();
    assert.equal(started, 2, 'the calls made during the run share one more run');
    assert.equal(secondDone, false, 'a call resolves only after a run that started after it');
    gates[1]?.open();
    await Promise.all([first, second, third]);
    assert.equal(started, 2);
    assert.equal(jobs.statuses()[0]?.runs, 2);
    await jobs.run('refresh');
    assert.equal(started, 3, 'idle again: the next call starts a run at once');
  });

  it('rejects the callers with a failed run, counts it, and keeps the last error for the status', async () => {
    const { jobs, clock } = runner();
    let fail = true;
    jobs.register({
      name: 'flaky',
      failureMessage: 'x',
      run: async () => {
        clock.advance(1_500);
        if (fail) throw new Error('database away');
      },
    });
    await assert.rejects(jobs.run('flaky'), /database away/);
    fail = false;
    await jobs.run('flaky');
    const [status] = jobs.statuses();
    assert.equal(status?.runs, 2);
    assert.equal(status?.failures, 1);
    assert.equal(status?.lastError?.message, 'database away');
    assert.equal(status?.lastError?.at.toISOString(), '2026-03-01T12:00:01.500Z');
    assert.equal(status?.lastStartedAt?.toISOString(), '2026-03-01T12:00:01.500Z');
    assert.equal(status?.lastDurationMs, 1_500, 'durations come from the injected clock');
    assert.equal(status?.running, false);
    assert.equal(status?.nextRunAt, null, 'no timer before start');
  });

  it('runs a leader-only job only while this node holds the lock named after it', async () => {
    let held = false;
    const asked: Array<[string, number]> = [];
    const { jobs } = runner({
      holdLock: async (name, ttlMs) => {
        asked.push([name, ttlMs]);
        return held;
      },
    });
    let runs = 0;
    jobs.register({ name: 'purge', leaderOnly: { ttlMs: 60_000 }, failureMessage: 'x', run: async () => void runs++ });
    jobs.register({ name: 'everywhere', failureMessage: 'x', run: async () => void runs++ });

    await jobs.run('purge');
    assert.equal(runs, 0, 'another node leads: nothing ran here');
    assert.deepEqual(
      jobs.statuses().map((status) => [status.name, status.leader, status.runs]),
      [
        ['purge', false, 0],
        ['everywhere', null, 0],
      ],
    );
    held = true;
    await jobs.run('purge');
    await jobs.run('everywhere');
    assert.equal(runs, 2);
    assert.deepEqual(
      asked,
      [
        ['purge', 60_000],
        ['purge', 60_000],
      ],
      'a job that is not leader-only never asks for a lock',
    );
    assert.equal(jobs.statuses()[0]?.leader, true);
  });

  it('starts the at-start jobs at once and the periodic ones on their timers; reports failures of its own runs', async () => {
    const { jobs } = runner();
    const log: string[] = [];
    const failures: JobFailure[] = [];
    jobs.register({ name: 'at-start', atStart: true, failureMessage: 'x', run: async () => void log.push('at-start') });
    jobs.register({ name: 'ticking', everyMs: 10, failureMessage: 'ticking failed', run: async () => void log.push('tick') });
    jobs.register({ name: 'broken', atStart: true, failureMessage: 'broken failed', run: async () => Promise.reject(new Error('boom')) });
    jobs.register({ name: 'queued', failureMessage: 'x', run: async () => void log.push('queued') });
    jobs.start({ onFailure: (failure) => failures.push(failure) });
    assert.throws(() => jobs.register({ name: 'late', failureMessage: 'x', run: async () => {} }), /after the runner started/);
    const ticking = jobs.statuses().find((status) => status.name === 'ticking');
    assert.equal(ticking?.nextRunAt?.toISOString(), '2026-03-01T12:00:00.010Z');
    await eventually(() => log.filter((entry) => entry === 'tick').length >= 2);
    assert.equal(log[0], 'at-start');
    assert.ok(!log.includes('queued'), 'a job with no timer runs only when asked');
    assert.deepEqual(
      failures.map(({ job, message, error }) => [job, message, (error as Error).message]),
      [['broken', 'broken failed', 'boom']],
    );
    await jobs.stop();
    const ticks = log.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(log.length, ticks, 'no tick after stop');
    assert.ok(jobs.statuses().every((status) => status.nextRunAt === null));
  });

  it('skips a tick while the run before it is still going', async () => {
    const { jobs } = runner();
    const slow = gate();
    let runs = 0;
    jobs.register({ name: 'slow', everyMs: 5, failureMessage: 'x', run: () => (runs++ === 0 ? slow.promise : Promise.resolve()) });
    jobs.start();
    await eventually(() => runs === 1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(runs, 1, 'several ticks passed while the first run was going: none started another');
    slow.open();
    await eventually(() => runs >= 2);
    await jobs.stop();
  });

  it('stops job by job in registration order: waits for a run in progress, then the at-stop runs; nothing new runs after', async () => {
    const { jobs } = runner();
    const events: string[] = [];
    const sending = gate();
    let signal: AbortSignal | undefined;
    jobs.register({
      name: 'send',
      failureMessage: 'x',
      run: async (context: JobContext) => {
        signal = context.signal;
        await sending.promise;
        events.push('send finished');
      },
    });
    jobs.register({
      name: 'flush',
      atStop: true,
      failureMessage: 'x',
      run: async (context) => void events.push(`flush (aborted: ${context.signal.aborted})`),
    });
    jobs.register({ name: 'other', failureMessage: 'x', run: async () => void events.push('other') });

    const send = jobs.run('send');
    await settle();
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await settle();
    assert.equal(jobs.state, 'stopping');
    assert.equal(signal?.aborted, true, 'a running job is told to finish early');
    assert.equal(stopped, false, 'stop waits for the run in progress');
    await jobs.run('other');
    assert.ok(!events.includes('other'), 'nothing new runs once stopping');

    sending.open();
    await Promise.all([send, stopping]);
    assert.deepEqual(events, ['send finished', 'flush (aborted: false)']);
    assert.equal(jobs.state, 'stopped');
    await jobs.stop();
    assert.equal(events.length, 2, 'a second stop does nothing more');
  });

  it('runs the at-stop jobs even when never started (tests close what they never started)', async () => {
    const { jobs } = runner();
    let flushed = 0;
    jobs.register({ name: 'flush', everyMs: 1_000, atStop: true, failureMessage: 'x', run: async () => void flushed++ });
    jobs.register({ name: 'broken', atStop: true, failureMessage: 'y', run: async () => Promise.reject(new Error('closed')) });
    await jobs.stop();
    assert.equal(flushed, 1);
    assert.equal(jobs.statuses()[1]?.failures, 1, 'a failed at-stop run is counted, and the stop still completes');
  });

  it('refuses a second job of the same name and a run of a job it does not know', () => {
    const { jobs } = runner();
    jobs.register({ name: 'one', failureMessage: 'x', run: async () => {} });
    assert.throws(() => jobs.register({ name: 'one', failureMessage: 'x', run: async () => {} }), /registered twice/);
    assert.throws(() => jobs.run('two'), /no job named two/);
  });
});

describe('coalesced (a service used without a job runner)', () => {
  it('never overlaps the work and shares one more run among the calls made during a run', async () => {
    const gates = [gate(), gate()];
    let started = 0;
    let running = 0;
    let overlapped = false;
    const run = coalesced(async () => {
      running++;
      overlapped ||= running > 1;
      await gates[started++]?.promise;
      running--;
    });
    const calls = [run(), run(), run()];
    await settle();
    gates[0]?.open();
    await settle();
    gates[1]?.fail(new Error('second run failed'));
    const outcomes = await Promise.allSettled(calls);
    // The first call waited for the run asked for after it too: all of them see its failure.
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected', 'rejected'],
    );
    assert.equal(started, 2);
    assert.equal(overlapped, false);
    await run();
    assert.equal(started, 3, 'idle again: the next call starts a run at once');
  });
});
