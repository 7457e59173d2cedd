import { inTransaction, type Db } from '../../db/database.js';
import { RelatedStoriesIndex, slicer, type Profile } from './related-stories-index.js';
import {
  clearPostings,
  createListsIndex,
  dropListsIndex,
  deleteStories,
  deleteTerms,
  insertPostings,
  listKnownNumbers,
  listRelatednessPage,
  markBuildFinished,
  markBuildRunning,
  writeStories,
  writeTerms,
  type DocumentCursor,
  type StoryWrite,
} from './related-stories.repository.js';
import { METHOD_VERSION } from './related-stories.js';

/** Stories read per query while building: their bodies are the bulk of what a build reads. */
const READ_PAGE = 500;
/**
 * Stories written per transaction: about 2,000 rows. On SQLite a writer holds the only write lock,
 * and a main-thread write waiting for it blocks that thread, so each transaction stays short.
 */
const WRITE_CHUNK = 200;
const TERMS_PER_TRANSACTION = 5_000;
const POSTINGS_PER_TRANSACTION = 10_000;
/** Postings of stories no longer visible were cleared with the rest. */
const NO_PROFILE: Profile = { termNos: new Uint32Array(0), weights: new Float64Array(0) };
/** How often a running build says so in the state row (other nodes defer their updates meanwhile). */
const HEARTBEAT_MS = 10_000;

/** Wall time of each phase, and the process's CPU time over it (the worker's, when the main thread is idle). */
export interface BuildReport {
  stories: number;
  terms: number;
  readMs: number;
  computeMs: number;
  writeMs: number;
  readCpuMs: number;
  computeCpuMs: number;
  writeCpuMs: number;
}

export interface BuildOptions {
  /** Awaited between slices of work: the serving event loop (absent in the builder process). */
  pause?: () => Promise<void>;
  onProgress?: (phase: 'read' | 'compute' | 'write', done: number) => void;
  /** Called with each heartbeat: a cluster lock to renew, say. */
  onHeartbeat?: () => Promise<void>;
}

/**
 * The full build: reads every visible story (as of `now`), computes every profile and list in memory
 * (RelatedStoriesIndex), then replaces the stored state in chunks, story by story, so readers get
 * each story's old list until its new one is written. Numbers already given out are kept. Used in a
 * child process (related-stories.worker.ts) and, for a small archive, in the serving process.
 */
export async function buildRelatedStories(db: Db, now: Date, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const cpuAt = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const startedCpu = cpuAt();
  const clockAt = () => new Date(now.getTime() + (performance.now() - started));
  let lastBeat = performance.now();
  const beat = async () => {
    if (performance.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = performance.now();
    await markBuildRunning(db, clockAt(), METHOD_VERSION);
    await options.onHeartbeat?.();
  };
  // Every slice of work ends here: a heartbeat when due, and the event loop's turn on the main thread.
  const pause = slicer(async () => {
    await beat();
    await options.pause?.();
  });
  await markBuildRunning(db, now, METHOD_VERSION);

  const known = await listKnownNumbers(db);
  const index = new RelatedStoriesIndex(known);
  for (let after: DocumentCursor | null = null; ;) {
    const page = await listRelatednessPage(db, now, after, READ_PAGE);
    for (const doc of page.documents) {
      index.add(doc);
      await pause();
    }
    options.onProgress?.('read', index.size);
    if (!page.next) break;
    after = page.next;
  }
  const read = performance.now();
  const readCpu = cpuAt();

  await index.compile({ pause, release: true });
  options.onProgress?.('compute', index.size);
  const computed = performance.now();
  const computedCpu = cpuAt();

  const terms = [...index.terms()];
  for (let start = 0; start < terms.length; start += TERMS_PER_TRANSACTION) {
    await inTransaction(db, (trx) => writeTerms(trx, terms.slice(start, start + TERMS_PER_TRANSACTION)));
    await pause();
  }
  // The postings are only read by updates (which wait for the build) and drafts' previews: they are
  // replaced all at once, in key order, the cheapest way to write them.
  const fresh = known.documents.length === 0;
  if (!fresh) await clearPostings(db);
  let rows: Array<{ term_no: number; doc_no: number; weight: number }> = [];
  const flushPostings = async () => {
    const batch = rows;
    rows = [];
    await inTransaction(db, (trx) => insertPostings(trx, batch));
    await pause();
  };
  for (const row of index.postingRows()) {
    rows.push(row);
    if (rows.length >= POSTINGS_PER_TRANSACTION) await flushPostings();
  }
  if (rows.length > 0) await flushPostings();
  // The lists story by story: a reader gets a story's old list until its new one is written.
  await dropListsIndex(db);
  let chunk: StoryWrite[] = [];
  let written = 0;
  const flush = async () => {
    const stories = chunk;
    chunk = [];
    await inTransaction(db, (trx) => writeStories(trx, stories, { fresh }));
    written += stories.length;
    options.onProgress?.('write', written);
    await pause();
  };
  for (const story of index.built()) {
    chunk.push(story);
    if (chunk.length >= WRITE_CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  await createListsIndex(db);

  // What is no longer visible (or no longer used) goes last: until now, old lists could point at it.
  const visible = new Set([...index.built()].map((story) => story.articleId));
  const usedTerms = new Set(terms.map((term) => term.termNo));
  await inTransaction(db, async (trx) => {
    await deleteStories(
      trx,
      known.documents.filter(([articleId]) => !visible.has(articleId)).map(([, docNo]) => ({ docNo, profile: NO_PROFILE })),
    );
    await deleteTerms(
      trx,
      known.terms.filter(([, termNo]) => !usedTerms.has(termNo)).map(([, termNo]) => termNo),
    );
    await markBuildFinished(trx, { now, methodVersion: METHOD_VERSION, storyCount: index.size });
  });
  const finished = performance.now();
  return {
    stories: index.size,
    terms: terms.length,
    readMs: Math.round(read - started),
    computeMs: Math.round(computed - read),
    writeMs: Math.round(finished - computed),
    readCpuMs: Math.round(readCpu - startedCpu),
    computeCpuMs: Math.round(computedCpu - readCpu),
    writeCpuMs: Math.round(cpuAt() - computedCpu),
  };
}
