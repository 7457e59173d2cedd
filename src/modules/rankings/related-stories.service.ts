import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { PostgresOptions } from '../../db/dialects/postgres.dialect.js';
import type { Clock } from '../../shared/clock.js';
import type { Cluster } from '../../shared/cluster.types.js';
import { bodyPlainText } from '../../shared/article-body.js';
import { findNextVisibilityChange, type Article } from '../articles/index.js';
import { buildRelatedStories, type BuildReport } from './related-stories-build.js';
import {
  addPending,
  findRelatedIds,
  hasMoreVisibleThan,
  listNewlyVisibleIds,
  listRelatednessDocuments,
  markBuildAbandoned,
  markVisibleAsOf,
  readState,
  takePending,
  type RelatedState,
} from './related-stories.repository.js';
import { NumberingRace, profileFromText, rankFromStore, removeStory, upsertStory } from './related-stories-update.js';
import { METHOD_VERSION, RELATED_STORIES_COUNT } from './related-stories.js';
import type { RelatedBuildMessage, RelatedBuildRequest } from './related-stories.worker.js';

export { RELATED_STORIES_COUNT };

/** Archives up to this many visible stories are built on the main thread, in slices; larger ones in a process of their own. */
export const IN_PROCESS_BUILD_LIMIT = 2_000;
/** A build whose heartbeat is older than this has died (its node stopped): another may start. */
const BUILD_STALE_MS = 60_000;
/** The cluster lock a full build holds, so one node builds at a time. */
const BUILD_LOCK = 'related-stories-build';
const BUILD_LOCK_TTL_MS = 3 * 60_000;
/** Edits and removals since the last build (which leave document frequencies as they were) past which it rebuilds. */
const DRIFT_MIN_CHANGES = 500;
const DRIFT_FRACTION = 0.05;

export interface RelatedStoriesOptions {
  /** How the builder process opens its own connection; without it every build runs on the main thread. */
  database?: { target: DatabaseTarget; postgres?: PostgresOptions };
  /** So that one node of several builds at a time. */
  locks?: Pick<Cluster, 'holdLock'>;
  /** After lists changed that no event announced (a build in the background, an embargo passing): drop cached pages. */
  onChange?: () => void;
  /** Overrides IN_PROCESS_BUILD_LIMIT (tests force the builder process with 0). */
  inProcessLimit?: number;
}

/**
 * "You May Also Like" for every visible story, stored in the database (migration 0010) and read by
 * a page with one indexed statement. A change updates only the lists it concerns
 * (related-stories-update.ts); a full build (related-stories-build.ts) runs when the stored lists
 * are missing, from another version of the method, after an import, or once edits have drifted the
 * document frequencies; a large archive builds in a process of its own (related-stories.worker.ts)
 * while the site keeps serving the lists stored before. Nothing is recomputed at start when the stored lists are current. Work runs
 * one piece at a time; changes arriving during a full build wait in `related_pending` and are
 * applied when it ends (on whichever node built).
 */
export class RelatedStoriesService {
  private queue: Promise<void> = Promise.resolve();
  /** Full builds asked for and not finished: updates meanwhile wait in `related_pending`. */
  private builds = 0;
  private builder: ChildProcess | undefined;
  private nextVisibilityChange: Date | null = null;
  private catchingUp = false;
  private closed = false;
  private report: (BuildReport & { separateProcess: boolean }) | undefined;
  private errorHandler: (error: unknown) => void = () => {};
  private readonly options: RelatedStoriesOptions;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: RelatedStoriesOptions = {},
  ) {
    this.options = options;
  }

  /** Failures of work nobody awaits (a build in the background, catching up with the clock). */
  onError(handler: (error: unknown) => void): void {
    this.errorHandler = handler;
  }

  /** The related story ids of a visible story, best first: one indexed statement. */
  async relatedTo(articleId: string): Promise<string[]> {
    this.catchUpWithClock();
    return findRelatedIds(this.db, articleId, RELATED_STORIES_COUNT);
  }

  /**
   * Related ids for any story: the stored list when readers can see it, else computed on the spot
   * from the story itself (a draft in the newsroom's preview) against the stored profiles.
   */
  async relatedToArticle(article: Article): Promise<string[]> {
    const now = this.clock.now();
    // publishedQuery's rule, on the story in hand: only what readers can see has a stored list.
    const visible = article.status === 'published' && article.publishedAt <= now && (article.embargoUntil === null || article.embargoUntil <= now);
    if (visible) return this.relatedTo(article.id);
    const state = await readState(this.db);
    const doc = {
      id: article.id,
      headline: article.headline,
      standfirst: article.standfirst,
      bodyText: bodyPlainText(article.body),
      tagIds: article.tags.map((tag) => tag.id),
      sectionId: article.section.id,
      seriesId: article.series?.id ?? null,
      publishedAt: article.publishedAt,
    };
    // Weighed as if it were added: one more story, its words counted once more.
    const profile = await profileFromText(this.db, doc, { storyCount: (state?.storyCount ?? 0) + 1, counted: false });
    const ranking = await rankFromStore(this.db, { docNo: -1, seriesId: doc.seriesId }, profile.scoring);
    return ranking.list.slice(0, RELATED_STORIES_COUNT).flatMap((entry) => ranking.documents.get(entry.docNo)?.articleId ?? []);
  }

  /**
   * These stories were published, edited or withdrawn: their lists and the lists they enter or leave
   * are updated. During a full build (here or on another node) they wait for its end instead.
   */
  update(articleIds: readonly string[]): Promise<void> {
    if (articleIds.length === 0) return Promise.resolve();
    if (this.builds > 0) return addPending(this.db, articleIds);
    return this.serialize(async () => {
      const state = await readState(this.db);
      if (!state?.builtAt || this.buildRunningElsewhere(state)) {
        // Nothing stored to update yet (the first build is under way): it will read these stories.
        await addPending(this.db, articleIds);
        return;
      }
      await this.apply(articleIds);
      await this.rebuildIfDrifted();
    });
  }

  /** A full build now, awaited (after an import): in a process of its own for a large archive. */
  rebuild(): Promise<void> {
    this.builds += 1;
    return this.serialize(() => this.build()).finally(() => {
      this.builds -= 1;
    });
  }

  /**
   * At start: nothing when the stored lists are current (apart from stories that became visible by
   * the clock while the node was down). Otherwise a full build: awaited for a small archive, in the
   * background in a process of its own for a large one, so the start does not wait for it.
   */
  async ensureBuilt(): Promise<void> {
    const state = await readState(this.db);
    const current = state?.builtAt && state.methodVersion === METHOD_VERSION && !this.buildDied(state);
    if (current) {
      if (!this.buildRunningElsewhere(state)) await this.serialize(() => this.catchUp(state.visibleAsOf));
      return;
    }
    if (state && this.buildRunningElsewhere(state)) return;
    if (!(await hasMoreVisibleThan(this.db, this.clock.now(), this.inProcessLimit()))) return this.rebuild();
    this.rebuild().catch((error: unknown) => this.errorHandler(error));
  }

  /** What the last full build on this node read, computed and wrote, and how long each took. */
  lastBuild(): (BuildReport & { separateProcess: boolean }) | undefined {
    return this.report;
  }

  /** Resolves once the work asked for so far has finished (tests, and the CLI before it exits). */
  async idle(): Promise<void> {
    for (let queued = this.queue; ; queued = this.queue) {
      await queued;
      if (queued === this.queue) return;
    }
  }

  /** Stops a build in its process (the node is stopping); what it wrote stays, the next start finishes. */
  async close(): Promise<void> {
    this.closed = true;
    this.builder?.kill();
    await this.idle();
  }

  private async apply(articleIds: readonly string[]): Promise<void> {
    const visible = await listRelatednessDocuments(this.db, this.clock.now(), { ids: articleIds });
    const visibleIds = new Set(visible.map((doc) => doc.id));
    for (const id of articleIds) if (!visibleIds.has(id)) await removeStory(this.db, id);
    await nextTurnOfEventLoop();
    for (const doc of visible) {
      // Another node numbered a new story at the same moment: once more, with the numbers it left.
      try {
        await upsertStory(this.db, doc);
      } catch (error) {
        if (!(error instanceof NumberingRace)) throw error;
        await upsertStory(this.db, doc);
      }
    }
    this.nextVisibilityChange = await findNextVisibilityChange(this.db, this.clock.now());
  }

  private async build(): Promise<void> {
    if (this.closed) return;
    if (this.options.locks && !(await this.options.locks.holdLock(BUILD_LOCK, BUILD_LOCK_TTL_MS))) return;
    const now = this.clock.now();
    try {
      const large = await hasMoreVisibleThan(this.db, now, this.inProcessLimit());
      if (large && this.options.database) this.report = { ...(await this.buildInProcess(now, this.options.database)), separateProcess: true };
      else {
        const report = await buildRelatedStories(this.db, now, { pause: () => nextTurnOfEventLoop(), onHeartbeat: () => this.renewLock() });
        this.report = { ...report, separateProcess: false };
      }
    } catch (error) {
      await markBuildAbandoned(this.db).catch(() => {});
      throw error;
    }
    // What changed meanwhile, on this node or another, was set aside: apply it now.
    const pending = await takePending(this.db);
    if (pending.length > 0) await this.apply(pending);
    this.nextVisibilityChange = await findNextVisibilityChange(this.db, now);
    this.options.onChange?.();
  }

  private buildInProcess(now: Date, database: NonNullable<RelatedStoriesOptions['database']>): Promise<BuildReport> {
    const request: RelatedBuildRequest = { database: database.target, postgres: database.postgres ?? {}, now: now.toISOString() };
    const builder = startBuilder();
    this.builder = builder;
    return new Promise<BuildReport>((resolve, reject) => {
      builder.on('message', (message: RelatedBuildMessage) => {
        if (message.type === 'heartbeat') this.renewLock().catch(() => {});
        if (message.type === 'done') resolve(message.report);
        if (message.type === 'failed') reject(new Error(`The related-stories build failed: ${message.message}`));
      });
      builder.on('error', reject);
      builder.on('exit', (code, signal) => reject(new Error(`The related-stories build stopped (${signal ?? `exit code ${code}`})`)));
      builder.send(request);
    }).finally(() => {
      this.builder = undefined;
    });
  }

  /** Takes in the stories that became visible by the clock alone since `since`. */
  private async catchUp(since: Date | null): Promise<void> {
    const now = this.clock.now();
    const ids = since ? await listNewlyVisibleIds(this.db, since, now) : [];
    if (ids.length > 0) await this.apply(ids);
    await markVisibleAsOf(this.db, now);
    this.nextVisibilityChange = await findNextVisibilityChange(this.db, now);
  }

  /**
   * A story whose publication time or embargo passes raises no event: the first read after that
   * moment takes it in, in the background, and then drops the cached pages.
   */
  private catchUpWithClock(): void {
    const due = this.nextVisibilityChange;
    if (!due || this.catchingUp || this.builds > 0 || this.clock.now().getTime() < due.getTime()) return;
    this.catchingUp = true;
    this.serialize(async () => {
      const state = await readState(this.db);
      if (state?.builtAt) await this.catchUp(state.visibleAsOf ?? state.builtAt);
    })
      .then(() => this.options.onChange?.())
      .catch((error: unknown) => this.errorHandler(error))
      .finally(() => {
        this.catchingUp = false;
      });
  }

  /** Edits and removals leave document frequencies as they were; past a share of the archive, rebuild. */
  private async rebuildIfDrifted(): Promise<void> {
    const state = await readState(this.db);
    if (!state || state.changesSinceBuild < Math.max(DRIFT_MIN_CHANGES, DRIFT_FRACTION * state.storyCount)) return;
    // Not awaited: the update that crossed the line returns now; the build follows in the queue.
    this.rebuild().catch((error: unknown) => this.errorHandler(error));
  }

  private buildRunningElsewhere(state: RelatedState | undefined): boolean {
    return this.builds === 0 && state?.buildHeartbeatAt !== null && state?.buildHeartbeatAt !== undefined && !this.buildDied(state);
  }

  private buildDied(state: RelatedState): boolean {
    return state.buildHeartbeatAt !== null && this.clock.now().getTime() - state.buildHeartbeatAt.getTime() > BUILD_STALE_MS;
  }

  private async renewLock(): Promise<void> {
    await this.options.locks?.holdLock(BUILD_LOCK, BUILD_LOCK_TTL_MS);
  }

  private inProcessLimit(): number {
    return this.options.inProcessLimit ?? IN_PROCESS_BUILD_LIMIT;
  }

  /** Runs `work` after every earlier piece has settled, whether it succeeded or not. */
  private serialize(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }
}

/**
 * The builder runs compiled JavaScript in production (dist/); under tsx (development, tests) the
 * source is TypeScript, which the child process loads with tsx as well.
 */
function startBuilder(): ChildProcess {
  const source = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(source ? './related-stories.worker.ts' : './related-stories.worker.js', import.meta.url));
  return fork(file, [], { execArgv: [...(source ? ['--import', 'tsx'] : []), ...BUILDER_HEAP], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

/**
 * The builder's V8 heap. Most of what a build allocates is garbage within a page of stories, and by
 * default V8 lets the heap grow to several times what is live before collecting it (it sizes that
 * factor by the heap's limit, 4 GB here). A 512 MB limit makes it collect sooner, for the same CPU
 * time; the build's live heap is far below it (about 50 MB at 100,000 stories: story ids, times and
 * series; the profiles are outside the heap), and so is an archive ten times larger's vocabulary. A
 * smaller young generation keeps less garbage in it, and promotes little more. See bench/README.md,
 * "Import benchmark".
 */
const BUILDER_HEAP = ['--max-old-space-size=512', '--max-semi-space-size=4'];
