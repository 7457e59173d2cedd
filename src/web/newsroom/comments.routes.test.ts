import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { refreshCommentCount } from '../../modules/comments/comment-count.repository.js';
import { HOUR_MS } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { postForm } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';

type Status = 'published' | 'pending' | 'hidden' | 'deleted';

/** "Comments N" as the story page's comment heading reads, tags and spacing aside. */
function commentsHeading(html: string): string {
  const heading = /<h2 id="comments-heading"[^>]*>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '';
  return heading
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('newsroom comment moderation', () => {
  let t: TestApp;
  let editor: { cookie: string; csrf: string };
  let n = 0;

  async function signedIn(role: string) {
    const user = await t.factories.staffUser({ role });
    const cookie = await t.factories.sessionCookie(user.id);
    return { user, cookie, csrf: csrfTokenFor(cookie.split('=')[1] ?? '') };
  }

  /** A reader account written straight to the table, as reader sign-up would. */
  async function reader(overrides: { displayName?: string; deleted?: boolean; banned?: boolean } = {}): Promise<string> {
    const id = newId();
    const now = t.clock.now().toISOString();
    n += 1;
    await t.deps.db
      .insertInto('readers')
      .values({
        id,
        email: `reader${n}-${id.slice(0, 6)}@example.com`,
        display_name: overrides.displayName ?? `Reader ${n}`,
        password_hash: 'not-a-real-hash',
        created_at: now,
        password_changed_at: now,
        deleted_at: overrides.deleted ? now : null,
        banned_at: overrides.banned ? now : null,
      })
      .execute();
    return id;
  }

  /** A comment as if posted (and reported) by readers; the story's count is kept as posting would. */
  async function comment(options: {
    articleId: string;
    readerId?: string;
    status?: Status;
    heldReason?: 'pre-moderation' | 'blocklist' | null;
    body?: string;
    minutesAgo?: number;
    reports?: number;
  }): Promise<string> {
    const id = newId();
    const readerId = options.readerId ?? (await reader());
    const status = options.status ?? 'published';
    await t.deps.db
      .insertInto('comments')
      .values({
        id,
        article_id: options.articleId,
        reader_id: readerId,
        parent_id: null,
        body: options.body ?? `Comment ${id.slice(0, 8)}`,
        status,
        held_reason: options.heldReason ?? (status === 'pending' ? 'pre-moderation' : null),
        created_at: new Date(t.clock.now().getTime() - ((options.minutesAgo ?? 1) * HOUR_MS) / 60).toISOString(),
        edited_at: null,
        report_count: options.reports ?? 0,
      })
      .execute();
    for (let i = 0; i < (options.reports ?? 0); i++) {
      await t.deps.db
        .insertInto('comment_reports')
        .values({ comment_id: id, reader_id: await reader(), created_at: t.clock.now().toISOString() })
        .execute();
    }
    await refreshCommentCount(t.deps.db, options.articleId);
    return id;
  }

  async function stored(id: string) {
    return t.deps.db.selectFrom('comments').select(['status', 'report_count']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function commentCount(articleId: string): Promise<number> {
    const row = await t.deps.db.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirstOrThrow();
    return Number(row.comment_count);
  }

  const queue = (query = '', who = editor) => t.app.inject({ url: `/newsroom/comments${query}`, headers: { cookie: who.cookie } });
  const act = (id: string, action: string, who = editor, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    postForm(t.app, `/newsroom/comments/${id}/${action}`, { _csrf: who.csrf, ...fields }, { cookie: who.cookie });

  before(async () => {
    t = await createTestApp();
    editor = await signedIn('editor');
  });
  after(() => t.close());

  it('lists the pending queue oldest first, the reported one most reported first, and every comment newest first', async () => {
    const story = await t.factories.article({ headline: 'Ferry timetable changes' });
    const older = await comment({ articleId: story.id, status: 'pending', body: 'Older pending', minutesAgo: 30 });
    const newer = await comment({ articleId: story.id, status: 'pending', heldReason: 'blocklist', body: 'Newer pending', minutesAgo: 5 });
    const once = await comment({ articleId: story.id, body: 'Reported once', reports: 1, minutesAgo: 20 });
    const thrice = await comment({ articleId: story.id, body: 'Reported thrice', reports: 3, minutesAgo: 10 });
    await comment({ articleId: story.id, status: 'hidden', body: 'Hidden and reported', reports: 2 });

    const pending = await queue();
    assert.equal(pending.statusCode, 200);
    assert.equal(pending.headers['cache-control'], 'no-store');
    assert.ok(pending.body.indexOf('Older pending') < pending.body.indexOf('Newer pending'), 'oldest first');
    assert.doesNotMatch(pending.body, /Reported once/);
    assert.match(pending.body, /Held: Pre-moderation/);
    assert.match(pending.body, /Held: Blocklist/);
    assert.match(pending.body, /href="\/article\/[^"]+">Ferry timetable changes<\/a>/);
    assert.match(pending.body, new RegExp(`action="/newsroom/comments/${older}/approve"`));
    assert.match(pending.body, /<a href="\/newsroom\/comments" aria-current="page">Comments<\/a>/, 'the nav links here');

    const reported = await queue('?show=reported');
    assert.equal(reported.statusCode, 200);
    assert.ok(reported.body.indexOf('Reported thrice') < reported.body.indexOf('Reported once'), 'most reported first');
    assert.match(reported.body, /Reported 3 times/);
    assert.match(reported.body, /Reported once/);
    assert.doesNotMatch(reported.body, /Hidden and reported/, 'hidden comments are dealt with already');
    assert.match(reported.body, new RegExp(`action="/newsroom/comments/${thrice}/dismiss-reports"`));

    const all = await queue('?show=all');
    assert.ok(
      all.body.indexOf('Newer pending') < all.body.indexOf('Reported thrice') &&
        all.body.indexOf('Reported once') < all.body.indexOf('Older pending'),
      'newest first',
    );
    assert.match(all.body, /Hidden and reported/);
    assert.ok(newer && once);
  });

  it('shows the blocklist word a held comment matches, escapes the text and keeps its line breaks', async () => {
    await t.deps.settings.updatePublication({ commentBlocklist: ['Scam Link'] });
    const story = await t.factories.article();
    await comment({
      articleId: story.id,
      status: 'pending',
      heldReason: 'blocklist',
      body: 'First line <script>x</script>\nsee this scam link',
      minutesAgo: 500,
    });
    const page = await queue();
    assert.match(page.body, /Held: Blocklist: Scam Link/);
    assert.match(page.body, /First line &lt;script>x&lt;\/script><br\/?>see this scam link/);
    assert.doesNotMatch(page.body, /<script>x/);
    await t.deps.settings.updatePublication({ commentBlocklist: [] });
  });

  it('approves a pending comment: the story page is rebuilt with the new count, and the step is audited', async () => {
    const story = await t.factories.article();
    const id = await comment({ articleId: story.id, status: 'pending', body: 'Worth publishing' });
    await t.app.inject(`/article/${story.slug}`);
    const cached = await t.app.inject(`/article/${story.slug}`);
    assert.equal(cached.headers['x-page-cache'], 'hit');
    assert.equal(commentsHeading(cached.body), 'Comments 0');

    const approved = await act(id, 'approve', editor, { show: 'pending', page: '1' });
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, '/newsroom/comments?done=approved');
    assert.equal((await stored(id)).status, 'published');
    assert.equal(await commentCount(story.id), 1);

    const fresh = await t.app.inject(`/article/${story.slug}`);
    assert.equal(fresh.headers['x-page-cache'], 'miss');
    assert.equal(commentsHeading(fresh.body), 'Comments 1');
    const audit = await t.deps.audit.list({ limit: 5, action: 'comment.approved' });
    assert.equal(audit[0]?.subjectId, id);
    assert.match((await queue('?done=approved')).body, /role="status">Comment approved/);
  });

  it('hides and deletes: the count drops, and the redirect keeps the view the editor came from', async () => {
    const story = await t.factories.article();
    const first = await comment({ articleId: story.id });
    const second = await comment({ articleId: story.id, reports: 2 });
    assert.equal(await commentCount(story.id), 2);

    const hidden = await act(first, 'hide', editor, { show: 'all', page: '2' });
    assert.equal(hidden.statusCode, 303);
    assert.equal(hidden.headers.location, '/newsroom/comments?show=all&page=2&done=hidden');
    assert.equal((await stored(first)).status, 'hidden');
    assert.equal(await commentCount(story.id), 1);
    assert.equal(commentsHeading((await t.app.inject(`/article/${story.slug}`)).body), 'Comments 1');

    const dismissed = await act(second, 'dismiss-reports', editor, { show: 'reported' });
    assert.equal(dismissed.headers.location, '/newsroom/comments?show=reported&done=dismissed');
    assert.equal((await stored(second)).report_count, 0);
    const reports = await t.deps.db.selectFrom('comment_reports').select('reader_id').where('comment_id', '=', second).execute();
    assert.equal(reports.length, 0);

    assert.equal((await act(second, 'delete')).statusCode, 303);
    assert.equal((await stored(second)).status, 'deleted');
    assert.equal(await commentCount(story.id), 0);
    // A hidden comment can be restored by approving it.
    assert.equal((await act(first, 'approve')).statusCode, 303);
    assert.equal(await commentCount(story.id), 1);
    const actions = (await t.deps.audit.list({ limit: 50 }))
      .filter((entry) => entry.subjectId === first || entry.subjectId === second)
      .map((entry) => entry.action);
    assert.deepEqual(actions.sort(), ['comment.approved', 'comment.deleted', 'comment.hidden', 'comment.reports_dismissed']);
  });

  it('refuses a step the status does not allow (409) and an unknown comment (404), changing nothing', async () => {
    const story = await t.factories.article();
    const deleted = await comment({ articleId: story.id, status: 'deleted' });
    const published = await comment({ articleId: story.id });
    for (const action of ['approve', 'hide', 'delete']) {
      const response = await act(deleted, action);
      assert.equal(response.statusCode, 409, action);
      assert.equal(response.headers['x-error-code'], 'ERR_MODERATION_STEP_INVALID');
      assert.equal(response.headers['cache-control'], 'no-store');
    }
    assert.equal((await stored(deleted)).status, 'deleted');
    const approvePublished = await act(published, 'approve');
    assert.equal(approvePublished.statusCode, 409);
    assert.equal((await act(published, 'dismiss-reports')).headers['x-error-code'], 'ERR_MODERATION_NO_REPORTS');
    assert.equal((await act(published, 'unban')).headers['x-error-code'], 'ERR_MODERATION_BAN_INVALID');
    assert.equal((await stored(published)).status, 'published');
    assert.equal(await commentCount(story.id), 1);

    const missing = await act('no-such-comment', 'approve');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['x-error-code'], 'ERR_COMMENT_NOT_FOUND');
    assert.match(missing.body, /<html/);
    assert.equal((await queue('?show=everything')).headers['x-error-code'], 'ERR_MODERATION_VIEW_INVALID');
    assert.equal((await queue('?show=all&page=0')).statusCode, 400);
  });

  it('bans a reader (hiding their waiting comments, keeping the published ones) and lifts the ban', async () => {
    const story = await t.factories.article();
    const troll = await reader({ displayName: 'Loud Troll' });
    const published = await comment({ articleId: story.id, readerId: troll });
    const waiting = await comment({ articleId: story.id, readerId: troll, status: 'pending' });

    const banned = await act(published, 'ban', editor, { show: 'all' });
    assert.equal(banned.statusCode, 303);
    assert.equal(banned.headers.location, '/newsroom/comments?show=all&done=banned');
    const row = await t.deps.db.selectFrom('readers').select('banned_at').where('id', '=', troll).executeTakeFirstOrThrow();
    assert.equal(row.banned_at, t.clock.now().toISOString());
    assert.equal((await stored(waiting)).status, 'hidden');
    assert.equal((await stored(published)).status, 'published');
    assert.match((await queue('?show=all')).body, /Loud Troll<\/strong> \([^)]+\) <span class="story-status">Banned<\/span>/);
    assert.equal((await act(published, 'ban')).statusCode, 409, 'already banned');
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'reader.banned' }))[0]?.subjectId, published);

    assert.equal((await act(published, 'unban')).statusCode, 303);
    const after = await t.deps.db.selectFrom('readers').select('banned_at').where('id', '=', troll).executeTakeFirstOrThrow();
    assert.equal(after.banned_at, null);
  });

  it('names a deleted reader as such, without an address or a ban button', async () => {
    const story = await t.factories.article();
    const gone = await reader({ displayName: 'Former Reader', deleted: true });
    const id = await comment({ articleId: story.id, readerId: gone, body: 'Left behind', status: 'pending', minutesAgo: 100_000 });
    const page = await queue();
    const entry = new RegExp(`<li id="comment-${id}">[\\s\\S]*?</li>`).exec(page.body)?.[0] ?? '';
    assert.match(entry, /<strong>a deleted reader<\/strong>/);
    assert.doesNotMatch(entry, /Former Reader|@example\.com|\/ban"/);
    assert.match(entry, /\/approve"/);
  });

  it('lets editors and admins in, keeps reporters and contributors out, and refuses forged forms', async () => {
    const story = await t.factories.article();
    const id = await comment({ articleId: story.id, status: 'pending' });
    for (const role of ['contributor', 'reporter']) {
      const who = await signedIn(role);
      const page = await queue('', who);
      assert.equal(page.statusCode, 403, role);
      assert.equal(page.headers['x-error-code'], 'ERR_FORBIDDEN');
      assert.doesNotMatch((await t.app.inject({ url: '/newsroom', headers: { cookie: who.cookie } })).body, /href="\/newsroom\/comments"/);
      assert.equal((await act(id, 'approve', who)).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/newsroom/comments/settings', headers: { cookie: who.cookie } })).statusCode, 403);
      assert.equal(
        (
          await postForm(
            t.app,
            '/newsroom/comments/settings',
            { _csrf: who.csrf, 'comments-mode': 'closed', 'comment-blocklist': '' },
            { cookie: who.cookie },
          )
        ).statusCode,
        403,
      );
    }
    const admin = await signedIn('admin');
    assert.equal((await queue('', admin)).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/newsroom/comments/settings', headers: { cookie: admin.cookie } })).statusCode, 200);

    const forged = await act(id, 'approve', { cookie: editor.cookie, csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const otherSession = await signedIn('editor');
    assert.equal((await act(id, 'hide', { cookie: editor.cookie, csrf: otherSession.csrf })).statusCode, 403, 'a token of another session');
    const noSession = await postForm(t.app, `/newsroom/comments/${id}/approve`, { _csrf: editor.csrf });
    assert.equal(noSession.statusCode, 401);
    const settingsForged = await postForm(
      t.app,
      '/newsroom/comments/settings',
      { 'comments-mode': 'closed', 'comment-blocklist': '' },
      { cookie: editor.cookie },
    );
    assert.equal(settingsForged.statusCode, 403);
    assert.equal((await stored(id)).status, 'pending');
    assert.equal(t.deps.settings.publication.commentsMode, 'open');
  });

  it('saves the comment mode and the blocklist, and refuses bad input with the error by its field', async () => {
    const form = await t.app.inject({ url: '/newsroom/comments/settings', headers: { cookie: editor.cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<input type="radio" id="comments-mode-open" name="comments-mode" value="open" checked/);
    assert.match(form.body, /<label for="comment-blocklist">Blocklist<\/label>/);

    const save = (fields: Record<string, string>) =>
      postForm(t.app, '/newsroom/comments/settings', { _csrf: editor.csrf, ...fields }, { cookie: editor.cookie });
    const saved = await save({ 'comments-mode': 'pre-moderated', 'comment-blocklist': '  Spam \r\n\r\nscam link\nSPAM\n' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/newsroom/comments/settings?saved');
    assert.equal(t.deps.settings.publication.commentsMode, 'pre-moderated');
    assert.deepEqual(t.deps.settings.publication.commentBlocklist, ['Spam', 'scam link']);
    const shown = await t.app.inject({ url: '/newsroom/comments/settings?saved', headers: { cookie: editor.cookie } });
    assert.match(shown.body, /role="status">Comment settings saved/);
    assert.match(shown.body, /value="pre-moderated" checked/);
    assert.match(shown.body, />Spam\nscam link<\/textarea>/);
    assert.match((await queue()).body, /Comments are <strong>pre-moderated<\/strong>/);
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'settings.updated' }))[0]?.subjectId, 'comments');

    const badMode = await save({ 'comments-mode': 'sometimes', 'comment-blocklist': 'fine' });
    assert.equal(badMode.statusCode, 400);
    assert.equal(badMode.headers['x-error-code'], 'ERR_MODERATION_MODE_INVALID');
    assert.match(badMode.body, /<a href="#comments-mode-open">/);
    const tooLong = await save({ 'comments-mode': 'closed', 'comment-blocklist': `ok\n${'x'.repeat(101)}` });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.headers['x-error-code'], 'ERR_MODERATION_BLOCKLIST_INVALID');
    assert.match(tooLong.body, /<a href="#comment-blocklist">/);
    assert.match(tooLong.body, /aria-invalid="true" aria-describedby="comment-blocklist-hint comment-blocklist-error"/);
    assert.match(tooLong.body, /value="closed" checked/, 'the form shows what was typed');
    const tooMany = await save({ 'comments-mode': 'closed', 'comment-blocklist': Array.from({ length: 501 }, (_, i) => `word${i}`).join('\n') });
    assert.equal(tooMany.statusCode, 400);
    assert.equal(t.deps.settings.publication.commentsMode, 'pre-moderated', 'nothing saved');
    assert.deepEqual(t.deps.settings.publication.commentBlocklist, ['Spam', 'scam link']);

    assert.equal((await save({ 'comments-mode': 'open', 'comment-blocklist': '' })).statusCode, 303);
    assert.deepEqual(t.deps.settings.publication.commentBlocklist, []);
  });

  it('keeps the per-story comments switch: on for new stories, off when unticked, untouched by forms without it', async () => {
    const section = await t.factories.section();
    const author = await t.factories.author();
    const fields = (extra: Array<[string, string]>) =>
      new URLSearchParams([
        ['_csrf', editor.csrf],
        ['headline', 'Switch story'],
        ['body', 'Words.'],
        ['sectionId', section.id],
        ['typeLabel', 'News'],
        ['authorIds', author.id],
        ...extra,
      ]).toString();
    const post = (url: string, extra: Array<[string, string]>) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: fields(extra),
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
    const enabled = async (id: string) =>
      Number((await t.deps.db.selectFrom('articles').select('comments_enabled').where('id', '=', id).executeTakeFirstOrThrow()).comments_enabled);

    const blank = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: editor.cookie } });
    assert.match(blank.body, /<input id="commentsEnabled" name="commentsEnabled" type="checkbox" value="on" checked/);
    assert.match(blank.body, /<label for="commentsEnabled">Comments open on this story<\/label>/);

    const created = await post('/newsroom/stories/new', [
      ['commentsEnabledShown', '1'],
      ['commentsEnabled', 'on'],
    ]);
    assert.equal(created.statusCode, 303);
    const id = /stories\/([^/]+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
    assert.equal(await enabled(id), 1);

    assert.equal((await post(`/newsroom/stories/${id}/edit`, [['commentsEnabledShown', '1']])).statusCode, 303);
    assert.equal(await enabled(id), 0);
    assert.doesNotMatch(
      (await t.app.inject({ url: `/newsroom/stories/${id}/edit`, headers: { cookie: editor.cookie } })).body,
      /name="commentsEnabled" type="checkbox" value="on" checked/,
    );
    assert.equal((await post(`/newsroom/stories/${id}/edit`, [])).statusCode, 303);
    assert.equal(await enabled(id), 0, 'a form without the switch leaves it');

    const closedFromStart = await post('/newsroom/stories/new', [['commentsEnabledShown', '1']]);
    const other = /stories\/([^/]+)\/edit/.exec(String(closedFromStart.headers.location))?.[1] ?? '';
    assert.equal(await enabled(other), 0);
  });
});
