import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { findArticleById, findArticleBySlug } from '../src/modules/articles/article-page.repository.js';
import { updateArticleStatus } from '../src/modules/articles/article.repository.js';
import { importStoryComments, type CommentImport } from '../src/modules/comments/index.js';
import { importRedirects } from '../src/modules/redirects/index.js';
import { renderMailDocument } from '../src/modules/mail/index.js';
import { newId } from '../src/shared/ids.js';
import { linkIn, recordMail } from '../src/testing/account-mail.js';
import { createFactories } from '../src/testing/factories.js';
import { assertNoAxeViolations } from './support/axe.js';
import { insertImportRun } from './support/import-runs.js';
import { ArticlePage, VIEWPORTS, browserSuite, openPage, visit, type ViewportName } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const SERIES_STORY = 'the-young-islanders-who-left-and-the-few-who-came-back';
const CORRECTED_STORY = 'tour-boat-runs-aground-off-busan-coast-guard-rescues-passengers';
const WITHDRAWN_STORY = 'bangkok-closes-schools-as-smog-season-arrives-early';
const KOREAN_SERIES_STORY = 'jumin-43-myeong-seom-majimak-bae-tteonanda';
/** A demo story readers argue under; the suite adds enough comments for a second page. */
const COMMENTED_STORY = 'fare-rises-alone-will-not-fix-seouls-subway-finances';
const EXTRA_COMMENTS = 24;

/** What the pages need that only exists once the suite has set it up. */
interface Fixtures {
  storyId: string;
  /** A story of the suite's own, published with comments off, that has two revisions. */
  commentsOffStoryId: string;
  commentsOffSlug: string;
  mediaId: string;
  sectionId: string;
  authorId: string;
  webhookId: string;
  /** An edition other than the default one (Korean), for its edit page. */
  editionId: string;
  invitationToken: string;
  resetToken: string;
  /** From the mail a new reader's sign-up sent. */
  confirmPath: string;
  /** From the mail a staff member's "forgot password" sent. */
  staffResetPath: string;
  /** A message in the mail queue, for the Outbox's message page. */
  mailId: string;
  /** Today's briefing, not sent yet (its page has the edit form), and a weekly that went out. */
  draftIssueId: string;
  sentIssueId: string;
  sentIssuePath: string;
  /** A newsletter confirmation link's token (the page only shows a button; it is never spent here). */
  newsletterToken: string;
  /** A confirmed subscriber's signed preferences and one-click unsubscribe links (path and query). */
  preferencesPath: string;
  unsubscribePath: string;
}

/** Who looks at the page: nobody signed in, a signed-in reader, or an admin in the newsroom. */
type Viewer = 'visitor' | 'reader' | 'admin';

interface Target {
  name: string;
  as: Viewer;
  path: (f: Fixtures) => string;
  status: number;
}

const visitor = (name: string, path: string | ((f: Fixtures) => string), status = 200): Target => ({
  name,
  as: 'visitor',
  path: typeof path === 'string' ? () => path : path,
  status,
});
const reader = (name: string, path: string | ((f: Fixtures) => string), status = 200): Target => ({ ...visitor(name, path, status), as: 'reader' });
const admin = (name: string, path: string | ((f: Fixtures) => string), status = 200): Target => ({ ...visitor(name, path, status), as: 'admin' });

/** One of each page type (and of each state a page type has), with the status it must answer with. */
const PAGES: Target[] = [
  // The reading site.
  visitor('home', '/'),
  visitor('article in a series, with figures and ranked lists', `/article/${SERIES_STORY}`),
  visitor('article with a figure and corrections', `/article/${CORRECTED_STORY}`),
  visitor('article with comments, signed out, comment page 1', `/article/${COMMENTED_STORY}`),
  visitor('article comments, most liked first, page 2', `/article/${COMMENTED_STORY}?comments=liked&cpage=2`),
  visitor('article with comments turned off', (f) => `/article/${f.commentsOffSlug}`),
  visitor('section page 1', '/section/world'),
  visitor('section page 2', '/section/world?page=2'),
  visitor('author', '/author/min-ji-park'),
  visitor('tag', '/tag/korea'),
  visitor('series', '/series/last-ferry'),
  visitor('static page: about', '/about'),
  visitor('static page: contact', '/contact'),
  visitor('static page: standards', '/standards'),
  visitor('static page: privacy', '/privacy'),
  visitor('search with results', '/search?q=ferry'),
  visitor('search without results', '/search?q=xylophonequartz'),
  visitor('search form alone', '/search'),
  visitor('404', '/article/no-such-story', 404),
  visitor('400', '/section/world?page=abc', 400),
  visitor('410', `/article/${WITHDRAWN_STORY}`, 410),
  // The demo's Korean edition: its home page, a translation with a figure and its link to the English, a section.
  visitor('Korean edition home', '/ko/'),
  visitor('Korean article, a translation with a figure', `/ko/article/${KOREAN_SERIES_STORY}`),
  visitor('Korean section', '/ko/section/asia'),
  // Reader accounts.
  visitor('reader sign-in', '/account/sign-in'),
  visitor('reader sign-in after signing out', '/account/sign-in?signed-out'),
  visitor('reader sign-up', '/account/sign-up'),
  visitor('reader password reset', (f) => `/account/reset/${f.resetToken}`),
  visitor('reader password reset with an unknown link', '/account/reset/not-a-real-token', 404),
  visitor('reader sign-up: check your inbox', '/account/sign-up/check-your-inbox'),
  visitor('reader sign-up confirmation', (f) => f.confirmPath),
  visitor('reader sign-up confirmation with an unknown link', '/account/confirm/not-a-real-token', 404),
  visitor('reader forgot password', '/account/forgot-password'),
  visitor('reader forgot password, sent', '/account/forgot-password?sent'),
  reader('article with the comment form and own comments', `/article/${COMMENTED_STORY}`),
  reader('reader account', '/account'),
  reader('reader account with a saved notice', '/account?saved=name'),
  reader('reader account, address just confirmed', '/account?saved=confirmed'),
  reader('reader account: my comments', '/account/comments'),
  reader('reader account: my comments page 2', '/account/comments?page=2'),
  reader('reader account: delete', '/account/delete'),
  // Newsletters (signed links from the mails).
  visitor('newsletter confirmation', (f) => `/newsletters/confirm/${f.newsletterToken}`),
  visitor('newsletter confirmation with an unknown link', `/newsletters/confirm/${'A'.repeat(43)}`, 404),
  visitor('newsletter preferences', (f) => f.preferencesPath),
  visitor('newsletter preferences, saved', (f) => `${f.preferencesPath}&saved=1`),
  visitor('newsletter preferences with a forged link', (f) => f.preferencesPath.replace(/sig=.*/, 'sig=forged'), 404),
  visitor('newsletter one-click unsubscribe', (f) => f.unsubscribePath),
  // The newsroom.
  visitor('newsroom sign-in', '/newsroom/sign-in'),
  visitor('newsroom sign-in after signing out', '/newsroom/sign-in?signed-out'),
  visitor('newsroom invitation', (f) => `/newsroom/invitations/${f.invitationToken}`),
  visitor('newsroom forgot password', '/newsroom/forgot-password'),
  visitor('newsroom forgot password, sent', '/newsroom/forgot-password?sent'),
  visitor('newsroom password reset', (f) => f.staffResetPath),
  visitor('newsroom password reset with an unknown link', '/newsroom/reset/not-a-real-token', 404),
  admin('newsroom dashboard', '/newsroom'),
  admin('story list', '/newsroom/stories'),
  admin('story list: drafts', '/newsroom/stories?status=draft'),
  admin('new story', '/newsroom/stories/new'),
  admin('story editor: published story', (f) => `/newsroom/stories/${f.storyId}/edit`),
  admin('story editor: story with comments off', (f) => `/newsroom/stories/${f.commentsOffStoryId}/edit`),
  admin('story revisions', (f) => `/newsroom/stories/${f.commentsOffStoryId}/revisions`),
  admin('story revision diff', (f) => `/newsroom/stories/${f.commentsOffStoryId}/revisions/1/diff/2`),
  admin('story preview', (f) => `/newsroom/stories/${f.storyId}/preview`),
  admin('story delete', (f) => `/newsroom/stories/${f.storyId}/delete`),
  admin('media library', '/newsroom/media'),
  admin('media library page 2', '/newsroom/media?page=2'),
  admin('media item', (f) => `/newsroom/media/${f.mediaId}`),
  admin('curation', '/newsroom/curation'),
  admin('comment moderation: pending', '/newsroom/comments'),
  admin('comment moderation: reported', '/newsroom/comments?show=reported'),
  admin('comment moderation: all', '/newsroom/comments?show=all'),
  admin('comment settings', '/newsroom/comments/settings'),
  admin('audience', '/newsroom/audience'),
  admin('sections', '/newsroom/sections'),
  admin('new section', '/newsroom/sections/new'),
  admin('section', (f) => `/newsroom/sections/${f.sectionId}`),
  admin('authors', '/newsroom/authors'),
  admin('new author', '/newsroom/authors/new'),
  admin('author', (f) => `/newsroom/authors/${f.authorId}`),
  admin('tags', '/newsroom/tags'),
  admin('staff', '/newsroom/staff'),
  admin('readers', '/newsroom/readers'),
  admin('readers search', '/newsroom/readers?q=reader'),
  admin('settings', '/newsroom/settings'),
  admin('editions', '/newsroom/settings/editions'),
  admin('edition', (f) => `/newsroom/settings/editions/${f.editionId}`),
  admin('API keys', '/newsroom/api-keys'),
  admin('redirects, with the 404 log', '/newsroom/redirects'),
  admin('redirects, the form filled in from the 404 log', '/newsroom/redirects?path=%2F2019%2F06%2F01%2Fmissing-story'),
  admin('webhooks', '/newsroom/webhooks'),
  admin('new webhook', '/newsroom/webhooks/new'),
  admin('webhook', (f) => `/newsroom/webhooks/${f.webhookId}`),
  admin('webhook deliveries', (f) => `/newsroom/webhooks/${f.webhookId}/deliveries`),
  admin('webhook delete', (f) => `/newsroom/webhooks/${f.webhookId}/delete`),
  admin('outbox', '/newsroom/outbox'),
  admin('outbox, queued messages', '/newsroom/outbox?status=queued'),
  admin('outbox message', (f) => `/newsroom/outbox/${f.mailId}`),
  admin('newsletters', '/newsroom/newsletters'),
  admin('newsletter issue, editable', (f) => `/newsroom/newsletters/issues/${f.draftIssueId}`),
  admin('newsletter issue, sent', (f) => `/newsroom/newsletters/issues/${f.sentIssueId}`),
  visitor('newsletter archive', '/newsletters/briefing'),
  visitor('newsletter archive issue', (f) => f.sentIssuePath),
  admin('subscribers', '/newsroom/subscribers'),
  admin('subscribers, searched', '/newsroom/subscribers?q=subscriber'),
  admin('audit log', '/newsroom/audit'),
  admin('system', '/newsroom/system'),
  admin('change password', '/newsroom/account/password'),
  admin('newsroom 404', '/newsroom/stories/no-such-story/edit', 404),
];

/** A browser context signed in with the given `Cookie` header value. */
function signedIn(baseUrl: string, cookie: string): BrowserContextOptions['storageState'] {
  const [name = '', value = ''] = cookie.split('=');
  const domain = new URL(baseUrl).hostname;
  return { cookies: [{ name, value, domain, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] };
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button, exact: true }).first().click()]);
}

browserSuite(
  'every page type passes axe (WCAG 2.2 AA and best practices)',
  () => {
    let session: BrowserSession;
    let server: DemoServer;
    let browser: Browser;
    let fixtures: Fixtures;
    /** A comment of the signed-in reader's own, posted just now: one may edit it for a few minutes only. */
    let freshReaderComment: () => Promise<string>;
    const cookies: Partial<Record<Viewer, string>> = {};
    /** A newsletter confirmation link of its own, to be spent by the test. */
    let freshNewsletterToken: () => Promise<string>;
    /** The admin's user id: the Import page's runs name who started them. */
    let adminId = '';

    before(async () => {
      session = await startBrowserSession();
      ({ server, browser } = session);
      const { deps } = server;
      const factories = createFactories(deps);
      const withdrawn = await findArticleBySlug(deps.db, WITHDRAWN_STORY);
      assert.ok(withdrawn, `demo story ${WITHDRAWN_STORY} exists`);
      await updateArticleStatus(deps.db, withdrawn.id, 'unpublished', new Date());
      await deps.events.emit({ name: 'story.unpublished', articleIds: [withdrawn.id] });

      const { user: adminUser } = await factories.staff({ role: 'admin', displayName: 'Ji-ho Admin' });
      cookies.admin = await factories.sessionCookie(adminUser.id);
      adminId = adminUser.id;
      const actor = { id: adminUser.id, role: adminUser.role };
      const signedInReader = await factories.reader({ displayName: 'Ha-eun Lee' });
      cookies.reader = signedInReader.cookie;

      // Enough comments by the signed-in reader for a second page, both on the story and in "my comments".
      const commented = await findArticleBySlug(deps.db, COMMENTED_STORY);
      assert.ok(commented, `demo story ${COMMENTED_STORY} exists`);
      const readerComment = (n: number): CommentImport => ({
        id: newId(),
        readerId: signedInReader.reader.id,
        parentId: null,
        body: `A reader's thought number ${n + 1} on the fares.`,
        status: 'published',
        heldReason: null,
        createdAt: new Date(Date.now() - (EXTRA_COMMENTS - n) * 60_000),
        likedBy: [],
      });
      await importStoryComments(
        deps.db,
        commented.id,
        Array.from({ length: EXTRA_COMMENTS }, (_, n) => readerComment(n)),
      );
      freshReaderComment = async () => {
        const id = newId();
        await importStoryComments(deps.db, commented.id, [
          { ...readerComment(0), id, body: 'Edited within the minutes allowed.', createdAt: new Date() },
        ]);
        return id;
      };

      const story = await findArticleBySlug(deps.db, SERIES_STORY);
      assert.ok(story, `demo story ${SERIES_STORY} exists`);
      const section = deps.sections.bySlug('world');
      const author = await deps.authors.findBySlug('min-ji-park');
      assert.ok(section && author, 'the demo section and author exist');
      const input = {
        headline: 'Harbour pilots vote to keep the night shift',
        standfirst: 'The vote keeps ships moving after dark.',
        body: [{ type: 'paragraph', content: [{ text: 'The pilots met on Tuesday.' }] }],
        sectionId: section.id,
        authorIds: [author.id],
        typeLabel: 'News',
        commentsEnabled: false,
      };
      const commentsOffStoryId = await deps.editing.createDraft(actor, input);
      await deps.editing.update(actor, commentsOffStoryId, { ...input, standfirst: 'The vote keeps the ships moving after dark.' });
      await deps.editing.publish(actor, commentsOffStoryId);
      const commentsOff = await findArticleById(deps.db, commentsOffStoryId);
      assert.ok(commentsOff, 'the story with comments off was published');

      const [media] = await deps.media.list({ limit: 1, offset: 0 });
      assert.ok(media, 'the demo has images');
      const webhook = await deps.webhooks.create(
        { name: 'Partner wire', url: 'https://hooks.partner.example/dateline', events: ['story.published'] },
        adminUser.id,
      );
      await deps.webhooks.sendTest(webhook.id);
      const { token: invitationToken } = await deps.invitations.invite({ email: 'newcomer@news.example', role: 'reporter' }, adminUser.id);
      const { token: resetToken } = await deps.readerResets.create((await factories.reader()).reader.id, adminUser.id);
      const mail = recordMail(deps);
      await deps.readers.signUp({ displayName: 'Su-bin Han', email: 'subin@mail.example', password: 'a long enough passphrase', ip: '192.0.2.80' });
      const confirmPath = linkIn((await mail.to('subin@mail.example'))[0]!, deps.config.siteUrl, '/account/confirm/');
      await deps.staffResets.request(adminUser.email, '192.0.2.80');
      const staffResetPath = linkIn((await mail.to(adminUser.email))[0]!, deps.config.siteUrl, '/newsroom/reset/');
      await deps.apiKeys.create('Partner app', adminUser.id);
      await importRedirects(deps.db, [
        { path: '/2019/05/31/the-young-islanders/', target: `/article/${SERIES_STORY}` },
        { path: '/?p=123', target: `/article/${CORRECTED_STORY}` },
      ]);
      deps.notFoundLog.record('/2019/06/01/missing-story/');
      await deps.notFoundLog.flush();

      const { id: mailId } = await deps.mail.enqueue({
        to: 'reader@news.example',
        toName: 'Ha-eun Lee',
        subject: 'Someone replied to your comment',
        html: renderMailDocument({
          siteName: 'Dateline',
          siteUrl: deps.config.siteUrl,
          lang: 'en',
          title: 'Someone replied to your comment',
          bodyHtml: '<p>A reader answered you.</p>',
        }),
        text: 'A reader answered you.',
        kind: 'comment.reply',
      });

      const draftIssue = await deps.newsletterIssues.composeToday('briefing');
      const weekly = await deps.newsletterIssues.composeToday(`weekly-${section.id}`);
      const sentIssue = await deps.newsletterIssues.sendNow(weekly.id);
      const confirmation = (email: string) =>
        deps.db.transaction().execute((trx) => deps.subscribers.requestConfirmation(trx, email, ['briefing', 'breaking'], null));
      const confirmed = await confirmation('subscriber@news.example');
      await deps.subscribers.confirm(confirmed.token);
      const { token: newsletterToken } = await confirmation('waiting@news.example');
      freshNewsletterToken = async () => (await confirmation(`waiting-${newId()}@news.example`)).token;
      const local = (url: string) => new URL(url).pathname + new URL(url).search;

      // The demo's Korean edition (the suite's own if the demo ever comes without one).
      const korean =
        deps.editions.all.find((edition) => edition.code === 'ko') ??
        (await deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인 데일리', tagline: '', timeZone: 'Asia/Seoul' }));

      fixtures = {
        editionId: korean.id,
        newsletterToken,
        preferencesPath: local(deps.subscribers.preferencesUrl(confirmed.subscriberId)),
        unsubscribePath: local(deps.subscribers.oneClickUnsubscribeUrl(confirmed.subscriberId, 'breaking')),
        mailId,
        draftIssueId: draftIssue.id,
        sentIssueId: sentIssue.id,
        sentIssuePath: `/newsletters/${sentIssue.newsletterKey}/${sentIssue.number ?? 1}`,
        storyId: story.id,
        commentsOffStoryId,
        commentsOffSlug: commentsOff.slug,
        mediaId: media.id,
        sectionId: section.id,
        authorId: author.id,
        webhookId: webhook.id,
        invitationToken,
        resetToken,
        confirmPath,
        staffResetPath,
      };
    });
    after(() => session?.close());

    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      describe(`at ${viewport} size (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, () => {
        const pages: Partial<Record<Viewer, Page>> = {};
        const pageFor = async (viewer: Viewer): Promise<Page> => {
          const cookie = cookies[viewer];
          pages[viewer] ??= await openPage(browser, server.baseUrl, {
            viewport: VIEWPORTS[viewport],
            ...(cookie ? { storageState: signedIn(server.baseUrl, cookie) } : {}),
          });
          return pages[viewer];
        };
        after(async () => {
          for (const page of Object.values(pages)) await page.context().close();
        });

        for (const target of PAGES) {
          it(`${target.name} (as ${target.as}) has no violations`, async () => {
            const page = await pageFor(target.as);
            const path = target.path(fixtures);
            assert.equal(await visit(page, path), target.status, `${path} answers ${target.status}`);
            await assertNoAxeViolations(page, `${path} as ${target.as} at ${viewport} size`);
          });
        }

        it('the newsroom sign-in with an error has no violations', async () => {
          const page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS[viewport] });
          try {
            await visit(page, '/newsroom/sign-in');
            await page.getByLabel('E-mail address').fill('nobody@news.example');
            await page.getByLabel('Password').fill('not the password at all');
            await submit(page, 'Sign in');
            assert.ok(await page.getByRole('alert').isVisible(), 'the error is shown');
            await assertNoAxeViolations(page, `the newsroom sign-in with an error at ${viewport} size`);
          } finally {
            await page.context().close();
          }
        });

        it('the reader sign-in with an error has no violations', async () => {
          const page = await pageFor('visitor');
          await visit(page, '/account/sign-in');
          await page.getByLabel('E-mail address').fill('nobody@mail.example');
          await page.getByLabel('Password').fill('not the password at all');
          await submit(page, 'Sign in');
          assert.ok(await page.getByRole('alert').isVisible(), 'the error is shown');
          await assertNoAxeViolations(page, `the reader sign-in with an error at ${viewport} size`);
        });

        it('the comment edit page (as reader) has no violations', async () => {
          const page = await pageFor('reader');
          const path = `/comments/${await freshReaderComment()}/edit`;
          assert.equal(await visit(page, path), 200, `${path} answers 200`);
          await assertNoAxeViolations(page, `${path} as reader at ${viewport} size`);
        });

        it('a refused comment, as the page shows it to a reader without JavaScript, has no violations', async () => {
          const page = await pageFor('reader');
          await visit(page, `/article/${COMMENTED_STORY}`);
          // form.submit() skips the submit event, so the script stays out of it and the server answers
          // the plain form post, as it does without JavaScript: the page again, with the error.
          await Promise.all([
            page.waitForURL(/\/comments$/, { waitUntil: 'load' }),
            page.evaluate(() => document.querySelector<HTMLFormElement>('#comment-form')?.submit()),
          ]);
          assert.ok(await page.getByRole('alert').isVisible(), 'the error is shown');
          await assertNoAxeViolations(page, `a refused comment at ${viewport} size`);
        });

        it('a refused redirect, with its error, has no violations', async () => {
          const page = await pageFor('admin');
          await visit(page, '/newsroom/redirects');
          await page.getByLabel('Old path', { exact: true }).fill('/article/served-by-dateline');
          await page.getByLabel('New address', { exact: true }).fill('/article/elsewhere');
          await submit(page, 'Add redirect');
          assert.ok(await page.getByRole('alert').isVisible(), 'the error is shown');
          await assertNoAxeViolations(page, `a refused redirect at ${viewport} size`);
        });

        it('a refused edition, with its errors, has no violations', async () => {
          const page = await pageFor('admin');
          await visit(page, '/newsroom/settings/editions');
          await page.getByLabel('Language', { exact: true }).fill('not a tag!');
          await page.getByLabel('Address prefix', { exact: true }).fill('ko');
          await page.getByLabel('Name', { exact: true }).fill('Another edition');
          await page.getByLabel('Time zone', { exact: true }).fill('Asia/Seoul');
          await submit(page, 'Add edition');
          assert.ok(await page.getByRole('alert').isVisible(), 'the error is shown');
          await assertNoAxeViolations(page, `a refused edition at ${viewport} size`);
        });

        it('the Import page, with no import, one running, one finished and one failed, has no violations', async () => {
          const page = await pageFor('admin');
          const { db } = server.deps;
          await db.deleteFrom('import_runs').execute();
          assert.equal(await visit(page, '/newsroom/import'), 200);
          await assertNoAxeViolations(page, `the Import page with no import at ${viewport} size`);
          // As if another node were running one now: the bar, its text and the Refresh link, the form closed.
          const running = await insertImportRun(server.deps, 'running', adminId);
          assert.equal(await visit(page, `/newsroom/import?run=${running}`), 200);
          assert.ok(await page.locator('progress').isVisible(), 'the progress bar is shown');
          await assertNoAxeViolations(page, `the Import page with an import running at ${viewport} size`);
          await db.deleteFrom('import_runs').execute();
          const failed = await insertImportRun(server.deps, 'failed', adminId);
          const finished = await insertImportRun(server.deps, 'finished', adminId);
          assert.equal(await visit(page, `/newsroom/import?run=${finished}`), 200);
          assert.ok(await page.getByRole('heading', { name: 'Report' }).isVisible(), 'the report is shown');
          await assertNoAxeViolations(page, `the Import page with a finished import's report at ${viewport} size`);
          assert.equal(await visit(page, `/newsroom/import?run=${failed}`), 200);
          await assertNoAxeViolations(page, `the Import page with a failed import at ${viewport} size`);
          await db.deleteFrom('import_runs').execute();
        });

        it('the newsletter sign-up answer and the confirmed page have no violations', async () => {
          const page = await pageFor('visitor');
          await visit(page, '/');
          await page.getByLabel('Your e-mail address').fill(`axe-${viewport}@news.example`);
          await submit(page, 'Subscribe');
          assert.ok(await page.getByRole('heading', { name: 'Check your inbox' }).isVisible(), 'the same answer for every address');
          await assertNoAxeViolations(page, `the newsletter sign-up answer at ${viewport} size`);
          await visit(page, `/newsletters/confirm/${await freshNewsletterToken()}`);
          await submit(page, 'Confirm my subscription');
          assert.ok(await page.getByRole('heading', { name: 'You are subscribed' }).isVisible(), 'the subscription is confirmed');
          await assertNoAxeViolations(page, `the newsletter confirmed page at ${viewport} size`);
        });

        it('the Subscribers page with an import report has no violations', async () => {
          const page = await pageFor('admin');
          await visit(page, '/newsroom/subscribers');
          await page.getByLabel(/^CSV rows/).fill(`imported-${viewport}@news.example,briefing,2026-01-02\nnot-an-address,briefing,\n`);
          await submit(page, 'Import');
          assert.ok(await page.getByRole('table', { name: 'Rows not imported' }).isVisible(), 'the bad row is reported');
          await assertNoAxeViolations(page, `the Subscribers import report at ${viewport} size`);
        });

        it('the Subscribers page after a CSV file upload, imported and refused, has no violations', async () => {
          const page = await pageFor('admin');
          await visit(page, '/newsroom/subscribers');
          const rows = `address,newsletters,consent date\r\nuploaded-${viewport}@news.example,briefing,2026-01-02\r\n`;
          await page.getByLabel('CSV file').setInputFiles({ name: 'subscribers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
          await submit(page, 'Import');
          assert.ok(await page.getByText('Imported 1 address').isVisible(), 'the file was imported');
          await assertNoAxeViolations(page, `the Subscribers page after a file import at ${viewport} size`);
          await page
            .getByLabel('CSV file')
            .setInputFiles({ name: 'subscribers.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') });
          await submit(page, 'Import');
          assert.ok(await page.getByRole('heading', { name: 'There is a problem' }).isVisible(), 'the refusal is summed up');
          await assertNoAxeViolations(page, `the Subscribers page with a refused file at ${viewport} size`);
        });

        it('a new API key, shown once, has no violations', async () => {
          const page = await pageFor('admin');
          await visit(page, '/newsroom/api-keys');
          await page.getByLabel('Name').fill(`Partner at ${viewport} size`);
          await submit(page, 'Create API key');
          await assertNoAxeViolations(page, `a new API key at ${viewport} size`);
        });
      });
    }

    describe('without JavaScript', () => {
      it('still shows the article headline, body and ranked lists', async () => {
        const page = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
        try {
          const article = new ArticlePage(page);
          assert.equal(await article.goto(SERIES_STORY), 200);
          assert.match((await article.headline.innerText()).trim(), /^The young islanders who left, and the few who came back \(Part 2\)$/);
          assert.ok((await article.bodyParagraphs.count()) >= 3, 'the body is there');
          assert.ok(await article.bodyParagraphs.first().isVisible());
          for (const name of ['Weekly Best Articles', 'You May Also Like', 'Popular Now', 'Must-Reads']) {
            const list = article.rankedList(name);
            assert.ok(await list.isVisible(), `${name} is shown`);
            assert.ok((await list.getByRole('listitem').count()) > 0, `${name} lists stories`);
          }
          assert.ok(await article.sectionLatest.isVisible(), 'the section latest list is shown');
          assert.ok(await article.shareRegion.getByRole('link', { name: /^Facebook/ }).isVisible(), 'the plain share links work without script');
          // The script-only buttons stay hidden rather than showing controls that do nothing.
          assert.equal(await article.shareRegion.getByRole('button').count(), 0);
        } finally {
          await page.context().close();
        }
      });
    });
  },
  // Some 160 pages, each loaded and checked: longer than the usual browser suite, still bounded.
  { timeoutMs: 20 * 60_000 },
);
