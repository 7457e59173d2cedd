import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailConfig } from '../../config/config.js';

/** One message as the transport sends it: addresses checked, headers safe (mail-validation.ts). */
export interface TransportMessage {
  id: string;
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** ISO time of queuing: the outbox file's name sorts by it. */
  createdAt: string;
}

/**
 * Where messages go. `send` resolves once the server accepted the message (or the file is
 * written); it rejects with nodemailer's error otherwise, whose `responseCode` (the SMTP reply) and
 * `code` (ECONNECTION, ETIMEDOUT, …) tell a temporary failure from a permanent one.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(message: TransportMessage): Promise<void>;
  close(): void;
}

// A server that does not answer is a temporary failure, found within these bounds rather than
// nodemailer's minutes-long defaults, so a sender's lease is never outlived by one send.
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
export const SOCKET_TIMEOUT_MS = 30_000;

/** SMTP through one pooled connection (reused from message to message), or the outbox folder. */
export function createMailTransport(config: MailConfig): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config) : outboxTransport(config);
}

function smtpTransport(url: string, config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    // Messages go one after another (the queue's order and rate); one connection carries them.
    maxConnections: 1,
    maxMessages: 1000,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    ...(config.dkim ? { dkim: { ...config.dkim } } : {}),
  });
  return {
    kind: 'smtp',
    send: async (message) => {
      await transporter.sendMail(mailOptions(message));
    },
    close: () => transporter.close(),
  };
}

/**
 * No SMTP_URL: each message is composed exactly as it would be sent (nodemailer's stream
 * transport, DKIM-signed when a key is set) and written as an RFC 5322 `.eml` file, under a
 * temporary name first so no half-written file is ever listed.
 */
function outboxTransport(config: MailConfig): MailTransport {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(config.dkim ? { dkim: { ...config.dkim } } : {}),
  });
  return {
    kind: 'outbox',
    send: async (message) => {
      const info = await composer.sendMail(mailOptions(message));
      await mkdir(config.outboxDir, { recursive: true });
      const name = `${message.createdAt.replace(/[:.]/g, '-')}-${message.id}.eml`;
      const file = path.join(config.outboxDir, name);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => composer.close(),
  };
}

function mailOptions(message: TransportMessage) {
  const domain = message.from.address.slice(message.from.address.lastIndexOf('@') + 1);
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    // Dateline's queued mail is machine-sent (RFC 3834): out-of-office replies are not sent back.
    headers: { 'Auto-Submitted': 'auto-generated', ...message.headers },
    // One Message-ID per queued message, the same at every attempt: a receiver that saw it once
    // can tell a re-send (the crash window, docs/mail.md) from a new message.
    messageId: `<${message.id}@${domain}>`,
  };
}
