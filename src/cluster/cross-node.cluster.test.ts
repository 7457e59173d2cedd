import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIGN_IN_LIMITS } from '../modules/users/index.js';
import { apiGet, errorCode } from '../testing/api-client.js';
import { signInOverHttp } from '../testing/newsroom-client.js';
import { eventually } from '../testing/node-process.js';
import type { TestApp } from '../testing/test-app.js';
import { CLUSTER_TEST_SKIP, createTestCluster, type TestCluster } from '../testing/test-cluster.js';

// Two nodes in this process (createTestCluster): their own memory, page caches and limiters' view,
// one PostgreSQL schema and one Redis between them. Messages cross through Redis pub/sub, so what
// one node changed shows on the other shortly after, not at once: checks on B poll for a while.
describe('what one node changes, the other sees', { skip: CLUSTER_TEST_SKIP }, () => {
  let cluster: TestCluster;
  let a: TestApp;
  let b: TestApp;

  before(async () => {
    cluster = await createTestCluster({ nodes: 2 });
    [a, b] = cluster.nodes as [TestApp, TestApp];
  });
  after(() => cluster.close());

  /** Waits until `url` on node B answers a page matching `pattern`. */
  const onB = (url: string, pattern: RegExp, what: string) =>
    eventually(
      async () => {
        const response = await b.app.inject({ url });
        return pattern.test(response.body) ? response : undefined;
      },
      5_000,
      what,
    );

  it('a story published on A shows on B’s cached home page, re-rendered there', async () => {
    const section = await a.factories.section({ name: 'City', slug: 'city' });
    await onB('/section/city', /City/, 'B to know the new section');
    await b.app.inject({ url: '/' });
    const cached = await b.app.inject({ url: '/' });
    assert.equal(cached.headers['x-page-cache'], 'hit');
    assert.doesNotMatch(cached.body, /Ferry strike ends/);

    await a.factories.article({ headline: 'Ferry strike ends', section });
    const fresh = await onB('/', /Ferry strike ends/, 'B’s home page to show the story');
    assert.equal(fresh.headers['x-page-cache'], 'miss', 're-rendered on B, not served from its cache');
  });

  it('a comment posted on A shows on B’s article page', async () => {
    await a.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
    const story = await a.factories.article({ headline: 'Harbour reopens' });
    const url = `/article/${story.slug}`;
    await onB(url, /Harbour reopens/, 'B to show the story');
    await b.app.inject({ url });
    assert.equal((await b.app.inject({ url })).headers['x-page-cache'], 'hit');

    const alice = await a.factories.reader({ displayName: 'Alice' });
    // B must know comments are open (a settings change on A) before A's comment is accepted there.
    await eventually(async () => (b.deps.settings.publication.commentsMode === 'open' ? true : undefined), 5_000, 'B to reload the settings');
    await a.deps.comments.post({ reader: alice.reader, slug: story.slug, body: 'Seen from the other node', ip: '192.0.2.10' });
    const page = await onB(url, /Seen from the other node/, 'B’s article page to show the comment');
    assert.match(page.body, /class="comment-count"[^>]*>1</);
  });

  it('a sign-in limit hit on A holds on B, and so does an account’s slow-down', async () => {
    const { user, password } = await a.factories.staff();
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount; i++) {
      const failed = await signInOverHttp(a.app, user.email, 'wrong password', { remoteAddress: '10.2.0.1' });
      assert.equal(failed.statusCode, 401);
    }
    const limited = await signInOverHttp(b.app, user.email, password, { remoteAddress: '10.2.0.1' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    // From another address the owner gets in on B, after the wait A's failures set.
    const waitsBefore = b.sleeps.length;
    assert.equal((await signInOverHttp(b.app, user.email, password, { remoteAddress: '10.2.1.1' })).statusCode, 303);
    assert.deepEqual(b.sleeps.slice(waitsBefore), [SIGN_IN_LIMITS.slowDown[0].delayMs]);
    cluster.clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal((await signInOverHttp(b.app, user.email, password, { remoteAddress: '10.2.0.1' })).statusCode, 303, 'the window passed, on both');
  });

  it('an API key revoked on A is refused by B at once, though B had it cached', async () => {
    const { user } = await a.factories.staff({ role: 'admin' });
    const { key, apiKey } = await a.deps.apiKeys.create('Partner', user.id);
    assert.equal((await apiGet(b, '/api/v1/articles', key)).statusCode, 200, 'B verified and cached the key');
    await a.deps.apiKeys.revoke(apiKey.id, user.id);
    // The clock stands still: without the message, B would trust its cache for the next 30 s.
    const refused = await eventually(
      async () => {
        const response = await apiGet(b, '/api/v1/articles', key);
        return response.statusCode === 401 ? response : undefined;
      },
      2_000,
      'B to refuse the revoked key',
    );
    assert.equal(errorCode(refused), 'ERR_API_KEY_REVOKED');
  });
});
