import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { browserSuite, launchBrowser, openPage, visit, VIEWPORTS } from './support/browser.js';
import { WCAG_TAGS } from './support/axe.js';
import { linkIn, recordMail, type MailRecorder } from '../src/testing/account-mail.js';

const READER = { displayName: 'Min-jun Park', email: 'minjun@mail.example', password: 'paper lanterns over the river' };
const ADMIN = { email: 'admin@news.example', displayName: 'Ji-ho Admin', password: 'lighthouse keeper at dawn' };

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

/** The account's forms, located by their labels and buttons. */
class AccountForms {
  constructor(readonly page: Page) {}
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
  async submit(button: string): Promise<void> {
    await Promise.all([this.page.waitForLoadState('load'), this.page.getByRole('button', { name: button, exact: true }).click()]);
  }
  get heading() {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }
  async signUp(reader: { displayName: string; email: string; password: string }): Promise<void> {
    await this.field('Display name').fill(reader.displayName);
    await this.field('E-mail address').fill(reader.email);
    await this.field('Password').fill(reader.password);
    await this.submit('Create account');
  }
  async signIn(email: string, password: string): Promise<void> {
    await this.field('E-mail address').fill(email);
    await this.field('Password').fill(password);
    await this.submit('Sign in');
  }
}

browserSuite('a reader creates an account, signs out and in again', () => {
  let server: AppServer;
  let browser: Browser;
  let sent: MailRecorder;

  before(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    sent = recordMail(server.deps);
    await server.deps.users.createUser({ ...ADMIN, role: 'admin' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up (after fixing errors), sees the account, my comments and the delete page, signs out and in, all without axe violations', async () => {
    const page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    const forms = new AccountForms(page);
    try {
      await visit(page, '/');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('banner').getByRole('link', { name: 'Account', exact: true }).click()]);
      assert.equal(await forms.heading.textContent(), 'Sign in');
      await assertNoAxeViolations(page, 'the sign-in page');

      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Create a reader account', exact: true }).click()]);
      assert.equal(await forms.heading.textContent(), 'Create a reader account');
      await assertNoAxeViolations(page, 'the sign-up page');

      // The browser's own checks are switched off, so the server's answer is what is seen.
      await page.evaluate(() => {
        document.querySelector('#email')?.setAttribute('type', 'text');
        document.querySelector('#password')?.removeAttribute('minlength');
      });
      await forms.signUp({ ...READER, email: 'not-an-address@' });
      assert.match(await page.title(), /^Error: /);
      assert.equal(await forms.field('Display name').inputValue(), READER.displayName, 'what was typed is kept');
      await assertNoAxeViolations(page, 'the sign-up page with an error');
      await page.getByRole('alert').getByRole('link').first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');

      await forms.signUp(READER);
      assert.equal(new URL(page.url()).pathname, '/account/sign-up/check-your-inbox');
      assert.equal(await forms.heading.textContent(), 'Check your inbox');
      await assertNoAxeViolations(page, 'the check-your-inbox page');

      // The link in the mail the sign-up sent: opening it shows a button, which confirms and signs in.
      const [confirmation] = await sent.to(READER.email);
      assert.ok(confirmation, 'the sign-up mailed a confirmation');
      assert.equal(await visit(page, linkIn(confirmation, server.deps.config.siteUrl, '/account/confirm/')), 200);
      await assertNoAxeViolations(page, 'the confirmation page');
      await forms.submit('Confirm my address');
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.equal(await forms.heading.textContent(), 'Your account');
      await assertNoAxeViolations(page, 'the account page');

      const reader = await server.deps.db.selectFrom('readers').select('id').where('email', '=', READER.email).executeTakeFirstOrThrow();
      const story = await server.factories.article({ headline: 'Night ferries return to the islands' });
      const statuses = ['published', 'pending', 'hidden', 'deleted'];
      for (const [i, status] of statuses.entries()) {
        await server.deps.db
          .insertInto('comments')
          .values({
            id: `e2e-comment-${i}`,
            article_id: story.id,
            reader_id: reader.id,
            parent_id: null,
            body: `Comment ${i}\nwith a second line`,
            status,
            held_reason: null,
            created_at: new Date(server.clock.now().getTime() - i * 60_000).toISOString(),
            edited_at: null,
          })
          .execute();
      }
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'My comments', exact: true }).click()]);
      assert.equal(await page.getByRole('main').getByRole('article').count(), 4);
      await assertNoAxeViolations(page, 'my comments');

      assert.equal(await visit(page, '/account/delete'), 200);
      await assertNoAxeViolations(page, 'the delete confirmation');

      await visit(page, '/account');
      await forms.submit('Sign out');
      assert.equal(await page.getByRole('status').textContent(), 'You have signed out.');
      await forms.signIn(READER.email, READER.password);
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.match((await page.getByRole('main').textContent()) ?? '', /Signed in as Min-jun Park/);
    } finally {
      await page.context().close();
    }
  });

  it('a reader who forgot their password asks for a link, follows it from the mail and chooses a new one', async () => {
    const page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    const forms = new AccountForms(page);
    try {
      await visit(page, '/account/sign-in');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Forgotten your password?', exact: true }).click()]);
      await assertNoAxeViolations(page, 'the forgot-password page');
      await forms.field('E-mail address').fill(READER.email);
      await forms.submit('Send me a link');
      assert.match((await page.getByRole('status').textContent()) ?? '', /If that address has a reader account/);
      const reset = (await sent.to(READER.email)).find((mail) => mail.kind === 'password.reset');
      assert.ok(reset, 'the reset link was mailed');
      assert.equal(await visit(page, linkIn(reset, server.deps.config.siteUrl, '/account/reset/')), 200);
      await forms.field('New password').fill('a fresh passphrase by the sea');
      await forms.field('New password again').fill('a fresh passphrase by the sea');
      await forms.submit('Save new password');
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.match((await page.getByRole('main').textContent()) ?? '', /Signed in as Min-jun Park/);
      READER.password = 'a fresh passphrase by the sea';
    } finally {
      await page.context().close();
    }
  });

  it('the newsroom’s readers page, and its reset link, have no axe violations', async () => {
    const page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.desktop });
    const forms = new AccountForms(page);
    try {
      await visit(page, '/newsroom/sign-in');
      await forms.signIn(ADMIN.email, ADMIN.password);
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Readers', exact: true }).click(),
      ]);
      assert.equal(await forms.heading.textContent(), 'Readers');
      await assertNoAxeViolations(page, 'the newsroom readers page');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: `Create password-reset link for ${READER.displayName}` }).click(),
      ]);
      const link = await page.getByRole('status').locator('code').textContent();
      assert.match(link ?? '', /\/account\/reset\/[A-Za-z0-9_-]{43}$/);
      await assertNoAxeViolations(page, 'the readers page showing a reset link');

      const readerPage = await openPage(browser, server.baseUrl);
      try {
        assert.equal(await visit(readerPage, new URL(link ?? '').pathname), 200);
        await assertNoAxeViolations(readerPage, 'the reset page');
      } finally {
        await readerPage.context().close();
      }
    } finally {
      await page.context().close();
    }
  });
});
