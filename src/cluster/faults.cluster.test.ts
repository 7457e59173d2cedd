import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { findArticleById } from '../modules/articles/article-page.repository.js';
import { findCommentById } from '../modules/comments/comment.repository.js';
import { createFactories } from '../testing/factories.js';
import { formTokenIn, HttpBrowser } from '../testing/http-browser.js';
import {
  createClusterDatabase,
  delay,
  eventually,
  freePort,
  startNode,
  stopAllNodes,
  type ClusterDatabase,
  type NodeProcess,
} from '../testing/node-process.js';
import { TcpProxy, ThrowawayRedis } from '../testing/throwaway-servers.js';

// Two real nodes on a Redis this file owns (so it can crash it) and on PostgreSQL through a proxy
// this file owns (so the database can "restart" without touching the server other tests share).
const databaseUrl = process.env['TEST_DATABASE_URL'];
const skip = !databaseUrl || !process.env['TEST_REDIS_URL'] ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;

/** How often a node writes the views it gathered: a Redis crash may lose at most this much. */
const VIEW_BATCH_MS = 1_000;
/** Slack for a batch being written at the moment of the crash. */
const FLUSH_SLACK_MS = 250;

interface Answer {
  at: number;
  status: number;
  code: string | null;
  header: string | null;
}

/** An answer a node may give while a backing service is down: anything but a 5xx other than a coded 503. */
function isClear(answer: Answer): boolean {
  return answer.status < 500 || (answer.status === 503 && answer.code !== null);
}

describe('faults: Redis and PostgreSQL going away under two nodes', { skip }, () => {
  let database: ClusterDatabase;
  let deps: Deps;
  let dataDir: string;
  let redis: ThrowawayRedis;
  let proxy: TcpProxy;
  let nodes: NodeProcess[] = [];
  let story: { id: string; slug: string };

  before(async () => {
    redis = new ThrowawayRedis(await freePort());
    await redis.start();
    database = await createClusterDatabase(databaseUrl ?? '');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-faults-'));
    deps = await createDeps(loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const factories = createFactories(deps);
    await factories.staff({ role: 'admin' });
    story = await factories.article({ slug: 'storm', headline: 'Storm closes the bridge' });

    const direct = new URL(database.url);
    proxy = new TcpProxy(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.open();
    const throughProxy = new URL(database.url);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    const env = {
      DATABASE_URL: throughProxy.toString(),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'dateline-faults:',
      SITE_URL: 'http://news.example',
      TRUST_PROXY: '1',
    };
    nodes = await Promise.all([startNode(env), startNode(env)]);
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    // A node whose sibling failed to start was never assigned: stopped here all the same.
    await stopAllNodes();
    await deps?.close();
    await proxy?.close();
    await redis?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  const node = (i: number) => nodes[i % nodes.length] as NodeProcess;
  const answerOf = (response: Response): Answer => ({
    at: Date.now(),
    status: response.status,
    code: response.headers.get('x-error-code'),
    header: response.headers.get('x-view') ?? response.headers.get('location'),
  });
  /** A request that cannot answer within 8 s counts as a failure, like a 500. */
  const failed = (): Answer => ({ at: Date.now(), status: 599, code: null, header: null });

  /** /healthz names its error in the JSON body (for load balancers), not in x-error-code. */
  async function withHealthCode(response: Response): Promise<Response> {
    if (response.status !== 503) return response;
    const body = (await response.json()) as { errors?: Array<{ code?: string }> };
    return new Response(null, { status: 503, headers: { 'x-error-code': body.errors?.[0]?.code ?? '' } });
  }

  async function signedUpReader(i: number): Promise<{ browser: HttpBrowser; token: string }> {
    const browser = new HttpBrowser({ forwardedFor: `10.70.0.${i + 1}` });
    const signUp = await browser.postForm(`${node(i).origin}/account/sign-up`, {
      'display-name': `Reader ${i}`,
      email: `reader${i}@readers.example`,
      password: 'a long reader password',
      next: '',
    });
    assert.equal(signUp.status, 303);
    // Confirmed as the mailed link would (docs/account-mail.md), then signed in.
    const email = `reader${i}@readers.example`;
    await deps.db.updateTable('readers').set({ confirmed_at: new Date().toISOString() }).where('email', '=', email).execute();
    const signIn = await browser.postForm(`${node(i).origin}/account/sign-in`, { email, password: 'a long reader password', next: '' });
    assert.equal(signIn.status, 303);
    const token = formTokenIn(await (await browser.get(`${node(i).origin}/account`)).text());
    assert.ok(token);
    return { browser, token };
  }

  it('loses no comment and at most one batch of views when Redis crashes and comes back', async (t) => {
    // 8 readers × 5 comments: within the per-reader and per-address comment limits.
    const readers = await Promise.all(Array.from({ length: 8 }, (_, i) => signedUpReader(i)));
    const before = (await findArticleById(deps.db, story.id))?.viewCount ?? 0;
    const beacons: Answer[] = [];
    const comments: Answer[] = [];
    let loading = true;
    let sent = 0;

    const beaconLoad = (async () => {
      for (let n = 0; loading; n++) {
        const response = await fetch(`${node(n).origin}/views`, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain',
            'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 reader-${n}`,
            'x-forwarded-for': `10.80.${n >> 8}.${n & 255}`,
          },
          body: JSON.stringify({ article: story.id }),
          signal: AbortSignal.timeout(8_000),
        }).catch(() => undefined);
        beacons.push(response ? answerOf(response) : failed());
        await delay(40);
      }
    })();
    const commentLoad = (async () => {
      for (let n = 0; loading && n < readers.length * 5; n++) {
        const reader = readers[n % readers.length];
        if (!reader) break;
        const response = await reader.browser
          .postForm(`${node(n).origin}/article/${story.slug}/comments`, { _csrf: reader.token, body: `Comment number ${n} under load.` }, {})
          .catch(() => undefined);
        comments.push(response ? answerOf(response) : failed());
        sent++;
        await delay(200);
      }
    })();

    // Sign-ins refuse rather than go unlimited while their shared limit is out of reach: a coded 503.
    const signIns: Answer[] = [];
    const signInLoad = (async () => {
      for (let n = 0; loading; n++) {
        const response = await new HttpBrowser({ forwardedFor: `10.90.0.${n & 255}` })
          .postForm(`${node(n).origin}/newsroom/sign-in`, { email: `guess${n}@news.example`, password: 'wrong', next: '' })
          .catch(() => undefined);
        signIns.push(response ? answerOf(response) : failed());
        await delay(300);
      }
    })();

    await delay(1_500);
    const killedAt = Date.now();
    await redis.kill();
    await delay(2_000);
    await redis.start();
    const restartedAt = Date.now();
    await delay(3_000);
    loading = false;
    await Promise.all([beaconLoad, commentLoad, signInLoad]);

    const outage = (answer: Answer) => answer.at > killedAt && answer.at < restartedAt;
    t.diagnostic(
      `beacons: ${beacons.length} (${beacons.filter(outage).length} during the outage, ${beacons.filter((a) => a.status !== 204).length} refused); comments: ${comments.length} (${comments.filter((a) => a.status !== 303).length} refused); sign-ins: ${signIns.length} (${signIns.filter((a) => a.status === 503).length} answered 503)`,
    );
    const unclear = [...beacons, ...comments, ...signIns].filter((answer) => !isClear(answer));
    assert.deepEqual(unclear, [], 'no 500, no hang: only answers or coded 503s');

    // Every comment the form accepted (303 to its anchor) is stored.
    const accepted = comments.filter((answer) => answer.status === 303 && /#comment-/.test(answer.header ?? ''));
    assert.ok(accepted.length > 0 && sent > 0);
    for (const answer of accepted) {
      const id = decodeURIComponent(/#comment-(.+)$/.exec(answer.header ?? '')?.[1] ?? '');
      assert.ok(await findCommentById(deps.db, id), `comment ${id} is stored`);
    }
    assert.ok(
      accepted.some((answer) => answer.at > restartedAt + 1_000),
      'comments are accepted again after Redis is back',
    );
    assert.ok(
      signIns.some((answer) => outage(answer) && answer.code === 'ERR_SERVICE_UNAVAILABLE'),
      'sign-in is refused, not unlimited, while its limit is out of reach',
    );
    assert.ok(
      signIns.some((answer) => answer.at > restartedAt + 1_000 && answer.code === 'ERR_SIGN_IN_FAILED'),
      'sign-ins are checked again after Redis is back',
    );

    // Views: each beacon is a new reader, so each `counted` answer is one view promised. Lost views
    // (promised minus stored) may not exceed the views promised in the last batch interval before
    // the crash (plus FLUSH_SLACK_MS for a write under way); stored may not exceed promised plus
    // the beacons that got no 204 (a refusal after the count would be the only way to over-count).
    const counted = beacons.filter((answer) => answer.status === 204 && answer.header === 'counted');
    const refused = beacons.filter((answer) => answer.status !== 204).length;
    const lastBatch = counted.filter((answer) => answer.at > killedAt - VIEW_BATCH_MS - FLUSH_SLACK_MS && answer.at <= killedAt).length;
    assert.ok(
      counted.some((answer) => answer.at > restartedAt + 1_000),
      'views are counted again after Redis is back',
    );
    const stored = async () => ((await findArticleById(deps.db, story.id))?.viewCount ?? 0) - before;
    await eventually(async () => (counted.length - (await stored()) <= lastBatch ? true : undefined), 5_000, 'the views to be written');
    await delay(VIEW_BATCH_MS + 500);
    const finalCount = await stored();
    t.diagnostic(`views counted ${counted.length}, stored ${finalCount}, allowed loss ${lastBatch}`);
    assert.ok(counted.length - finalCount <= lastBatch, `lost ${counted.length - finalCount} views, more than the last batch (${lastBatch})`);
    assert.ok(finalCount <= counted.length + refused, `stored ${finalCount} views for ${counted.length} counted and ${refused} refused`);
  });

  it('invalidates the other node’s cached pages again once Redis is back', async () => {
    // Runs after the crash above: the nodes' pub/sub subscriptions must have come back by themselves.
    const reader = await signedUpReader(30);
    await eventually(
      async () => {
        const response = await fetch(`${node(1).origin}/article/${story.slug}`);
        return response.headers.get('x-page-cache') === 'hit' ? true : undefined;
      },
      5_000,
      'the story cached on node 1',
    );
    const posted = await reader.browser.postForm(`${node(0).origin}/article/${story.slug}/comments`, {
      _csrf: reader.token,
      body: 'Written after the Redis restart.',
    });
    assert.equal(posted.status, 303);
    await eventually(
      async () =>
        (await (await fetch(`${node(1).origin}/article/${story.slug}`)).text()).includes('Written after the Redis restart.') ? true : undefined,
      3_000,
      'the comment on node 1',
    );
  });

  it('answers 503 while PostgreSQL is unreachable, never 500, and recovers by itself', async () => {
    const reader = await signedUpReader(20);
    for (const target of nodes) {
      await eventually(
        async () => ((await fetch(`${target.origin}/article/${story.slug}`)).headers.get('x-page-cache') === 'hit' ? true : undefined),
        5_000,
        'the story cached',
      );
    }
    await proxy.cut();
    const answers: Answer[] = [];
    const cachedPages: Answer[] = [];
    try {
      const outageEnds = Date.now() + 2_000;
      for (let n = 0; Date.now() < outageEnds; n++) {
        const target = node(n).origin;
        for (const request of [
          () => fetch(`${target}/healthz`, { signal: AbortSignal.timeout(8_000) }).then(withHealthCode),
          () => fetch(`${target}/article/missing-${n}`, { signal: AbortSignal.timeout(8_000) }),
          () => fetch(`${target}/search?q=bridge${n}`, { signal: AbortSignal.timeout(8_000) }),
          () => reader.browser.postForm(`${target}/article/${story.slug}/comments`, { _csrf: reader.token, body: `During the outage ${n}.` }),
        ]) {
          const response = await request().catch(() => undefined);
          answers.push(response ? answerOf(response) : failed());
        }
        // A page still in the node's cache needs no database: readers keep getting it.
        const cached = await fetch(`${target}/article/${story.slug}`, { signal: AbortSignal.timeout(8_000) }).catch(() => undefined);
        cachedPages.push(cached ? answerOf(cached) : failed());
        await delay(100);
      }
    } finally {
      await proxy.open();
    }
    assert.ok(answers.length >= 8);
    assert.deepEqual(
      cachedPages.filter((answer) => answer.status !== 200),
      [],
      'cached pages are served during the outage',
    );
    for (const answer of answers) {
      assert.equal(answer.status, 503, JSON.stringify(answer));
      assert.equal(answer.code, 'ERR_DATABASE_UNAVAILABLE');
    }

    // Back by themselves: no restart, no request needed to "wake" them beyond ordinary traffic.
    for (const [i, target] of nodes.entries()) {
      await eventually(async () => ((await fetch(`${target.origin}/healthz`)).status === 200 ? true : undefined), 10_000, `node ${i} healthy again`);
      assert.equal((await fetch(`${target.origin}/article/${story.slug}`)).status, 200);
    }
    const posted = await reader.browser.postForm(`${node(1).origin}/article/${story.slug}/comments`, {
      _csrf: reader.token,
      body: 'After the outage.',
    });
    assert.equal(posted.status, 303);
  });

  it('answers 503 within the connect timeout when PostgreSQL hangs rather than refuses', async () => {
    proxy.stall();
    let answers: Array<Answer & { ms: number }>;
    try {
      const started = Date.now();
      answers = await Promise.all(
        nodes.map(async (target, i) => {
          const response = await fetch(`${target.origin}/article/hung-${i}`, { signal: AbortSignal.timeout(12_000) }).catch(() => undefined);
          return { ...(response ? answerOf(response) : failed()), ms: Date.now() - started };
        }),
      );
    } finally {
      proxy.resume();
    }
    for (const answer of answers) {
      assert.equal(answer.status, 503, JSON.stringify(answer));
      assert.equal(answer.code, 'ERR_DATABASE_UNAVAILABLE');
      // The pool gives up connecting after 5 s (postgres.dialect.ts); a little more for the request.
      assert.ok(answer.ms < 8_000, `answered after ${answer.ms} ms`);
    }
    for (const [i, target] of nodes.entries()) {
      await eventually(async () => ((await fetch(`${target.origin}/healthz`)).status === 200 ? true : undefined), 10_000, `node ${i} healthy again`);
    }
  });
});
