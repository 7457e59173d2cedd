import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { findArticleById } from '../modules/articles/article-page.repository.js';
import { createFactories } from '../testing/factories.js';
import { formTokenIn, HttpBrowser } from '../testing/http-browser.js';
import { startWebhookReceiver } from '../testing/webhook-receiver.js';
import {
  createClusterDatabase,
  deleteRedisKeys,
  delay,
  eventually,
  startNode,
  stopAllNodes,
  uniqueKeyPrefix,
  type ClusterDatabase,
  type NodeProcess,
} from '../testing/node-process.js';

// Two real processes on one PostgreSQL database and one Redis, talked to over real HTTP: what a
// load balancer in front of two machines would see. The test process reads the database through
// the repositories (its own Deps, no Redis) only to check what was stored.
const databaseUrl = process.env['TEST_DATABASE_URL'];
const redisUrl = process.env['TEST_REDIS_URL'];
const skip = !databaseUrl || !redisUrl ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;

/** A browser's user agent; `who` makes a distinct reader (same address, other browser). */
const browserAgent = (who: string) => `Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 ${who}`;

describe('two nodes on one PostgreSQL and one Redis', { skip }, () => {
  let database: ClusterDatabase;
  let deps: Deps;
  let dataDir: string;
  const prefix = uniqueKeyPrefix();
  let a: NodeProcess;
  let b: NodeProcess;
  let editor: HttpBrowser;
  let sectionId: string;
  let authorId: string;
  let scheduled: { id: string; slug: string; at: Date };
  /** Published before the nodes start: a node counts views only for stories it knows are live. */
  let viewed: { id: string };
  /** Receives `story.published` from whichever node sends it: the scheduled story must arrive once. */
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  before(async () => {
    database = await createClusterDatabase(databaseUrl ?? '');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cluster-'));
    // Migrates the new database and writes the staff and sections before any node starts, so the
    // nodes start together without racing to create the first admin.
    deps = await createDeps(loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEBHOOK_ALLOW_PRIVATE: '1' }));
    receiver = await startWebhookReceiver();
    await deps.webhooks.create({ name: 'Wire desk', url: receiver.url, events: ['story.published'] }, null);
    const factories = createFactories(deps);
    const admin = await factories.staff({ role: 'admin', email: 'chief@news.example' });
    const section = await factories.section({ name: 'City', slug: 'city' });
    sectionId = section.id;
    authorId = (await factories.author({ name: 'Ana Kim' })).id;
    await factories.article({ slug: 'harbour', headline: 'Harbour reopens', section, authorIds: [authorId] });
    viewed = await factories.article({ slug: 'views-exact', section, authorIds: [authorId] });

    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl ?? '',
      REDIS_KEY_PREFIX: prefix,
      SITE_URL: 'http://news.example',
      TRUST_PROXY: '1',
      WEBHOOK_ALLOW_PRIVATE: '1',
    };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);

    editor = new HttpBrowser({ forwardedFor: '10.20.0.1' });
    const signIn = await editor.postForm(`${a.origin}/newsroom/sign-in`, { email: admin.user.email, password: admin.password, next: '' });
    assert.equal(signIn.status, 303, 'the editor signs in on node A');

    // Scheduled first, so the wait for the publishers' next check overlaps the other cases.
    const at = new Date(Date.now() + 2_000);
    const id = await createStory({ headline: 'Tide tables published', slug: 'tide-tables' });
    const token = formTokenIn(await (await editor.get(`${a.origin}/newsroom/stories/${id}/edit`)).text());
    // The publication's time zone is UTC (the default), so its wall clock is the ISO time.
    const response = await editor.postForm(`${a.origin}/newsroom/stories/${id}/schedule`, { _csrf: token ?? '', at: at.toISOString().slice(0, 19) });
    assert.equal(response.status, 303, 'the story is scheduled on node A');
    scheduled = { id, slug: 'tide-tables', at };
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    // A node whose sibling failed to start was never assigned: stopped here all the same.
    await stopAllNodes();
    await deps?.close();
    await receiver?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteRedisKeys(redisUrl, prefix);
    await database?.drop();
  });

  /** Creates a draft through node A's newsroom; returns its id. */
  async function createStory(fields: { headline: string; slug: string }): Promise<string> {
    const form = await (await editor.get(`${a.origin}/newsroom/stories/new`)).text();
    const response = await editor.postForm(`${a.origin}/newsroom/stories/new`, [
      ['_csrf', formTokenIn(form) ?? ''],
      ['headline', fields.headline],
      ['standfirst', 'A standfirst.'],
      ['body', 'The body of the story.'],
      ['sectionId', sectionId],
      ['tags', ''],
      ['typeLabel', 'News'],
      ['slug', fields.slug],
      ['authorIds', authorId],
    ]);
    assert.equal(response.status, 303, `the draft is created: ${response.status}`);
    const id = /\/newsroom\/stories\/([^/]+)\/edit/.exec(response.headers.get('location') ?? '')?.[1];
    assert.ok(id);
    return id;
  }

  /**
   * GETs `url` anonymously until the node answers from its page cache. Not just twice: a node that
   * has just started may clear its cache once more when the cluster's first ranked lists arrive.
   */
  async function cachedOn(node: NodeProcess, url: string): Promise<void> {
    await eventually(
      async () => {
        const response = await new HttpBrowser().get(`${node.origin}${url}`);
        assert.equal(response.status, 200);
        return response.headers.get('x-page-cache') === 'hit' ? true : undefined;
      },
      5_000,
      `${url} served from node's page cache`,
    );
  }

  it('shows on node B a comment posted on node A, although B had the story cached', async () => {
    await cachedOn(b, '/article/harbour');
    const reader = new HttpBrowser({ forwardedFor: '10.30.0.1' });
    const signUp = await reader.postForm(`${a.origin}/account/sign-up`, {
      'display-name': 'Min',
      email: 'min@readers.example',
      password: 'a long reader password',
      next: '',
    });
    assert.equal(signUp.status, 303, 'the reader signs up on node A');
    // Confirmed as the mailed link would (docs/account-mail.md), then signed in.
    await deps.db.updateTable('readers').set({ confirmed_at: new Date().toISOString() }).where('email', '=', 'min@readers.example').execute();
    const signIn = await reader.postForm(`${a.origin}/account/sign-in`, {
      email: 'min@readers.example',
      password: 'a long reader password',
      next: '',
    });
    assert.equal(signIn.status, 303, 'the reader signs in on node A');
    const token = formTokenIn(await (await reader.get(`${a.origin}/account`)).text());
    const posted = await reader.postForm(`${a.origin}/article/harbour/comments`, { _csrf: token ?? '', body: 'Posted on node A, read on node B.' });
    assert.equal(posted.status, 303, 'the comment is posted on node A');

    const onB = await eventually(
      async () => {
        const page = await (await new HttpBrowser().get(`${b.origin}/article/harbour`)).text();
        return page.includes('Posted on node A, read on node B.') ? page : undefined;
      },
      3_000,
      'the comment on node B',
    );
    assert.ok(onB);
  });

  it('refreshes node B’s cached pages when a story is published on node A', async () => {
    await cachedOn(b, '/');
    const id = await createStory({ headline: 'Bridge to open in spring', slug: 'bridge-spring' });
    const token = formTokenIn(await (await editor.get(`${a.origin}/newsroom/stories/${id}/edit`)).text());
    const published = await editor.postForm(`${a.origin}/newsroom/stories/${id}/publish`, { _csrf: token ?? '' });
    assert.equal(published.status, 303, 'the story is published on node A');

    await eventually(
      async () => {
        const home = await (await new HttpBrowser().get(`${b.origin}/`)).text();
        return home.includes('Bridge to open in spring') ? true : undefined;
      },
      3_000,
      'the new headline on node B’s home page',
    );
  });

  it('counts a reader seen by both nodes once, and two readers twice', async () => {
    const story = viewed;
    const before = (await findArticleById(deps.db, story.id))?.viewCount ?? 0;
    const beacon = (node: NodeProcess, who: string, ip: string) =>
      fetch(`${node.origin}/views`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': browserAgent(who), 'x-forwarded-for': ip },
        body: JSON.stringify({ article: story.id }),
      });

    // One reader (same address, same browser) on both nodes; then two other browsers behind one address.
    const outcomes = [];
    for (const [node, who, ip] of [
      [a, 'one', '10.40.0.1'],
      [b, 'one', '10.40.0.1'],
      [a, 'two', '10.40.0.2'],
      [b, 'three', '10.40.0.2'],
    ] as const) {
      const response = await beacon(node, who, ip);
      assert.equal(response.status, 204);
      outcomes.push(response.headers.get('x-view'));
    }
    assert.equal(outcomes[0], 'counted');
    assert.notEqual(outcomes[1], 'counted', 'node B knows node A counted this reader today');
    assert.equal(outcomes[2], 'counted');
    assert.equal(outcomes[3], 'counted', 'another browser behind the same address is another reader');

    // Each node writes its batch every second: wait for both, then make sure nothing more arrives.
    await eventually(
      async () => ((await findArticleById(deps.db, story.id))?.viewCount === before + 3 ? true : undefined),
      5_000,
      'three stored views',
    );
    await delay(1_500);
    assert.equal((await findArticleById(deps.db, story.id))?.viewCount, before + 3);
  });

  it('refuses on node B an address whose sign-ins with one account failed on node A', async () => {
    const email = 'nobody-here@news.example';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await new HttpBrowser({ forwardedFor: '10.50.0.1' }).postForm(`${a.origin}/newsroom/sign-in`, {
        email,
        password: 'guess',
        next: '',
      });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('x-error-code'), 'ERR_SIGN_IN_FAILED');
    }
    const sixth = await new HttpBrowser({ forwardedFor: '10.50.0.1' }).postForm(`${b.origin}/newsroom/sign-in`, {
      email,
      password: 'guess',
      next: '',
    });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers.get('x-error-code'), 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
  });

  it('publishes a scheduled story, and sends its webhook, exactly once although both nodes run the jobs', async () => {
    // Both publishers check every 15 seconds; the story must be live within one check of its time.
    await eventually(
      async () => ((await new HttpBrowser().get(`${b.origin}/article/${scheduled.slug}`)).status === 200 ? true : undefined),
      Math.max(0, scheduled.at.getTime() - Date.now()) + 20_000,
      'the scheduled story on node B',
    );
    assert.equal((await new HttpBrowser().get(`${a.origin}/article/${scheduled.slug}`)).status, 200);
    // Give a second publisher (late, on the other node) the chance to publish it again.
    await delay(1_000);
    const entries = await deps.audit.list({ limit: 200 });
    const publishes = entries.filter((entry) => entry.action === 'story.published' && entry.subjectId === scheduled.id);
    assert.equal(publishes.length, 1, 'one publish in the audit log');
    // Both nodes run the webhook sender (every 2 s): the one delivery must be sent by one of them.
    await eventually(
      async () => (receiver.received.some((delivery) => delivery.body.includes(scheduled.id)) ? true : undefined),
      6_000,
      'the webhook delivery',
    );
    await delay(2_500);
    assert.equal(receiver.received.filter((delivery) => delivery.body.includes(scheduled.id)).length, 1, 'one webhook delivery');
  });
});
