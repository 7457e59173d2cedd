import type { Config } from './config/config.js';

/** What main.ts (one process) and the cluster primary print to stdout once the site answers. */
export interface StartupAnnouncement {
  publicationName: string;
  databaseDescription: string;
  /** The port actually listened on (PORT=0 picks one). */
  port: number;
  firstAdmin: { user: { email: string }; password: string } | null;
}

export function startupMessages(config: Config, announcement: StartupAnnouncement): string[] {
  const { port, firstAdmin } = announcement;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  const lines = [`Dateline is serving ${announcement.publicationName} at http://${shownHost}:${port} (${announcement.databaseDescription})`];
  if (firstAdmin) {
    // Printed once, to stdout only (never to the log): the password is not stored anywhere else.
    const signInUrl = `${process.env['SITE_URL'] ? config.siteUrl : `http://${shownHost}:${port}`}/newsroom/sign-in`;
    lines.push(
      [
        'First start: an administrator account was created for the newsroom.',
        `  Sign-in page: ${signInUrl}`,
        `  E-mail:       ${firstAdmin.user.email}`,
        `  Password:     ${firstAdmin.password}`,
        'Sign in and change this password now (Change password in the newsroom menu); it is not shown again.',
      ].join('\n'),
    );
  }
  // Meant for tests and a receiver on the publisher's own network: never on without a word.
  if (config.webhookAllowPrivate) {
    lines.push('Warning: WEBHOOK_ALLOW_PRIVATE is on: webhooks may be sent to loopback and private-network addresses (docs/webhooks.md).');
  }
  return lines;
}
