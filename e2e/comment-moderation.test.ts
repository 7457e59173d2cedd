import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { refreshCommentCount } from '../src/modules/comments/comment-count.repository.js';
import { newId } from '../src/shared/ids.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { VIEWPORTS, browserSuite, launchBrowser, openPage, visit } from './support/browser.js';
import { WCAG_TAGS } from './support/axe.js';

const EDITOR = { email: 'editor@news.example', displayName: 'Min-seo Editor', password: 'harbour lights at midnight' };
const PENDING_TEXT = 'The new ferry timetable works well for commuters.';

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

async function submit(page: Page, button: string | RegExp): Promise<void> {
  const name = typeof button === 'string' ? { name: button, exact: true } : { name: button };
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', name).first().click()]);
}

/** A newsroom page object: the editor signed in, the queue and the comment settings. */
class Moderation {
  constructor(readonly page: Page) {}

  async signIn(): Promise<void> {
    await visit(this.page, '/newsroom/sign-in');
    await this.page.getByLabel('E-mail address', { exact: true }).fill(EDITOR.email);
    await this.page.getByLabel('Password', { exact: true }).fill(EDITOR.password);
    await submit(this.page, 'Sign in');
  }

  async setMode(label: 'Open' | 'Pre-moderated' | 'Closed'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Comments' }).click();
    await this.page.getByRole('link', { name: 'Change the comment mode or the blocklist' }).click();
    await this.page.getByRole('radio', { name: label, exact: true }).check();
    await submit(this.page, 'Save comment settings');
    assert.match(await this.page.getByRole('status').innerText(), /Comment settings saved/);
  }
}

browserSuite('comment moderation in the newsroom', () => {
  let browser: Browser;
  let server: AppServer;
  let slug: string;
  let articleId: string;

  /** A comment as a reader's post stores it; the story's count follows as posting keeps it. */
  async function readerPosts(body: string, options: { status: 'pending' | 'published'; reports?: number }): Promise<void> {
    const { db } = server.deps;
    const now = server.clock.now().toISOString();
    const readerId = newId();
    await db
      .insertInto('readers')
      .values({
        id: readerId,
        email: `${readerId}@example.com`,
        display_name: 'Hae-won Reader',
        password_hash: 'not-a-real-hash',
        created_at: now,
        password_changed_at: now,
        deleted_at: null,
        banned_at: null,
      })
      .execute();
    const id = newId();
    await db
      .insertInto('comments')
      .values({
        id,
        article_id: articleId,
        reader_id: readerId,
        parent_id: null,
        body,
        status: options.status,
        held_reason: options.status === 'pending' ? 'pre-moderation' : null,
        created_at: now,
        edited_at: null,
        report_count: options.reports ?? 0,
      })
      .execute();
    for (let i = 0; i < (options.reports ?? 0); i++) {
      const reporter = newId();
      await db
        .insertInto('readers')
        .values({
          id: reporter,
          email: `${reporter}@example.com`,
          display_name: 'Reporter',
          password_hash: 'x',
          created_at: now,
          password_changed_at: now,
          deleted_at: null,
          banned_at: null,
        })
        .execute();
      await db.insertInto('comment_reports').values({ comment_id: id, reader_id: reporter, created_at: now }).execute();
    }
    await refreshCommentCount(db, articleId);
    await server.deps.events.emit({ name: 'comment.posted', articleId, commentId: id });
  }

  async function commentsHeading(page: Page): Promise<string> {
    return (await page.locator('#comments-heading').innerText()).replace(/\s+/g, ' ').trim();
  }

  before(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    await server.deps.users.createUser({ ...EDITOR, role: 'editor' });
    const story = await server.factories.article({ headline: 'Ferries return to the harbour' });
    slug = story.slug;
    articleId = story.id;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pre-moderation from post to approval: the comment waits unseen until an editor approves it', async () => {
    const editor = new Moderation(await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.desktop }));
    const reader = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    const { cookie } = await server.factories.reader({ displayName: 'Hae-won Reader' });
    const [name = '', value = ''] = cookie.split('=');
    const author = await openPage(browser, server.baseUrl, {
      viewport: VIEWPORTS.phone,
      storageState: {
        cookies: [{ name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
        origins: [],
      },
    });
    try {
      await editor.signIn();
      await editor.setMode('Pre-moderated');
      assert.equal(server.deps.settings.publication.commentsMode, 'pre-moderated');

      // A signed-in reader posts through the article page's form.
      assert.equal(await visit(author, `/article/${slug}`), 200);
      await author.getByLabel('Your comment').fill(PENDING_TEXT);
      await author.getByRole('button', { name: 'Post comment' }).click();
      await author
        .locator('li.comment', { hasText: PENDING_TEXT })
        .getByText(/Awaiting moderation/)
        .waitFor();

      assert.equal(await visit(reader, `/article/${slug}`), 200);
      assert.equal(await commentsHeading(reader), 'Comments 0');
      assert.equal(await reader.getByText(PENDING_TEXT).count(), 0, 'a pending comment is not public');

      await visit(editor.page, '/newsroom/comments');
      const entry = editor.page.getByRole('listitem').filter({ hasText: PENDING_TEXT });
      assert.match(await entry.innerText(), /Held: Pre-moderation/);
      await Promise.all([editor.page.waitForLoadState('load'), entry.getByRole('button', { name: /^Approve/ }).click()]);
      assert.match(await editor.page.getByRole('status').innerText(), /Comment approved/);
      assert.match(await editor.page.locator('main').innerText(), /No comments are waiting for approval/);

      // Public pages may be kept a minute by the browser: the reader reloads, which revalidates.
      assert.equal((await reader.reload({ waitUntil: 'load' }))?.status(), 200);
      assert.equal(await commentsHeading(reader), 'Comments 1');
      assert.equal(await reader.getByText(PENDING_TEXT).count(), 1, 'the approved comment is public');
    } finally {
      await editor.page.context().close();
      await reader.context().close();
      await author.context().close();
    }
  });

  it('the queue, with a pending and a reported comment, and the comment settings have no axe violations at phone and desktop widths', async () => {
    await readerPosts('Please approve this <one>.\nIt has two lines.', { status: 'pending' });
    await readerPosts('Reported by two readers.', { status: 'published', reports: 2 });
    const page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    try {
      await new Moderation(page).signIn();
      for (const viewport of ['phone', 'desktop'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport]);
        for (const path of ['/newsroom/comments', '/newsroom/comments?show=reported', '/newsroom/comments?show=all', '/newsroom/comments/settings']) {
          assert.equal(await visit(page, path), 200, path);
          await assertNoAxeViolations(page, `${path} at ${viewport} width`);
        }
      }
      await visit(page, '/newsroom/comments?show=reported');
      assert.match(await page.locator('main').innerText(), /Reported twice|Reported 2 times/);

      // The settings form with an error: the summary links to the field and focus follows.
      await visit(page, '/newsroom/comments/settings');
      await page.getByLabel('Blocklist').fill(`fine\n${'x'.repeat(101)}`);
      await submit(page, 'Save comment settings');
      await assertNoAxeViolations(page, 'the comment settings with an error');
      await page.getByRole('alert').getByRole('link').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'comment-blocklist');
    } finally {
      await page.context().close();
    }
  });
});
