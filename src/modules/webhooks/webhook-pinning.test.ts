import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { isPrivateAddress, type ResolvedAddress, type Resolver } from './webhook-address.js';
import { insertWebhook } from './webhook.repository.js';
import { WebhookSender } from './webhook-sender.js';

/**
 * DNS rebinding: a name that resolves to a public address when checked and to a loopback one a
 * moment later must never lead a delivery inside. No test may send traffic off this machine, so
 * 127.0.0.2 stands in for the public address (the sender's `isRefusedAddress`, which no setting
 * reaches, lets it through); 127.0.0.1 is the inside the rebinding aims at. Both servers listen on
 * the same port, so the address the socket connects to is the only difference between them.
 */
const STAND_IN_PUBLIC = '127.0.0.2';
const isRefusedAddress = (address: string) => address !== STAND_IN_PUBLIC && isPrivateAddress(address);

interface Recorder {
  server: Server;
  received: Array<{ url: string; headers: IncomingHttpHeaders }>;
}

function recorder(answer: (url: string) => { status: number; location?: string } = () => ({ status: 200 })): Recorder {
  const received: Recorder['received'] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers });
      const { status, location } = answer(request.url ?? '');
      response.writeHead(status, location ? { location } : {}).end('ok');
    });
  });
  return { server, received };
}

function listen(server: Server | tls.Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Answers each look-up with the next of `answers` (the last repeats), counting the look-ups. */
function scriptedResolver(...answers: ResolvedAddress[][]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
  };
  return Object.assign(resolve, { calls });
}
const at = (address: string): ResolvedAddress[] => [{ address, family: 4 }];

describe('webhook deliveries connect to the address that was checked', () => {
  let t: TestApp;
  let port: number;
  let checked: Recorder;
  let inside: Recorder;
  const servers: Array<Server | tls.Server> = [];

  before(async () => {
    t = await createTestApp();
    inside = recorder();
    checked = recorder();
    servers.push(inside.server, checked.server);
    port = await listen(inside.server, '127.0.0.1');
    await listen(checked.server, STAND_IN_PUBLIC, port);
  });
  after(async () => {
    for (const server of servers) {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await t.close();
  });

  let webhookCount = 0;
  /** A webhook stored as-is (the save-time check uses the system's resolver), with one delivery queued. */
  async function queuedDelivery(url: string): Promise<string> {
    const id = `pinned-${++webhookCount}`;
    await insertWebhook(t.deps.db, { id, name: 'Partner', url, secret: 's', events: ['story.published'], createdByUserId: null }, t.clock.now());
    await t.deps.webhooks.sendTest(id);
    return id;
  }
  const lastDelivery = async (webhookId: string) => (await t.deps.webhooks.deliveries(webhookId, 1)).deliveries[0];

  it('resolves once and connects to the checked address, even when the name answers loopback a moment later', async () => {
    // `localhost` also resolves to loopback for the system: a sender that looked the name up again
    // (as fetch does) would reach the inside server, and the checked one would get nothing.
    const resolve = scriptedResolver(at(STAND_IN_PUBLIC), at('127.0.0.1'));
    const sender = new WebhookSender(t.deps.db, t.clock, { allowPrivate: false, resolve, isRefusedAddress });
    const webhookId = await queuedDelivery(`http://localhost:${port}/hook?x=1`);
    assert.equal(await sender.runDue(), 1);

    assert.deepEqual(resolve.calls, ['localhost'], 'one look-up for the send');
    assert.equal(inside.received.length, 0, 'the loopback server is never reached');
    assert.equal(checked.received.length, 1);
    assert.equal(checked.received[0]?.url, '/hook?x=1');
    assert.equal(checked.received[0]?.headers.host, `localhost:${port}`, 'the Host header still names the host');
    assert.equal((await lastDelivery(webhookId))?.status, 'delivered');
  });

  it('refuses the send when the look-up answers loopback, or any private address among public ones', async () => {
    for (const answer of [at('127.0.0.1'), [...at(STAND_IN_PUBLIC), ...at('10.0.0.7')], [{ address: '::1', family: 6 as const }]]) {
      const sender = new WebhookSender(t.deps.db, t.clock, { allowPrivate: false, resolve: scriptedResolver(answer), isRefusedAddress });
      const webhookId = await queuedDelivery(`http://localhost:${port}/hook`);
      assert.equal(await sender.runDue(), 1);
      const delivery = await lastDelivery(webhookId);
      assert.equal(delivery?.status, 'pending');
      assert.equal(delivery?.lastStatusCode, null);
      assert.match(delivery?.lastError ?? '', /private/);
    }
    assert.equal(inside.received.length, 0);
  });

  it('records a name that does not resolve as a failed attempt', async () => {
    const failing: Resolver = () => Promise.reject(Object.assign(new Error('no such name'), { code: 'ENOTFOUND' }));
    const sender = new WebhookSender(t.deps.db, t.clock, { allowPrivate: false, resolve: failing, isRefusedAddress });
    const webhookId = await queuedDelivery(`http://hooks.partner.example:${port}/hook`);
    assert.equal(await sender.runDue(), 1);
    assert.match((await lastDelivery(webhookId))?.lastError ?? '', /did not resolve/);
  });

  it('never follows a redirect, to another host or a loopback address', async () => {
    const redirecting = recorder(() => ({ status: 302, location: `http://127.0.0.1:${port}/inside` }));
    servers.push(redirecting.server);
    const redirectPort = await listen(redirecting.server, STAND_IN_PUBLIC);
    const sender = new WebhookSender(t.deps.db, t.clock, { allowPrivate: false, resolve: scriptedResolver(at(STAND_IN_PUBLIC)), isRefusedAddress });
    const webhookId = await queuedDelivery(`http://partner.example:${redirectPort}/hook`);
    const insideBefore = inside.received.length;
    assert.equal(await sender.runDue(), 1);
    assert.equal(redirecting.received.length, 1);
    assert.equal(inside.received.length, insideBefore, 'the Location is never requested');
    const delivery = await lastDelivery(webhookId);
    assert.equal(delivery?.status, 'pending', 'a failed attempt, retried later');
    assert.equal(delivery?.lastStatusCode, 302);
    assert.match(delivery?.lastError ?? '', /redirect/);
  });

  it('over HTTPS sends the name as SNI to the checked address', async () => {
    // No certificate is needed to see the ClientHello: the server notes the name and ends the handshake.
    const names: string[] = [];
    const server = tls.createServer({
      SNICallback: (name, callback) => {
        names.push(name);
        callback(new Error('test server: handshake ends here'));
      },
    });
    server.on('tlsClientError', () => undefined);
    servers.push(server);
    const tlsPort = await listen(server, STAND_IN_PUBLIC);
    const sender = new WebhookSender(t.deps.db, t.clock, { allowPrivate: false, resolve: scriptedResolver(at(STAND_IN_PUBLIC)), isRefusedAddress });
    const webhookId = await queuedDelivery(`https://hooks.partner.example:${tlsPort}/hook`);
    assert.equal(await sender.runDue(), 1);
    assert.deepEqual(names, ['hooks.partner.example']);
    const delivery = await lastDelivery(webhookId);
    assert.equal(delivery?.status, 'pending');
    assert.match(delivery?.lastError ?? '', /^connection failed/);
  });
});
