import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { AppServer } from './app-server.js';
import { visit } from './browser.js';

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
