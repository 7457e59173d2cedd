import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { startWebhookReceiver, verifyDatelineSignature, type ReceivedDelivery } from '../../testing/webhook-receiver.js';
import { csrfTokenFor } from '../http/csrf.js';

const SECRET = 'purge-secret-for-tests-0123456789';

/**
 * A reader's comment posted on the site reaches the CDN purge hook (src/modules/cdn/, whose own test
 * covers the other changes): the story's pages, not the lists (purged only when they are recomputed
 * with other stories in them) and never the whole site.
 */
describe('CDN purge hook, on a comment posted on the site', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);
  /** Every key purged since the last reset, each request's signature checked on the way. */
  const purgedKeys = async (): Promise<string[]> => {
    await t.deps.cdn.idle();
    return receiver.received.flatMap((request: ReceivedDelivery) => {
      assert.equal(request.headers['content-type'], 'application/json');
      const payload = verifyDatelineSignature(request.body, request.headers['x-dateline-signature'] as string, SECRET, nowSeconds()) as
        { keys: string[] } | undefined;
      assert.ok(payload, 'the purge request is signed with CDN_PURGE_SECRET');
      return payload.keys;
    });
  };

  before(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp({ env: { CDN_PURGE_URL: receiver.url, CDN_PURGE_SECRET: SECRET } });
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });

  it('purges the story, and neither the lists nor the site, when a comment is posted', async () => {
    await t.deps.settings.updatePublication({ commentsMode: 'open' });
    const story = await t.factories.article();
    const reader = await t.factories.reader();
    await t.deps.cdn.idle();
    receiver.received.length = 0;

    const response = await t.app.inject({
      method: 'POST',
      url: `/article/${story.slug}/comments`,
      remoteAddress: '203.0.113.9',
      headers: { cookie: reader.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfTokenFor(reader.cookie.split('=')[1] ?? ''), body: 'Good news for the island.' }).toString(),
    });
    assert.equal(response.statusCode, 201, response.body);
    const keys = await purgedKeys();
    assert.deepEqual(keys, [`article-${story.id}`]);
  });
});
