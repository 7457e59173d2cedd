import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from './db/database.js';
import type { DatabaseTarget } from './config/config.js';
import { generateWordPressExport } from './demo/wordpress-export-generator.js';
import { createClusterDatabase, type ClusterDatabase } from './testing/node-process.js';

// The real command, as an operator runs it, on a database of its own (a DATA_DIR, or with
// TEST_DATABASE_URL a PostgreSQL database): killed with SIGKILL halfway, then run again, it must
// end with exactly what one uninterrupted run writes.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Two batches and more (250 a transaction), so the kill lands between commits. */
const STORIES = 600;

interface Target {
  env: Record<string, string>;
  database: DatabaseTarget;
  drop(): Promise<void>;
}

async function newTarget(scratch: string, name: string): Promise<Target> {
  const dataDir = path.join(scratch, name);
  fs.mkdirSync(dataDir);
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      database: { engine: 'sqlite', filename: path.join(dataDir, 'dateline.sqlite') },
      drop: async () => {},
    };
  }
  const cluster: ClusterDatabase = await createClusterDatabase(serverUrl);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: cluster.url },
    database: { engine: 'postgres', connectionString: cluster.url },
    drop: () => cluster.drop(),
  };
}

/** Runs `dateline import wordpress`; with `killAt`, sends SIGKILL once the progress passes that percentage. */
function runImport(target: Target, file: string, killAt?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'import', 'wordpress', file, '--media-dir', `${file}.uploads`, '--no-fetch'],
    {
      cwd: root,
      // MALLOC_ARENA_MAX set: the command runs in this process, not a relaunched one
      // (malloc-arenas.ts), so SIGKILL stops the import itself at once.
      env: { ...process.env, ...target.env, LOG_LEVEL: 'silent', DEMO: '0', MALLOC_ARENA_MAX: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const percents = [...stderr.matchAll(/^\s*(\d+)%/gm)].map((match) => Number(match[1]));
    if (killAt !== undefined && percents.some((percent) => percent >= killAt && percent < 100)) child.kill('SIGKILL');
  });
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** Everything the import wrote, without the ids it chose: two runs that wrote the same are equal. */
async function fingerprint(target: DatabaseTarget): Promise<{ counts: Record<string, number>; digest: Record<string, string> }> {
  const database = await openDatabase(target);
  try {
    const db: Db = database.db;
    const stories = await db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('media_assets', 'media_assets.id', 'articles.hero_media_id')
      .select([
        'articles.id',
        'articles.slug',
        'articles.headline',
        'articles.standfirst',
        'articles.status',
        'articles.published_at',
        'articles.body',
        'articles.comment_count',
        'sections.slug as section',
        'media_assets.alt as hero',
      ])
      .orderBy('articles.slug')
      .execute();
    const bylines = await db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .innerJoin('articles', 'articles.id', 'article_authors.article_id')
      .select(['articles.slug', 'authors.slug as author'])
      .orderBy('articles.slug')
      .orderBy('authors.slug')
      .execute();
    const tags = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['articles.slug', 'tags.name'])
      .orderBy('articles.slug')
      .orderBy('tags.name')
      .execute();
    const comments = await db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .innerJoin('readers', 'readers.id', 'comments.reader_id')
      .select(['articles.slug', 'comments.body', 'comments.created_at', 'readers.display_name', 'comments.parent_id'])
      .orderBy('articles.slug')
      .orderBy('comments.created_at')
      .orderBy('comments.body')
      .execute();
    const redirects = await db.selectFrom('redirects').select(['path', 'target']).orderBy('path').execute();
    const ledger = await db.selectFrom('import_items').select(['kind', 'source_id']).orderBy('kind').orderBy('source_id').execute();
    const counts: Record<string, number> = {};
    for (const table of ['articles', 'comments', 'readers', 'authors', 'sections', 'tags', 'media_assets', 'redirects', 'import_items'] as const) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    // Pictures get new ids in each database: a figure is known by its picture's texts.
    const media = new Map(
      (await db.selectFrom('media_assets').select(['id', 'alt', 'caption', 'credit']).execute()).map((row) => [
        row.id,
        `${row.alt}|${row.caption}|${row.credit}`,
      ]),
    );
    const withoutIds = (body: string) =>
      body.replace(/"mediaId":"([^"]+)"/g, (_all, id: string) => `"mediaId":${JSON.stringify(media.get(id) ?? 'missing')}`);
    const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
    // Digests part by part, so a difference says where it is.
    const digest = {
      stories: hash(
        stories.map(({ id: _id, published_at, body, ...story }) => ({
          ...story,
          body: withoutIds(body),
          published_at: published_at && new Date(published_at).toISOString(),
        })),
      ),
      bylines: hash(bylines),
      tags: hash(tags),
      comments: hash(
        comments.map(({ parent_id, created_at, ...comment }) => ({
          ...comment,
          reply: parent_id !== null,
          created_at: new Date(created_at).toISOString(),
        })),
      ),
      redirects: hash(redirects),
      ledger: hash(ledger),
    };
    return { counts, digest };
  } finally {
    await database.close();
  }
}

describe('dateline import wordpress, killed halfway and run again', () => {
  let scratch: string;
  let file: string;
  const targets: Target[] = [];
  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-import-cli-'));
    file = path.join(scratch, 'export.xml');
    await generateWordPressExport({ stories: STORIES, seed: 3, file, now: new Date('2026-11-20T03:00:00Z') });
  });
  after(async () => {
    for (const target of targets) await target.drop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('ends with exactly what one run writes: no duplicate, no half-written story', async () => {
    const interrupted = await newTarget(scratch, 'interrupted');
    const clean = await newTarget(scratch, 'clean');
    targets.push(interrupted, clean);

    const killed = await runImport(interrupted, file, 30);
    assert.equal(killed.signal, 'SIGKILL', `the first run was to be killed mid-import, but it ended with ${killed.code}: ${killed.stderr}`);
    const halfway = await fingerprint(interrupted.database);
    assert.ok(
      (halfway.counts['articles'] ?? 0) > 0 && (halfway.counts['articles'] ?? 0) < STORIES,
      `killed after ${halfway.counts['articles']} stories`,
    );

    const resumed = await runImport(interrupted, file);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr + '', /100%/);
    const once = await runImport(clean, file);
    assert.equal(once.code, 0, once.stderr);

    const [a, b] = [await fingerprint(interrupted.database), await fingerprint(clean.database)];
    assert.equal(a.counts['articles'], STORIES);
    assert.deepEqual(a.counts, b.counts);
    assert.deepEqual(a.digest, b.digest);
  });
});
