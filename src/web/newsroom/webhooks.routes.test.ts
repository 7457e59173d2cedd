import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { csrfTokenIn, signInStaff } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { startWebhookReceiver, verifyDatelineSignature } from '../../testing/webhook-receiver.js';
import { countDeliveries } from '../../modules/webhooks/webhook.repository.js';
import { RETRY_DELAYS_MS } from '../../modules/webhooks/webhook-sender.js';
import { DELIVERIES_PAGE_SIZE } from '../../modules/webhooks/webhook.service.js';

/** Posts a form whose fields may repeat (the event checkboxes), as a browser would. */
function postFields(app: FastifyInstance, url: string, fields: Array<[string, string]>, cookie: string) {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

describe('webhooks in the newsroom', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let adminCookie: string;
  let csrf: string;
  before(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
    receiver = await startWebhookReceiver();
    const { user } = await t.factories.staff({ role: 'admin' });
    adminCookie = await t.factories.sessionCookie(user.id);
    csrf = csrfTokenIn((await t.app.inject({ url: '/newsroom', headers: { cookie: adminCookie } })).body);
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  const get = (url: string, cookie = adminCookie) => t.app.inject({ url, headers: { cookie } });
  const form = (name: string, url: string, events: string[]): Array<[string, string]> => [
    ['_csrf', csrf],
    ['name', name],
    ['url', url],
    ...events.map((event): [string, string] => ['events', event]),
  ];
  async function createOverHttp(name: string, events = ['story.published']) {
    const response = await postFields(t.app, '/newsroom/webhooks/new', form(name, receiver.url, events), adminCookie);
    assert.equal(response.statusCode, 303);
    const match = /^\/newsroom\/webhooks\/([^/?]+)\?done=created$/.exec(response.headers.location ?? '');
    assert.ok(match?.[1]);
    return match[1];
  }

  it('creates a webhook with a server-made secret, lists it, edits it, rotates the secret and audits each step', async () => {
    const id = await createOverHttp('Wire partner', ['story.published', 'story.unpublished']);
    const page = await get(`/newsroom/webhooks/${id}?done=created`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const secret = /<code class="webhook-secret">([A-Za-z0-9_-]{43})<\/code>/.exec(page.body)?.[1];
    assert.ok(secret, 'the 32-byte secret is shown to the admin');
    assert.match(page.body, /<label for="name">Name<\/label>/);
    assert.match(page.body, /<input id="events" name="events" type="checkbox" value="story.published" checked/);

    const list = await get('/newsroom/webhooks');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<a href="\/newsroom\/webhooks" aria-current="page">Webhooks<\/a>/);
    assert.match(list.body, /Wire partner/);
    assert.match(list.body, /story\.published, story\.unpublished/);
    assert.match(list.body, /<caption class="visually-hidden">Webhooks<\/caption>/);

    const edited = await postFields(
      t.app,
      `/newsroom/webhooks/${id}`,
      form('Wire partner (EU)', `${receiver.url}?region=eu`, ['story.updated']),
      adminCookie,
    );
    assert.equal(edited.statusCode, 303);
    const webhook = await t.deps.webhooks.require(id);
    assert.equal(webhook.name, 'Wire partner (EU)');
    assert.deepEqual(webhook.events, ['story.updated']);
    assert.equal(webhook.secret, secret, 'editing keeps the secret');

    const rotated = await postFields(t.app, `/newsroom/webhooks/${id}/rotate-secret`, [['_csrf', csrf]], adminCookie);
    assert.equal(rotated.statusCode, 303);
    const fresh = (await t.deps.webhooks.require(id)).secret;
    assert.notEqual(fresh, secret);
    assert.match(fresh, /^[A-Za-z0-9_-]{43}$/);

    const disabled = await postFields(
      t.app,
      `/newsroom/webhooks/${id}/active`,
      [
        ['_csrf', csrf],
        ['active', 'no'],
      ],
      adminCookie,
    );
    assert.equal(disabled.statusCode, 303);
    assert.equal((await t.deps.webhooks.require(id)).active, false);

    const entries = (await t.deps.audit.list({ limit: 100 })).filter((entry) => entry.subjectId === id);
    assert.deepEqual(entries.map((entry) => entry.action).sort(), [
      'webhook.created',
      'webhook.secret_rotated',
      'webhook.updated',
      'webhook.updated',
    ]);
    assert.doesNotMatch(JSON.stringify(entries), new RegExp(fresh), 'the secret is never audited');
  });

  it('answers bad input with a 400 and its code, and saves nothing', async () => {
    const before = (await t.deps.webhooks.list()).length;
    const cases: Array<[Array<[string, string]>, string]> = [
      [form('FTP', 'ftp://files.example/hook', ['story.published']), 'ERR_WEBHOOK_URL_INVALID'],
      [form('Script', 'javascript:alert(1)', ['story.published']), 'ERR_WEBHOOK_URL_INVALID'],
      [form('Relative', '/hooks/dateline', ['story.published']), 'ERR_WEBHOOK_URL_INVALID'],
      [form('Long', `${receiver.url}?${'x'.repeat(3000)}`, ['story.published']), 'ERR_WEBHOOK_URL_INVALID'],
      [form('Credentials', 'http://user:secret@127.0.0.1/hook', ['story.published']), 'ERR_WEBHOOK_URL_INVALID'],
      [form('No events', receiver.url, []), 'ERR_WEBHOOK_EVENTS_INVALID'],
      [form('Unknown event', receiver.url, ['story.published', 'story.deleted']), 'ERR_WEBHOOK_EVENTS_INVALID'],
      [form('', receiver.url, ['story.published']), 'ERR_WEBHOOK_NAME_INVALID'],
      [form('   ', receiver.url, ['story.published']), 'ERR_WEBHOOK_NAME_INVALID'],
      [form('n'.repeat(101), receiver.url, ['story.published']), 'ERR_WEBHOOK_NAME_INVALID'],
    ];
    for (const [fields, code] of cases) {
      const response = await postFields(t.app, '/newsroom/webhooks/new', fields, adminCookie);
      assert.equal(response.statusCode, 400, code);
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, /class="error-summary" role="alert"/);
    }
    assert.equal((await t.deps.webhooks.list()).length, before);

    const id = await createOverHttp('Keep me');
    const bad = await postFields(t.app, `/newsroom/webhooks/${id}`, form('Keep me', 'javascript:alert(1)', ['story.published']), adminCookie);
    assert.equal(bad.statusCode, 400);
    assert.equal((await t.deps.webhooks.require(id)).url, receiver.url, 'a bad edit changes nothing');
    const badSwitch = await postFields(
      t.app,
      `/newsroom/webhooks/${id}/active`,
      [
        ['_csrf', csrf],
        ['active', 'maybe'],
      ],
      adminCookie,
    );
    assert.equal(badSwitch.statusCode, 400);
    assert.equal((await get('/newsroom/webhooks/no-such-webhook')).headers['x-error-code'], 'ERR_WEBHOOK_NOT_FOUND');
    assert.equal((await get(`/newsroom/webhooks/${id}/deliveries?page=0`)).headers['x-error-code'], 'ERR_INVALID_PAGE_NUMBER');
  });

  it('sends a signed test delivery and shows it in the delivery log; failed ones can be sent again', async () => {
    // Answers the first ping, fails the second for good (six attempts), then accepts it when sent again.
    const flaky = await startWebhookReceiver([200, 503, 503, 503, 503, 503, 503, 200]);
    const created = await postFields(t.app, '/newsroom/webhooks/new', form('Pinged', flaky.url, ['story.published']), adminCookie);
    const id = /^\/newsroom\/webhooks\/([^/?]+)/.exec(created.headers.location ?? '')?.[1] ?? '';
    const sent = await postFields(t.app, `/newsroom/webhooks/${id}/test`, [['_csrf', csrf]], adminCookie);
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `/newsroom/webhooks/${id}/deliveries?done=test`);
    await t.deps.webhookSender.runDue();
    const ping = flaky.received.find((request) => request.headers['x-dateline-event'] === 'ping');
    assert.ok(ping);
    const { secret } = await t.deps.webhooks.require(id);
    const payload = verifyDatelineSignature(
      ping.body,
      ping.headers['x-dateline-signature'] as string,
      secret,
      Math.floor(t.clock.now().getTime() / 1000),
    );
    assert.deepEqual((payload as { webhook: unknown }).webhook, { id, name: 'Pinged' });

    const failedId = await t.deps.webhooks.sendTest(id);
    for (const delay of [...RETRY_DELAYS_MS, 0]) {
      assert.equal(await t.deps.webhookSender.runDue(), 1);
      t.clock.advance(delay);
    }
    const log = await get(`/newsroom/webhooks/${id}/deliveries`);
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /<caption class="visually-hidden">Deliveries of Pinged<\/caption>/);
    assert.match(log.body, /<td class="delivery-delivered">Delivered<\/td><td>1<\/td><td>200<\/td>/);
    assert.match(log.body, /<td class="delivery-failed">Failed<\/td><td>6<\/td><td>503<\/td><td>HTTP 503<\/td>/);
    assert.equal((log.body.match(/Send again/g) ?? []).length, 1, 'only the failed delivery can be sent again');

    const again = await postFields(t.app, `/newsroom/webhooks/${id}/deliveries/${failedId}/redeliver`, [['_csrf', csrf]], adminCookie);
    assert.equal(again.statusCode, 303);
    await t.deps.webhookSender.runDue();
    const redelivered = (await t.deps.webhooks.deliveries(id, 1)).deliveries.find((delivery) => delivery.id === failedId);
    assert.equal(redelivered?.status, 'delivered');
    assert.equal(redelivered?.attempts, 1);
    const twice = await postFields(t.app, `/newsroom/webhooks/${id}/deliveries/${failedId}/redeliver`, [['_csrf', csrf]], adminCookie);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.headers['x-error-code'], 'ERR_WEBHOOK_REDELIVER_INVALID');

    const list = await get('/newsroom/webhooks');
    assert.match(list.body, /Delivered \(HTTP 200\)/, 'the list shows the latest delivery');
    await flaky.close();
  });

  it('pages the delivery log, newest first', async () => {
    const id = await createOverHttp('Busy');
    for (let n = 0; n < DELIVERIES_PAGE_SIZE + 2; n++) {
      await t.deps.webhooks.sendTest(id);
      t.clock.advance(1000);
    }
    const first = await get(`/newsroom/webhooks/${id}/deliveries`);
    assert.match(first.body, new RegExp(`${DELIVERIES_PAGE_SIZE + 2} deliveries`));
    assert.match(first.body, /href="\/newsroom\/webhooks\/[^"]+\/deliveries\?page=2" rel="next"/);
    const second = await get(`/newsroom/webhooks/${id}/deliveries?page=2`);
    assert.equal((second.body.match(/<tr id="delivery-/g) ?? []).length, 2);
    const times = [...first.body.matchAll(/<th scope="row"><time dateTime="([^"]+)"/g)].map((match) => match[1] ?? '');
    assert.deepEqual(times, [...times].sort().reverse());
  });

  it('deletes a webhook and its log after a confirmation page', async () => {
    const id = await createOverHttp('Short-lived');
    await t.deps.webhooks.sendTest(id);
    const confirm = await get(`/newsroom/webhooks/${id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Yes, delete this webhook/);
    const deleted = await postFields(t.app, `/newsroom/webhooks/${id}/delete`, [['_csrf', csrf]], adminCookie);
    assert.equal(deleted.statusCode, 303);
    assert.equal((await get(`/newsroom/webhooks/${id}`)).statusCode, 404);
    assert.equal(await countDeliveries(t.deps.db, id), 0);
    assert.ok((await t.deps.audit.list({ limit: 100 })).some((entry) => entry.action === 'webhook.deleted' && entry.subjectId === id));
  });

  it('is for admins only, and every change needs the CSRF token', async () => {
    const id = await createOverHttp('Guarded');
    const { user } = await t.factories.staff({ role: 'editor' });
    const editorCookie = await t.factories.sessionCookie(user.id);
    const editorCsrf = csrfTokenIn((await get('/newsroom', editorCookie)).body);
    assert.doesNotMatch((await get('/newsroom', editorCookie)).body, /href="\/newsroom\/webhooks"/, 'no Webhooks link for an editor');
    for (const url of ['/newsroom/webhooks', '/newsroom/webhooks/new', `/newsroom/webhooks/${id}`, `/newsroom/webhooks/${id}/deliveries`]) {
      const response = await get(url, editorCookie);
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    }
    const count = (await t.deps.webhooks.list()).length;
    const byEditor = await postFields(
      t.app,
      '/newsroom/webhooks/new',
      [
        ['_csrf', editorCsrf],
        ['name', 'Sneaky'],
        ['url', receiver.url],
        ['events', 'story.published'],
      ],
      editorCookie,
    );
    assert.equal(byEditor.statusCode, 403);
    assert.equal(byEditor.headers['x-error-code'], 'ERR_FORBIDDEN');
    for (const action of ['rotate-secret', 'delete', 'test']) {
      const response = await postFields(t.app, `/newsroom/webhooks/${id}/${action}`, [['_csrf', editorCsrf]], editorCookie);
      assert.equal(response.statusCode, 403, action);
    }
    const noCsrf = await postFields(t.app, '/newsroom/webhooks/new', form('No token', receiver.url, ['story.published']).slice(1), adminCookie);
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const rotateNoCsrf = await postFields(t.app, `/newsroom/webhooks/${id}/rotate-secret`, [], adminCookie);
    assert.equal(rotateNoCsrf.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.equal((await t.deps.webhooks.list()).length, count);
    assert.ok(await t.deps.webhooks.require(id));
    const signedOut = await t.app.inject({ url: '/newsroom/webhooks' });
    assert.equal(signedOut.statusCode, 303);
  });
});

describe('webhooks in the newsroom, private addresses refused (the default)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('refuses a loopback URL with a 400 and saves nothing', async () => {
    const { cookie, csrf: _csrf } = await signInStaff(t, 'admin', '/newsroom/webhooks/new');
    const fields: Array<[string, string]> = [
      ['_csrf', _csrf],
      ['name', 'Inside'],
      ['url', 'http://127.0.0.1:9/hook'],
      ['events', 'story.published'],
    ];
    const response = await postFields(t.app, '/newsroom/webhooks/new', fields, cookie);
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_WEBHOOK_URL_PRIVATE');
    assert.equal((await t.deps.webhooks.list()).length, 0);
  });
});
