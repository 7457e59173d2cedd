import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server.js';
import { launchBrowser, openPage, visit } from './browser.js';

/**
 * A fixed clock for stories written in the browser: today at 01:00 UTC. The browser expires the
 * session cookie by its own clock, so a fixed server clock more than a session's lifetime in the
 * past would sign everyone out.
 */
export function todayAtOneUtc(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`);
}

export interface StaffLogin {
  email: string;
  password: string;
}

/** A reporter (the byline Ana Kim) and an editor, in the World section's newsroom. */
export async function addReporterAndEditor(server: AppServer): Promise<{ reporter: StaffLogin; editor: StaffLogin }> {
  const { factories } = server;
  await factories.section({ slug: 'world', name: 'World' });
  const author = await factories.author({ name: 'Ana Kim', slug: 'ana-kim' });
  const reporterAccount = await factories.staff({ role: 'reporter', email: 'ana@news.example' });
  await server.deps.db.updateTable('users').set({ author_id: author.id }).where('id', '=', reporterAccount.user.id).execute();
  const editorAccount = await factories.staff({ role: 'editor', email: 'chief@news.example' });
  return {
    reporter: { email: 'ana@news.example', password: reporterAccount.password },
    editor: { email: 'chief@news.example', password: editorAccount.password },
  };
}

/** Clicks a submit button and waits for the page the form leads to. */
export async function submit(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForEvent('load'),
    page
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first()
      .click(),
  ]);
}

/** Signs in on the newsroom's sign-in page and lands on the newsroom's home. */
export async function signIn(page: Page, login: StaffLogin): Promise<void> {
  await visit(page, '/newsroom/sign-in');
  await page.getByLabel('E-mail address').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await submit(page, 'Sign in');
  assert.equal(new URL(page.url()).pathname, '/newsroom');
}

/** Opens a story's editor from the newsroom's story list, by its headline. */
export async function openStoryFromList(page: Page, headline: string): Promise<void> {
  await visit(page, '/newsroom/stories');
  await page.getByRole('link', { name: headline }).click();
  await page.waitForURL(/\/edit$/);
}

export interface NewsroomDesk {
  server: AppServer;
  browser: Browser;
  /** One page for the whole suite: who is signed in carries over from test to test. */
  page: Page;
  reporter: StaffLogin;
  editor: StaffLogin;
}

/**
 * An app server on todayAtOneUtc() with a reporter and an editor (addReporterAndEditor), and a
 * browser page on it, for the browser suite it is called in: started before the suite's tests,
 * closed after them. Read its fields inside the tests, not when the suite is built.
 */
export function newsroomDeskForSuite(): Readonly<NewsroomDesk> {
  let started: NewsroomDesk | undefined;
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startAppServer(todayAtOneUtc()), launchBrowser()]);
    const { reporter, editor } = await addReporterAndEditor(server);
    started = { server, browser, page: await openPage(browser, server.baseUrl), reporter, editor };
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const desk = (): NewsroomDesk => {
    if (!started) throw new Error('the newsroom desk starts before the suite’s tests');
    return started;
  };
  return {
    get server() {
      return desk().server;
    },
    get browser() {
      return desk().browser;
    },
    get page() {
      return desk().page;
    },
    get reporter() {
      return desk().reporter;
    },
    get editor() {
      return desk().editor;
    },
  };
}
