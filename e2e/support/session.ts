import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

export interface BrowserSession {
  server: DemoServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The demo server and Chromium, started side by side (seeding is the slow part). When either fails
 * the other is shut down before the error is thrown, so a failed `before()` leaves no open socket
 * or browser process to keep the test file from exiting.
 */
export async function startBrowserSession(): Promise<BrowserSession> {
  const [server, browser] = await Promise.allSettled([startDemoServer(), launchBrowser()]);
  if (server.status === 'rejected' || browser.status === 'rejected') {
    if (browser.status === 'fulfilled') await browser.value.close().catch(() => {});
    if (server.status === 'fulfilled') await server.value.close().catch(() => {});
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    server: server.value,
    browser: browser.value,
    close: async () => {
      try {
        await browser.value.close();
      } finally {
        await server.value.close();
      }
    },
  };
}
