import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { createFactories } from '../testing/factories.js';
import { formTokenIn, HttpBrowser } from '../testing/http-browser.js';
import {
  createClusterDatabase,
  deleteRedisKeys,
  stopAllNodes,
  startNode,
  uniqueKeyPrefix,
  type ClusterDatabase,
  type NodeProcess,
} from '../testing/node-process.js';
import { openStream, parseEvents, payload } from '../web/site/live-stream.test-support.js';

// Live coverage across two real processes on one PostgreSQL and one Redis (docs/live.md): an update
// posted through node A's newsroom reaches a reader streaming from node B, and a reader who
// reconnects to B with Last-Event-ID gets exactly what it missed.
const databaseUrl = process.env['TEST_DATABASE_URL'];
const redisUrl = process.env['TEST_REDIS_URL'];
const skip = !databaseUrl || !redisUrl ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;

describe('live coverage on two nodes', { skip }, () => {
  let database: ClusterDatabase;
  let deps: Deps;
  let dataDir: string;
  const prefix = uniqueKeyPrefix();
  let a: NodeProcess;
  let b: NodeProcess;
  let editor: HttpBrowser;
  let story: { id: string; slug: string };

  before(async () => {
    database = await createClusterDatabase(databaseUrl ?? '');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-live-cluster-'));
    deps = await createDeps(loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const factories = createFactories(deps);
    const admin = await factories.staff({ role: 'admin', email: 'desk@news.example' });
    story = await factories.article({ slug: 'storm-live', typeLabel: 'Live' });
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl ?? '',
      REDIS_KEY_PREFIX: prefix,
      SITE_URL: 'http://news.example',
      TRUST_PROXY: '1',
    };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
    editor = new HttpBrowser({ forwardedFor: '10.40.0.1' });
    const signIn = await editor.postForm(`${a.origin}/newsroom/sign-in`, { email: admin.user.email, password: admin.password, next: '' });
    assert.equal(signIn.status, 303, 'the editor signs in on node A');
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await stopAllNodes();
    await deps?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteRedisKeys(redisUrl, prefix);
    await database?.drop();
  });

  /** Posts an update through node A's live desk, as the composer does without script. */
  async function postOnA(text: string): Promise<void> {
    const token = formTokenIn(await (await editor.get(`${a.origin}/newsroom/stories/${story.id}/live`)).text());
    const response = await editor.postForm(`${a.origin}/newsroom/stories/${story.id}/live/updates`, { _csrf: token ?? '', text });
    assert.equal(response.status, 303, `the update is posted on node A: ${response.status}`);
  }

  it('an update posted on node A reaches a reader streaming from node B within a second', async () => {
    const reader = await openStream(b.port, `/live/${story.id}/events?since=0`);
    try {
      assert.equal(reader.status, 200);
      const started = Date.now();
      await postOnA('Winds reach 120 km/h on the coast.');
      await reader.waitFor('Winds reach 120 km/h', 5000);
      assert.ok(Date.now() - started < 5000);
      const [event] = parseEvents(reader.text()).filter((e) => e.event === 'update');
      assert.equal(event?.id, '1');
      assert.match(payload(event).html ?? '', /class="live-update/);
    } finally {
      reader.close();
    }
    // Node B's page shows it too: its cached copy was purged through the cluster.
    const page = await (await new HttpBrowser().get(`${b.origin}/article/${story.slug}`)).text();
    assert.match(page, /Winds reach 120 km\/h/);
  });

  it('a reader reconnecting to node B with Last-Event-ID gets exactly the updates it missed', async () => {
    const seen = (await deps.live.coverage(story.id)).lastSequence;
    await postOnA('Ferries to the islands are cancelled.');
    await postOnA('The airport closes at noon.');
    const reader = await openStream(b.port, `/live/${story.id}/events`, { 'last-event-id': String(seen) });
    try {
      await reader.waitFor('The airport closes at noon.', 5000);
      const updates = parseEvents(reader.text()).filter((e) => e.event === 'update');
      assert.deepEqual(
        updates.map((e) => e.id),
        [String(seen + 1), String(seen + 2)],
      );
      assert.doesNotMatch(reader.text(), /Winds reach/, 'nothing it had already');
    } finally {
      reader.close();
    }
    const forged = await openStream(b.port, `/live/${story.id}/events`, { 'last-event-id': '999999' });
    try {
      await forged.waitFor('event: reset', 5000);
    } finally {
      forged.close();
    }
  });
});
