import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message the server accepted: its envelope, its raw source and mailparser's reading of it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export type SmtpAnswer = 'accept' | 'temporary' | 'permanent';

export interface SmtpTestServer {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  /** Every message accepted so far, in order. */
  readonly messages: ReceivedMail[];
  /** What the end of each message's DATA is answered with: 250, 451 (temporary) or 550 (permanent). */
  answer: SmtpAnswer;
  /** Waits this long after a message arrived before answering (a slow server). */
  delayMs: number;
  /**
   * Called when a message has arrived, before it is answered (after `delayMs`, if the client is
   * still connected then, it is accepted): a kill -9 test kills the sender here, so the kill lands
   * while no acceptance is on the wire.
   */
  onArrival: ((arrivedSoFar: number) => void) | undefined;
  /** Resolves with the messages once `predicate` holds for them; rejects after `timeoutMs`. */
  waitFor(predicate: (messages: readonly ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (port 0 unless given: a test restarts one on the same port to
 * play a server that was down), for tests that read what was sent. No TLS, any sign-in accepted.
 */
export async function startSmtpTestServer(options: { port?: number } = {}): Promise<SmtpTestServer> {
  const closedSessions = new Set<string>();
  let arrived = 0;
  const state: Omit<SmtpTestServer, 'port' | 'url' | 'waitFor' | 'close'> = {
    messages: [],
    answer: 'accept',
    delayMs: 0,
    onArrival: undefined,
  };
  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void): void => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      void (async () => {
        arrived++;
        state.onArrival?.(arrived);
        if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
        // The client went away before hearing the answer: for it, the message was never accepted.
        if (closedSessions.has(session.id)) return callback(refusal(421, 'client gone'));
        if (state.answer !== 'accept') {
          return callback(state.answer === 'temporary' ? refusal(451, 'try again later') : refusal(550, 'no such mailbox'));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        state.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          parsed,
        });
        callback();
      })().catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    });
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    logger: false,
    // Pooled client connections stay open: closing must not wait the default 30 s for them.
    closeTimeout: 100,
    onData,
    onClose: (session) => void closedSessions.add(session.id),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    waitFor: async (predicate: (messages: readonly ReceivedMail[]) => boolean, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(state.messages)) {
        if (Date.now() > deadline) throw new Error(`the SMTP test server waited ${timeoutMs} ms; it has ${state.messages.length} messages`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function refusal(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
