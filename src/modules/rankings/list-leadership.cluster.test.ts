import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectRedis, type Redis } from '../../cluster/redis.js';
import { RedisCluster } from '../../cluster/redis-cluster.js';
import { RedisListSnapshots } from '../../cluster/redis-list-snapshots.js';
import { RedisReaderDays } from '../../cluster/redis-reader-days.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createTestCluster, type TestCluster } from '../../testing/test-cluster.js';
import { RankedListsService } from './ranked-lists.service.js';

const REDIS_URL = process.env['TEST_REDIS_URL'];
const skip = !REDIS_URL || !process.env['TEST_DATABASE_URL'] ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;

const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline).filter((headline) => headline.startsWith('LL '));

/** Polls until `check` passes: messages between nodes arrive through Redis, a moment later. */
async function eventually(check: () => void, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('ranked lists computed once across the cluster, by the list leader', { skip }, () => {
  let t: TestApp;
  const base = `dateline-test:${randomUUID()}:`;
  const clusters: RedisCluster[] = [];
  let redis: Redis;

  /** A node's lists: its own cluster connection, sharing the database, the Redis and `prefix`. */
  async function node(prefix: string): Promise<{ cluster: RedisCluster; lists: RankedListsService; changes: number[] }> {
    const cluster = await RedisCluster.connect({
      url: REDIS_URL ?? '',
      keyPrefix: prefix,
      clock: t.clock,
      readerDays: (connection, keyPrefix) => new RedisReaderDays(connection, keyPrefix, () => 'UTC'),
    });
    clusters.push(cluster);
    const changes: number[] = [];
    const snapshots = new RedisListSnapshots(redis, prefix);
    const lists = new RankedListsService(
      t.deps.db,
      t.clock,
      t.deps.sectionAdmin,
      () => t.deps.settings.publication,
      () => changes.push(1),
      { cluster, snapshots },
      undefined,
      () => t.deps.editions.all.map((edition) => edition.id),
    );
    cluster.onMessage((message) => (message.type === 'lists.refreshed' ? lists.refresh() : undefined));
    return { cluster, lists, changes };
  }

  before(async () => {
    t = await createTestApp();
    redis = connectRedis(REDIS_URL ?? '');
    await t.deps.settings.updatePublication({ popularNowHours: 3, weeklyBestMaxAgeDays: 7 });
  });
  after(async () => {
    await Promise.all(clusters.map((cluster) => cluster.close()));
    const keys = await redis.keys(`${base}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await t.close();
  });

  it('the leader ranks and shares; a follower shows the same lists without ranking, until the leader refreshes', async () => {
    const section = await t.factories.section();
    const steady = await t.factories.article({ section, headline: 'LL steady', hoursAgo: 20 });
    const rising = await t.factories.article({ section, headline: 'LL rising', hoursAgo: 20 });
    await t.factories.views(steady.id, 300, { hoursAgo: 2 });
    await t.factories.views(rising.id, 100, { hoursAgo: 2 });
    const [leader, follower] = [await node(`${base}1:`), await node(`${base}1:`)];
    await leader.lists.refresh();
    await follower.lists.refresh();
    assert.deepEqual(headlines(follower.lists.current.weeklyBest), ['LL steady', 'LL rising']);
    assert.deepEqual(headlines(follower.lists.current.latest), headlines(leader.lists.current.latest));
    assert.deepEqual(
      follower.lists.sectionLatest(section.id).map((story) => story.id),
      leader.lists.sectionLatest(section.id).map((story) => story.id),
    );

    // The views change; a follower refreshing on its own still shows the leader's ranking: it did not rank.
    await t.factories.views(rising.id, 1_000, { hoursAgo: 1 });
    await follower.lists.refresh({ scheduled: true });
    assert.deepEqual(headlines(follower.lists.current.weeklyBest), ['LL steady', 'LL rising']);

    // The leader ranks again and tells the others, who load its new lists.
    await leader.lists.refresh();
    assert.deepEqual(headlines(leader.lists.current.weeklyBest), ['LL rising', 'LL steady']);
    await eventually(() => assert.deepEqual(headlines(follower.lists.current.weeklyBest), ['LL rising', 'LL steady']));
    assert.ok(follower.changes.length > 0, 'the follower drops its cached pages when its lists change');
  });

  it('with no shared lists to load (the leader has not shared yet), a follower computes its own', async () => {
    const section = await t.factories.section();
    await t.factories.article({ section, headline: 'LL before any leader', hoursAgo: 1 });
    const [leader, follower] = [await node(`${base}2:`), await node(`${base}2:`)];
    assert.ok(await leader.cluster.holdLock('lists', 60_000));
    await follower.lists.refresh();
    assert.ok(headlines(follower.lists.current.latest).includes('LL before any leader'));
  });

  it('another node takes over when the leader stops', async () => {
    const section = await t.factories.section();
    const late = await t.factories.article({ section, headline: 'LL after the leader left', hoursAgo: 1 });
    const [leader, follower] = [await node(`${base}3:`), await node(`${base}3:`)];
    await leader.lists.refresh();
    await follower.lists.refresh();
    await leader.cluster.close();
    await t.factories.views(late.id, 5_000, { hoursAgo: 1 });
    // Its lock freed on close: the next refresh makes the follower the leader, and it ranks.
    await follower.lists.refresh({ scheduled: true });
    assert.equal(headlines(follower.lists.current.weeklyBest)[0], 'LL after the leader left');
  });

  it('the shared lists carry every edition’s; a snapshot of the form before editions is not read, the node ranks', async () => {
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '한국어판', timeZone: 'Asia/Seoul' });
    const section = await t.factories.section();
    await t.deps.db.updateTable('sections').set({ edition_id: ko.id }).where('id', '=', section.id).execute();
    const seoul = await t.factories.article({ section, headline: 'LL 서울', hoursAgo: 0 });
    await t.deps.db.updateTable('articles').set({ edition_id: ko.id }).where('id', '=', seoul.id).execute();
    await t.factories.views(seoul.id, 50_000, { hoursAgo: 0 });
    const [leader, follower] = [await node(`${base}4:`), await node(`${base}4:`)];
    await leader.lists.refresh();
    await follower.lists.refresh();
    for (const list of ['latest', 'popularNow', 'weeklyBest'] as const) {
      assert.deepEqual(headlines(follower.lists.currentFor(ko.id)[list]), ['LL 서울'], list);
      assert.ok(!headlines(follower.lists.current[list]).includes('LL 서울'), list);
      assert.deepEqual(headlines(follower.lists.current[list]), headlines(leader.lists.current[list]), list);
    }
    // A node of the version before editions shared its lists: one set, no version. Read as the
    // default edition's, it would put the Korean story there; it is no snapshot, so the node ranks.
    const old = {
      computedAt: t.clock.now().toISOString(),
      latest: [seoul.id],
      latestBySection: [],
      weeklyBest: [seoul.id],
      popularNow: [seoul.id],
      mustReads: [],
    };
    await redis.set(`${base}5:lists:snapshot`, JSON.stringify(old));
    const [holder, upgraded] = [await node(`${base}5:`), await node(`${base}5:`)];
    assert.ok(await holder.cluster.holdLock('lists', 60_000));
    await upgraded.lists.refresh();
    assert.ok(!headlines(upgraded.lists.current.popularNow).includes('LL 서울'));
    assert.deepEqual(headlines(upgraded.lists.currentFor(ko.id).popularNow), ['LL 서울']);
  });
});

describe('ranked lists on two whole nodes (createDeps wiring)', { skip }, () => {
  let cluster: TestCluster;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    cluster = await createTestCluster();
    // Node A started first: it took the lock and is the list leader.
    [a, b] = cluster.nodes as [TestApp, TestApp];
  });
  after(() => cluster.close());

  it('B shows the lists A ranked, and A’s new ranking once A refreshes; a story published on A reaches B’s lists', async () => {
    const section = await a.factories.section();
    const first = await a.factories.article({ section, headline: 'LL first', hoursAgo: 5 });
    const second = await a.factories.article({ section, headline: 'LL second', hoursAgo: 5 });
    await a.factories.views(first.id, 200, { hoursAgo: 2 });
    await a.factories.views(second.id, 100, { hoursAgo: 2 });
    await a.deps.lists.refresh();
    await eventually(() => assert.deepEqual(headlines(b.deps.lists.current.weeklyBest), ['LL first', 'LL second']));

    await a.factories.views(second.id, 1_000, { hoursAgo: 1 });
    await b.deps.lists.refresh({ scheduled: true });
    assert.deepEqual(headlines(b.deps.lists.current.weeklyBest), ['LL first', 'LL second'], 'B, a follower, did not rank');
    await a.deps.lists.refresh();
    await eventually(() => assert.deepEqual(headlines(b.deps.lists.current.weeklyBest), ['LL second', 'LL first']));

    await a.factories.article({ section, headline: 'LL published on A', hoursAgo: 0 });
    await eventually(() => assert.equal(headlines(b.deps.lists.current.latest)[0], 'LL published on A'));
  });
});
