import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { JobRunner } from '../../shared/jobs/job-runner.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { startWebhookReceiver, verifyDatelineSignature, type ReceivedDelivery } from '../../testing/webhook-receiver.js';
import type { Actor } from '../articles/index.js';
import { insertWebhook } from './webhook.repository.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, WebhookSender } from './webhook-sender.js';
import { webhookDeliveryJob } from './webhook-delivery.job.js';
import type { Webhook, WebhookEvent } from './webhook.types.js';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe('webhook deliveries over real HTTP', () => {
  let t: TestApp;
  let editor: Actor;
  const receivers: Receiver[] = [];
  before(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
    editor = await t.factories.staffUser({ role: 'editor' });
  });
  after(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await t.close();
  });
  // Each test starts with no webhook switched on, so only its own receive anything.
  beforeEach(async () => {
    for (const webhook of await t.deps.webhooks.list()) await t.deps.webhooks.setActive(webhook.id, false, null);
  });

  async function receiverAndWebhook(events: WebhookEvent[] = ['story.published', 'story.updated', 'story.unpublished'], statuses?: number[]) {
    const receiver = await startWebhookReceiver(statuses);
    receivers.push(receiver);
    const webhook = await t.deps.webhooks.create({ name: 'Partner', url: receiver.url, events }, null);
    return { receiver, webhook };
  }

  const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);
  const deliveriesOf = async (webhook: Webhook) => (await t.deps.webhooks.deliveries(webhook.id, 1)).deliveries;
  async function publishedStory(slug: string) {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug, headline: `Headline of ${slug}` }));
    await t.deps.editing.publish(editor, id);
    return id;
  }
  function payloadOf(delivery: ReceivedDelivery, webhook: Webhook) {
    const payload = verifyDatelineSignature(delivery.body, delivery.headers['x-dateline-signature'] as string, webhook.secret, nowSeconds());
    assert.ok(payload, 'the signature verifies with the webhook secret');
    return payload as { id: string; event: string; occurred_at: string; article: Record<string, unknown> };
  }

  it('publishing sends one signed delivery that the receiver can verify', async () => {
    const { receiver, webhook } = await receiverAndWebhook();
    const id = await publishedStory('harbour-opens');
    assert.equal(receiver.received.length, 0, 'nothing is sent on the request path');
    assert.equal(await t.deps.webhookSender.runDue(), 1);
    assert.equal(receiver.received.length, 1);
    const [request] = receiver.received;
    assert.ok(request);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['user-agent'], 'Dateline-Webhooks/1');
    assert.equal(request.headers['x-dateline-event'], 'story.published');
    const payload = payloadOf(request, webhook);
    assert.equal(request.headers['x-dateline-delivery'], payload.id);
    assert.equal(payload.event, 'story.published');
    assert.equal(payload.occurred_at, t.clock.now().toISOString());
    assert.equal(payload.article['id'], id);
    assert.equal(payload.article['url'], 'https://news.example/article/harbour-opens');
    assert.equal(payload.article['headline'], 'Headline of harbour-opens');
    assert.equal(typeof (payload.article['section'] as { name?: unknown }).name, 'string');
    assert.equal((payload.article['authors'] as unknown[]).length, 1);
    assert.equal(payload.article['published_at'], t.clock.now().toISOString());

    // A tampered body, another secret or an old timestamp is refused by the same check.
    const header = request.headers['x-dateline-signature'] as string;
    assert.equal(verifyDatelineSignature(request.body.replace('harbour', 'harb0ur'), header, webhook.secret, nowSeconds()), undefined);
    assert.equal(verifyDatelineSignature(request.body, header, 'another secret', nowSeconds()), undefined);
    assert.equal(verifyDatelineSignature(request.body, header, webhook.secret, nowSeconds() + 301), undefined);

    const [logged] = await deliveriesOf(webhook);
    assert.equal(logged?.status, 'delivered');
    assert.equal(logged?.attempts, 1);
    assert.equal(logged?.lastStatusCode, 200);
    assert.equal(await t.deps.webhookSender.runDue(), 0, 'a delivered delivery is not sent again');
  });

  it('sends story.updated for saves and corrections of a published story, and story.unpublished for withdrawal and deletion', async () => {
    const { receiver, webhook } = await receiverAndWebhook();
    const id = await publishedStory('council-vote');
    await t.deps.editing.update(editor, id, await t.factories.articleInput({ slug: 'council-vote', headline: 'Council votes again' }));
    await t.deps.editing.addCorrection(editor, id, 'correction', 'The vote was on Tuesday.');
    await t.deps.editing.unpublish(editor, id);
    const gone = await publishedStory('to-be-deleted');
    await t.deps.editing.delete(editor, gone);
    // A draft that readers never saw sends nothing when deleted or saved.
    const draft = await t.deps.editing.createDraft(editor, await t.factories.articleInput());
    await t.deps.editing.update(editor, draft, await t.factories.articleInput());
    await t.deps.editing.delete(editor, draft);

    await t.deps.webhookSender.runDue();
    const payloads = receiver.received.map((request) => payloadOf(request, webhook));
    const sent = payloads.map((payload) => `${payload.event} ${String(payload.article['slug'])}`).sort();
    assert.deepEqual(sent, [
      'story.published council-vote',
      'story.published to-be-deleted',
      'story.unpublished council-vote',
      'story.unpublished to-be-deleted',
      'story.updated council-vote',
      'story.updated council-vote',
    ]);
    const deleted = payloads.find((payload) => payload.event === 'story.unpublished' && payload.article['id'] === gone);
    assert.deepEqual(deleted?.article, {
      id: gone,
      slug: 'to-be-deleted',
      url: 'https://news.example/article/to-be-deleted',
      headline: 'Headline of to-be-deleted',
    });
    const updated = payloads.find((payload) => payload.event === 'story.updated');
    assert.equal(updated?.article['headline'], 'Council votes again');
  });

  it("gives a story of another edition its address under that edition's prefix, deleted too", async () => {
    const { receiver, webhook } = await receiverAndWebhook();
    const korean = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' });
    const section = await t.factories.section({ slug: 'sahoe', name: '사회', editionId: korean.id });
    const input = await t.factories.articleInput({ slug: 'hangang-bridge', headline: '한강 다리 보수', sectionId: section.id, editionId: korean.id });
    const id = await t.deps.editing.createDraft(editor, input);
    await t.deps.editing.publish(editor, id);
    await t.deps.editing.delete(editor, id);
    await t.deps.webhookSender.runDue();
    const urls = receiver.received
      .map((request) => payloadOf(request, webhook))
      .map((payload) => `${payload.event} ${String(payload.article['url'])}`);
    assert.deepEqual(urls.sort(), [
      'story.published https://news.example/ko/article/hangang-bridge',
      'story.unpublished https://news.example/ko/article/hangang-bridge',
    ]);
  });

  it('sends story.published when a scheduled story goes live', async () => {
    const { receiver, webhook } = await receiverAndWebhook(['story.published']);
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'night-shift' }));
    await t.deps.editing.schedule(editor, id, new Date(t.clock.now().getTime() + 60_000));
    await t.deps.webhookSender.runDue();
    assert.equal(receiver.received.length, 0, 'scheduling is not publishing');
    t.clock.advance(60_000);
    assert.deepEqual(await t.deps.publisher.publishDue(), [id]);
    await t.deps.webhookSender.runDue();
    assert.equal(receiver.received.length, 1);
    const payload = payloadOf(receiver.received[0] as ReceivedDelivery, webhook);
    assert.equal(payload.event, 'story.published');
    assert.equal(payload.article['id'], id);
  });

  it('sends a webhook only the events it subscribes to, and nothing while it is disabled', async () => {
    const { receiver: onlyUnpublished, webhook } = await receiverAndWebhook(['story.unpublished']);
    const { receiver: disabled, webhook: off } = await receiverAndWebhook(['story.published', 'story.unpublished']);
    await t.deps.webhooks.setActive(off.id, false, null);
    const id = await publishedStory('selective');
    await t.deps.editing.update(editor, id, await t.factories.articleInput({ slug: 'selective' }));
    await t.deps.editing.unpublish(editor, id);
    await t.deps.webhookSender.runDue();
    assert.deepEqual(
      onlyUnpublished.received.map((request) => payloadOf(request, webhook).event),
      ['story.unpublished'],
    );
    assert.equal(disabled.received.length, 0);
    assert.equal((await deliveriesOf(off)).length, 0);
  });

  it('retries after the back-off when the receiver fails, then records the delivery with attempts=2', async () => {
    const { receiver, webhook } = await receiverAndWebhook(['story.published'], [500, 200]);
    await publishedStory('flaky-receiver');
    assert.equal(await t.deps.webhookSender.runDue(), 1);
    let [delivery] = await deliveriesOf(webhook);
    assert.equal(delivery?.status, 'pending');
    assert.equal(delivery?.attempts, 1);
    assert.equal(delivery?.lastStatusCode, 500);
    assert.equal(delivery?.nextAttemptAt?.getTime(), t.clock.now().getTime() + (RETRY_DELAYS_MS[0] ?? 0));
    t.clock.advance((RETRY_DELAYS_MS[0] ?? 0) - 1000);
    assert.equal(await t.deps.webhookSender.runDue(), 0, 'not before the back-off is over');
    t.clock.advance(1000);
    assert.equal(await t.deps.webhookSender.runDue(), 1);
    [delivery] = await deliveriesOf(webhook);
    assert.equal(delivery?.status, 'delivered');
    assert.equal(delivery?.attempts, 2);
    assert.equal(delivery?.lastStatusCode, 200);
    assert.equal(receiver.received.length, 2);
    assert.equal(receiver.received[0]?.body, receiver.received[1]?.body, 'a retry sends the same bytes');
    assert.equal(receiver.received[0]?.headers['x-dateline-delivery'], receiver.received[1]?.headers['x-dateline-delivery']);
  });

  it('gives up after the last attempt when the receiver is down, and a failed delivery can be sent again', async () => {
    const down = await startWebhookReceiver();
    await down.close();
    const webhook = await t.deps.webhooks.create({ name: 'Down', url: down.url, events: ['story.published'] }, null);
    await publishedStory('nobody-home');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(await t.deps.webhookSender.runDue(), 1, `attempt ${attempt}`);
      const [delivery] = await deliveriesOf(webhook);
      assert.equal(delivery?.attempts, attempt);
      assert.equal(delivery?.status, attempt < MAX_ATTEMPTS ? 'pending' : 'failed');
      assert.match(delivery?.lastError ?? '', /^connection failed/);
      assert.doesNotMatch(delivery?.lastError ?? '', /\n|at /, 'a short reason, never a stack');
      t.clock.advance(RETRY_DELAYS_MS[attempt - 1] ?? 0);
    }
    t.clock.advance(24 * 60 * 60_000);
    assert.equal(await t.deps.webhookSender.runDue(), 0, 'a failed delivery is not retried by itself');
    const [failed] = await deliveriesOf(webhook);
    assert.ok(failed);
    await t.deps.webhooks.redeliver(webhook.id, failed.id);
    const [requeued] = await deliveriesOf(webhook);
    assert.equal(requeued?.status, 'pending');
    assert.equal(requeued?.attempts, 0);
    await rejectsWithCode(t.deps.webhooks.redeliver(webhook.id, failed.id), 'ERR_WEBHOOK_REDELIVER_INVALID');
    await rejectsWithCode(t.deps.webhooks.redeliver(webhook.id, 'no-such-delivery'), 'ERR_WEBHOOK_DELIVERY_NOT_FOUND');
  });

  it('does not follow redirects', async () => {
    const { receiver, webhook } = await receiverAndWebhook(['story.published'], [302]);
    await publishedStory('moved-away');
    await t.deps.webhookSender.runDue();
    const [delivery] = await deliveriesOf(webhook);
    assert.equal(delivery?.status, 'pending');
    assert.equal(delivery?.lastStatusCode, 302);
    assert.deepEqual(
      receiver.received.map((request) => request.url),
      ['/hooks/dateline'],
      'the Location is never requested',
    );
  });

  it('gives up on a receiver that does not answer within the timeout, and retries later', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
      const webhook = await t.deps.webhooks.create({ name: 'Silent', url, events: ['story.published'] }, null);
      await publishedStory('no-answer');
      const impatient = new WebhookSender(t.deps.db, t.clock, { allowPrivate: true, timeoutMs: 200 });
      assert.equal(await impatient.runDue(), 1);
      const [delivery] = await deliveriesOf(webhook);
      assert.equal(delivery?.status, 'pending');
      assert.equal(delivery?.attempts, 1);
      assert.equal(delivery?.lastStatusCode, null);
      assert.match(delivery?.lastError ?? '', /^no answer within/);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('sends what was queued before a (re)start at once, then checks every 2 seconds, and stops when told', async () => {
    const { receiver } = await receiverAndWebhook(['story.published']);
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 5000;
      while (receiver.received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(receiver.received.length, count);
    };
    await publishedStory('queued-before-start');
    // The sender's job alone, as a (re)started node runs it.
    const jobs = new JobRunner({ clock: t.clock, locks: t.deps.cluster });
    jobs.register(webhookDeliveryJob(t.deps.webhookSender));
    jobs.start();
    try {
      await waitFor(1);
      await publishedStory('on-the-timer');
      await waitFor(2);
    } finally {
      await jobs.stop();
    }
  });

  it('sends a delivery once when two senders (two processes) race for it', async () => {
    const { receiver } = await receiverAndWebhook(['story.published']);
    await publishedStory('raced-1');
    await publishedStory('raced-2');
    const other = new WebhookSender(t.deps.db, t.clock, { allowPrivate: true });
    const counts = await Promise.all([t.deps.webhookSender.runDue(), other.runDue(), t.deps.webhookSender.runDue()]);
    assert.equal(
      counts.reduce((sum, count) => sum + count, 0),
      2,
    );
    assert.equal(receiver.received.length, 2);
    assert.equal(new Set(receiver.received.map((request) => request.headers['x-dateline-delivery'])).size, 2);
  });
});

describe('webhooks and private addresses (the default)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('refuses loopback, private and link-local addresses when saving, and nothing is saved', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0x7f000001/hook',
      'http://[fd00::1]/hook',
    ]) {
      await rejectsWithCode(t.deps.webhooks.create({ name: 'Inside', url, events: ['story.published'] }, null), 'ERR_WEBHOOK_URL_PRIVATE');
    }
    assert.equal((await t.deps.webhooks.list()).length, 0);
  });

  it('refuses to send to a private address even if one got stored (e.g. a name that now resolves inside)', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await insertWebhook(
        t.deps.db,
        { id: 'stored-inside', name: 'Inside', url: receiver.url, secret: 's', events: ['story.published'], createdByUserId: null },
        t.clock.now(),
      );
      await t.deps.webhooks.sendTest('stored-inside');
      assert.equal(await t.deps.webhookSender.runDue(), 1);
      const [delivery] = (await t.deps.webhooks.deliveries('stored-inside', 1)).deliveries;
      assert.equal(delivery?.status, 'pending');
      assert.equal(delivery?.attempts, 1);
      assert.match(delivery?.lastError ?? '', /private/);
      assert.equal(receiver.received.length, 0);
    } finally {
      await receiver.close();
    }
  });
});
