import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { freePort } from '../../testing/node-process.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { MailSender, RETRY_DELAYS_MS } from './mail-sender.js';
import type { OutgoingMail } from './mail.types.js';

function mail(to: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to,
    toName: 'Ada Reader',
    subject: `Hello ${to}`,
    html: '<!DOCTYPE html><html lang="en"><body><p>Hello <b>HTML</b></p></body></html>',
    text: 'Hello text',
    kind: 'reader.confirm',
    ...overrides,
  };
}

/** Runs the sender until a run tries nothing (the clock held still: the rate's one second at most). */
async function drain(sender: Pick<MailSender, 'runDue'>): Promise<number> {
  let total = 0;
  for (;;) {
    const tried = await sender.runDue();
    if (tried === 0) return total;
    total += tried;
  }
}

describe('mail delivery over real SMTP', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: '"The Desk" <desk@news.example>', MAIL_RATE_PER_MINUTE: '6000' } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const received = (to: string) => smtp.messages.filter((message) => message.to.includes(to));

  it('sends the HTML and text parts, the name and the extra headers, and marks the message sent', async () => {
    const { id } = await t.deps.mail.enqueue(mail('ada@example.com', { headers: { 'List-Unsubscribe': '<https://news.example/u/1>' } }));
    assert.equal(t.deps.mailSender.mode, 'smtp');
    await drain(t.deps.mailSender);
    const [message] = await smtp.waitFor(() => received('ada@example.com').length === 1).then(() => received('ada@example.com'));
    assert.ok(message);
    assert.equal(message.from, 'desk@news.example');
    assert.equal(message.parsed.from?.value[0]?.name, 'The Desk');
    assert.equal(message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value[0]?.name : undefined, 'Ada Reader');
    assert.equal(message.parsed.subject, 'Hello ada@example.com');
    assert.match(String(message.parsed.html), /Hello <b>HTML<\/b>/);
    assert.equal(message.parsed.text?.trim(), 'Hello text');
    assert.match(message.raw, /^List-Unsubscribe: <https:\/\/news\.example\/u\/1>\r$/m);
    assert.equal(message.parsed.messageId, `<${id}@news.example>`);
    const stored = await t.deps.mail.message(id);
    assert.equal(stored?.status, 'sent');
    assert.equal(stored?.attempts, 1);
    assert.ok(stored?.sentAt);
  });

  it('retries a temporary (4xx) refusal later, then sends', async () => {
    smtp.answer = 'temporary';
    const { id } = await t.deps.mail.enqueue(mail('busy@example.com'));
    await drain(t.deps.mailSender);
    smtp.answer = 'accept';
    let stored = await t.deps.mail.message(id);
    assert.equal(stored?.status, 'queued');
    assert.equal(stored?.attempts, 1);
    assert.match(stored?.lastError ?? '', /451/);
    assert.equal(stored?.nextAttemptAt?.getTime(), t.clock.now().getTime() + RETRY_DELAYS_MS[0]);
    // Not before its time…
    await drain(t.deps.mailSender);
    assert.equal(received('busy@example.com').length, 0);
    // …then sent.
    t.clock.advance(RETRY_DELAYS_MS[0]);
    await drain(t.deps.mailSender);
    stored = await t.deps.mail.message(id);
    assert.equal(stored?.status, 'sent');
    assert.equal(stored?.attempts, 2);
    assert.equal(received('busy@example.com').length, 1);
  });

  it('gives a permanent (5xx) refusal up as failed, with the server’s answer', async () => {
    smtp.answer = 'permanent';
    const { id } = await t.deps.mail.enqueue(mail('nobody@example.com'));
    await drain(t.deps.mailSender);
    smtp.answer = 'accept';
    const stored = await t.deps.mail.message(id);
    assert.equal(stored?.status, 'failed');
    assert.match(stored?.lastError ?? '', /550/);
    assert.equal(stored?.nextAttemptAt, null);
    t.clock.advance(24 * 3_600_000);
    await drain(t.deps.mailSender);
    assert.equal(received('nobody@example.com').length, 0);
  });

  it('keeps to MAIL_RATE_PER_MINUTE', async () => {
    const slow = new MailSender(t.deps.db, t.clock, {
      config: { ...t.config.mail, ratePerMinute: 120 },
      siteName: () => 'Site',
      sleep: async () => {},
    });
    try {
      for (let i = 0; i < 12; i++) await t.deps.mail.enqueue(mail(`rate${i}@example.com`));
      const sentAfter: number[] = [];
      for (let second = 0; second < 4; second++) {
        await drain(slow);
        sentAfter.push(smtp.messages.filter((message) => message.to.some((to) => to.startsWith('rate'))).length);
        t.clock.advance(1_000);
      }
      // 120 a minute: two a second (one second's worth in hand at the start).
      assert.deepEqual(sentAfter, [2, 4, 6, 8]);
      for (let second = 0; second < 4; second++, t.clock.advance(1_000)) await drain(slow);
    } finally {
      slow.close();
    }
  });

  it('two senders on one database never send one message twice', async () => {
    const other = new MailSender(t.deps.db, t.clock, { config: t.config.mail, siteName: () => 'Site', sleep: async () => {} });
    smtp.delayMs = 2;
    try {
      const recipients = Array.from({ length: 60 }, (_, i) => `pair${i}@example.com`);
      for (const to of recipients) await t.deps.mail.enqueue(mail(to));
      for (let round = 0; round < 20; round++) {
        await Promise.all([t.deps.mailSender.runDue(), other.runDue(), t.deps.mailSender.runDue(), other.runDue()]);
        t.clock.advance(1_000);
      }
      for (const to of recipients) assert.equal(received(to).length, 1, to);
    } finally {
      smtp.delayMs = 0;
      other.close();
    }
  });

  it('keeps serving pages while the SMTP server is slow', async () => {
    smtp.delayMs = 1_500;
    await t.deps.mail.enqueue(mail('slow@example.com'));
    const sending = t.deps.mailSender.runDue();
    const started = Date.now();
    const page = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    assert.ok(Date.now() - started < 1_000, 'the page waited for the SMTP server');
    await sending;
    smtp.delayMs = 0;
    assert.equal(received('slow@example.com').length, 1);
  });
});

describe('mail delivery when the SMTP server is down', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    port = await freePort();
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(() => t.close());

  it('keeps the message queued and sends it once the server is back', async () => {
    const { id } = await t.deps.mail.enqueue(mail('later@example.com'));
    const second = await t.deps.mail.enqueue(mail('later2@example.com'));
    await drain(t.deps.mailSender);
    // The first one tried failed to connect; the rest of the batch waits untried, its attempts unchanged.
    const stored = [await t.deps.mail.message(id), await t.deps.mail.message(second.id)];
    assert.deepEqual(
      stored.map((message) => message?.status),
      ['queued', 'queued'],
    );
    assert.deepEqual(stored.map((message) => message?.attempts).sort(), [0, 1]);
    assert.match(stored.map((message) => message?.lastError ?? '').join(' '), /ECONNECTION|ECONNREFUSED/);
    const smtp = await startSmtpTestServer({ port });
    try {
      t.clock.advance(RETRY_DELAYS_MS[0]);
      await drain(t.deps.mailSender);
      assert.equal((await t.deps.mail.message(id))?.status, 'sent');
      assert.equal((await t.deps.mail.message(second.id))?.status, 'sent');
      assert.deepEqual(smtp.messages.map((message) => message.to[0]).sort(), ['later2@example.com', 'later@example.com']);
    } finally {
      await smtp.close();
    }
  });
});

describe('mail without SMTP_URL', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('writes each message as an .eml file into DATA_DIR/outbox/ and marks it sent', async () => {
    const { id } = await t.deps.mail.enqueue(mail('file@example.com'));
    assert.equal(t.deps.mailSender.mode, 'outbox');
    await drain(t.deps.mailSender);
    assert.equal((await t.deps.mail.message(id))?.status, 'sent');
    const dir = path.join(t.config.dataDir, 'outbox');
    const files = fs.readdirSync(dir);
    assert.equal(files.length, 1);
    assert.ok(files[0]?.endsWith(`${id}.eml`));
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, files[0] ?? '')));
    assert.equal(parsed.subject, 'Hello file@example.com');
    assert.equal(parsed.from?.value[0]?.address, 'no-reply@news.example');
    assert.match(String(parsed.html), /Hello <b>HTML<\/b>/);
    assert.equal(parsed.text?.trim(), 'Hello text');
  });

  it('DKIM-signs messages when a key and selector are set, for MAIL_FROM’s domain', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const outboxDir = path.join(t.config.dataDir, 'signed');
    const signer = new MailSender(t.deps.db, t.clock, {
      config: {
        ...t.config.mail,
        outboxDir,
        dkim: { domainName: 'news.example', keySelector: 'dl2026', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      },
      siteName: () => 'Site',
      sleep: async () => {},
    });
    try {
      await t.deps.mail.enqueue(mail('signed@example.com'));
      await drain(signer);
      const [file] = fs.readdirSync(outboxDir);
      const raw = fs.readFileSync(path.join(outboxDir, file ?? ''), 'utf8');
      assert.match(raw, /^DKIM-Signature: .*d=news\.example;.*s=dl2026;/ms);
    } finally {
      signer.close();
    }
  });
});
