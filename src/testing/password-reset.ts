import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { linkIn, type MailRecorder } from './account-mail.js';
import { postForm } from './newsroom-client.js';
import type { TestApp } from './test-app.js';

/**
 * Asks `${area}/forgot-password` for a reset of `typed`, checks the answer every address gets
 * (303 to `?sent`, so the form tells no one which addresses have accounts) and returns the reset
 * link of the one message that request mailed to `mailedTo`, or undefined when it mailed none.
 * `area` is '/account' (readers) or '/newsroom' (staff); `mailedTo` is the stored address, which
 * `typed` may spell in other letter cases.
 */
export async function requestPasswordReset(
  t: Pick<TestApp, 'app' | 'config'>,
  sent: MailRecorder,
  area: '/account' | '/newsroom',
  typed: string,
  options: { mailedTo?: string; remoteAddress: string },
): Promise<string | undefined> {
  const mailedTo = options.mailedTo ?? typed;
  const before = (await sent.to(mailedTo)).length;
  const response = await postForm(t.app, `${area}/forgot-password`, { email: typed }, { remoteAddress: options.remoteAddress });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `${area}/forgot-password?sent`);
  const mails = (await sent.to(mailedTo)).slice(before);
  if (mails.length === 0) return undefined;
  const [mail, ...more] = mails;
  assert.ok(mail && more.length === 0, `one reset mail to ${mailedTo}`);
  assert.equal(mail.kind, 'password.reset');
  return linkIn(mail, t.config.siteUrl, `${area}/reset/`);
}

/** Posts the reset form at `link` with `password` (and `confirm`, the same unless a test gives another). */
export function submitNewPassword(
  t: Pick<TestApp, 'app'>,
  link: string,
  password: string,
  options: { confirm?: string; remoteAddress: string },
): Promise<LightMyRequestResponse> {
  return postForm(
    t.app,
    link,
    { 'new-password': password, 'confirm-password': options.confirm ?? password },
    { remoteAddress: options.remoteAddress },
  );
}
