import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { COMMENT_MAX_GRAPHEMES } from '../../modules/comments/index.js';
import { csrfTokenFor } from '../http/csrf.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

type Reader = Awaited<ReturnType<TestApp['factories']['reader']>>;

/** Three readers' worth of words: 한, é (e + combining accent) and 👍🏽 are one character each. */
const GRAPHEMES = ['한', 'e\u0301', '👍🏽'];
const graphemes = (n: number) => Array.from({ length: n }, (_, i) => GRAPHEMES[i % 3]).join('');

describe('readers comment on articles', () => {
  let t: TestApp;
  let story: { id: string; slug: string };
  let alice: Reader;
  let bob: Reader;
  let ip = 0;

  const tokenOf = (reader: Reader) => csrfTokenFor(reader.cookie.split('=')[1] ?? '');
  const countRows = async (table: 'comments' | 'comment_likes' | 'comment_reports' = 'comments') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A form post as a browser without script sends it; each call from a fresh address unless told. */
  const post = (
    url: string,
    reader: Reader | null,
    fields: Record<string, string>,
    options: { json?: boolean; csrf?: string | null; remoteAddress?: string } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: options.remoteAddress ?? `203.0.113.${(ip = (ip % 250) + 1)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(reader ? { cookie: reader.cookie } : {}),
        ...(options.json ? { accept: 'application/json' } : {}),
      },
      payload: new URLSearchParams({
        ...(options.csrf === null || !reader ? {} : { _csrf: options.csrf ?? tokenOf(reader) }),
        ...fields,
      }).toString(),
    });

  const comment = async (reader: Reader, body: string, extra: Record<string, string> = {}, slug = story.slug) => {
    const response = await post(`/article/${slug}/comments`, reader, { body, ...extra }, { json: true });
    assert.equal(response.statusCode, 201, response.body);
    const json = response.json<{ comment: { id: string; status: string; html: string }; count: number }>();
    return json;
  };

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
    story = await t.factories.article({ headline: 'Harbour reopens' });
    alice = await t.factories.reader({ displayName: 'Alice' });
    bob = await t.factories.reader({ displayName: 'Bob' });
  });

  it('posts a comment without script: 303 back to the comment, shown escaped with its line breaks', async () => {
    const response = await post(`/article/${story.slug}/comments`, alice, { body: '<script>alert(1)</script>\r\nsecond line https://example.com' });
    assert.equal(response.statusCode, 303);
    const location = String(response.headers.location);
    assert.match(location, new RegExp(`^/article/${story.slug}#comment-`));
    const page = await t.app.inject({ url: `/article/${story.slug}` });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('&lt;script>alert(1)&lt;/script>\nsecond line https://example.com'));
    assert.ok(!page.body.includes('<script>alert(1)'));
    assert.ok(!page.body.includes('<a href="https://example.com'));
    assert.match(page.body, /Comments <span class="comment-count"[^>]*>1<\/span>/);
  });

  it('accepts exactly 300 characters as readers count them and refuses 301, storing nothing', async () => {
    const ok = await comment(alice, graphemes(300));
    assert.equal(ok.comment.status, 'published');
    const before = await countRows();
    const refused = await post(`/article/${story.slug}/comments`, alice, { body: graphemes(301) }, { json: true });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_TOO_LONG');
    assert.equal(await countRows(), before);
  });

  it('tells readers who are not signed in the 300-character limit beside "Sign in to comment"', async () => {
    const page = await t.app.inject({ url: `/article/${story.slug}` });
    const note = /<p class="comments-note">([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
    assert.match(note, /Sign in to comment/);
    assert.match(note, new RegExp(`\\b${COMMENT_MAX_GRAPHEMES} characters\\b`));
    assert.equal(COMMENT_MAX_GRAPHEMES, 300);
  });

  it('refuses every kind of bad text with a coded 4xx, storing nothing, and keeps the typed text in the form', async () => {
    const before = await countRows();
    const cases: Array<[string, string]> = [
      ['', 'ERR_COMMENT_EMPTY'],
      [' \n\t  ', 'ERR_COMMENT_EMPTY'],
      [`x${'\u0301'.repeat(1000)}`, 'ERR_COMMENT_TOO_MANY_BYTES'],
      ['nul \u0000 inside', 'ERR_COMMENT_INVALID_CHARACTERS'],
      ['bell \u0007', 'ERR_COMMENT_INVALID_CHARACTERS'],
    ];
    for (const [body, code] of cases) {
      const response = await post(`/article/${story.slug}/comments`, alice, { body });
      assert.equal(response.statusCode, 400, code);
      assert.equal(response.headers['x-error-code'], code);
      assert.equal(response.headers['cache-control'], 'private, no-store');
    }
    const kept = await post(`/article/${story.slug}/comments`, alice, { body: `<b>kept</b> ${graphemes(301)}` });
    assert.equal(kept.headers['x-error-code'], 'ERR_COMMENT_TOO_LONG');
    assert.ok(kept.body.includes('&lt;b>kept&lt;/b>'));
    assert.match(kept.body, /class="error-summary"/);
    assert.equal(await countRows(), before);
  });

  it('refuses invalid UTF-8 and a 10 MB body with clear codes, storing nothing', async () => {
    const before = await countRows();
    const url = `/article/${story.slug}/comments`;
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: alice.cookie, accept: 'application/json' };
    const csrf = `_csrf=${tokenOf(alice)}&`;
    const escaped = await t.app.inject({ method: 'POST', url, headers, payload: `${csrf}body=%FF%FEbad` });
    assert.equal(escaped.statusCode, 400);
    assert.equal(escaped.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_INVALID_ENCODING');
    const raw = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: Buffer.concat([Buffer.from(`${csrf}body=a`), Buffer.from([0xff]), Buffer.from('b')]),
    });
    assert.equal(raw.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_INVALID_ENCODING');
    const huge = await t.app.inject({ method: 'POST', url, headers, payload: `${csrf}body=${'a'.repeat(10 * 1024 * 1024)}` });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_BODY_TOO_LARGE');
    const hugeHtml = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, accept: 'text/html' },
      payload: `${csrf}body=${'a'.repeat(10 * 1024 * 1024)}`,
    });
    assert.equal(hugeHtml.statusCode, 413);
    assert.equal(hugeHtml.headers['x-error-code'], 'ERR_COMMENT_BODY_TOO_LARGE');
    assert.equal(await countRows(), before);
  });

  it('refuses unknown, draft and withdrawn stories, closed comments and stories with comments off', async () => {
    const before = await countRows();
    const draft = await t.factories.article({ status: 'draft' });
    const withdrawn = await t.factories.article();
    await t.factories.setStatus(withdrawn.id, 'unpublished');
    const expect = async (slug: string, status: number, code: string) => {
      const response = await post(`/article/${slug}/comments`, alice, { body: 'Hello' }, { json: true });
      assert.equal(response.statusCode, status, slug);
      assert.equal(response.json<{ error: { code: string } }>().error.code, code);
    };
    await expect('no-such-story', 404, 'ERR_ARTICLE_NOT_FOUND');
    await expect(draft.slug, 404, 'ERR_ARTICLE_NOT_FOUND');
    await expect(withdrawn.slug, 410, 'ERR_ARTICLE_GONE');
    await t.deps.db.updateTable('articles').set({ comments_enabled: 0 }).where('id', '=', story.id).execute();
    await expect(story.slug, 403, 'ERR_COMMENTS_OFF_FOR_STORY');
    const offPage = await t.app.inject({ url: `/article/${story.slug}`, headers: { cookie: alice.cookie } });
    assert.match(offPage.body, /Comments are turned off for this story/);
    assert.doesNotMatch(offPage.body, /id="comment-form"/);
    const other = await t.factories.article();
    await t.deps.settings.updatePublication({ commentsMode: 'closed' });
    await expect(other.slug, 403, 'ERR_COMMENTS_CLOSED');
    assert.equal(await countRows(), before);
  });

  it('refuses a missing or forged CSRF token, and readers who are not signed in or banned', async () => {
    const before = await countRows();
    const url = `/article/${story.slug}/comments`;
    const missing = await post(url, alice, { body: 'Hello' }, { csrf: null });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const forged = await post(url, alice, { body: 'Hello' }, { csrf: tokenOf(bob), json: true });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json<{ error: { code: string } }>().error.code, 'ERR_CSRF_TOKEN_INVALID');
    const anonymousJson = await post(url, null, { body: 'Hello' }, { json: true });
    assert.equal(anonymousJson.statusCode, 401);
    const anonymous = await post(url, null, { body: 'Hello' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/account\/sign-in\?next=/);
    await t.deps.db.updateTable('readers').set({ banned_at: t.clock.now().toISOString() }).where('id', '=', bob.reader.id).execute();
    const banned = await post(url, bob, { body: 'Hello' }, { json: true });
    assert.equal(banned.statusCode, 403);
    assert.equal(banned.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_READER_BANNED');
    assert.equal(await countRows(), before);
  });

  it('pretends a filled honeypot worked and stores nothing', async () => {
    const before = await countRows();
    const response = await post(`/article/${story.slug}/comments`, alice, { body: 'Buy now', website: 'http://spam.example' });
    assert.equal(response.statusCode, 303);
    assert.equal(await countRows(), before);
  });

  it('limits each reader to 5 comments in 10 minutes, and each address to 20', async () => {
    const story2 = await t.factories.article();
    for (let i = 0; i < 5; i += 1) await comment(alice, `Comment ${i}`, {}, story2.slug);
    const before = await countRows();
    const limited = await post(`/article/${story2.slug}/comments`, alice, { body: 'Sixth' }, { json: true });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json<{ error: { code: string } }>().error.code, 'ERR_TOO_MANY_COMMENTS');
    assert.equal(await countRows(), before);
    t.clock.advance(11 * 60 * 1000);
    await comment(alice, 'Later', {}, story2.slug);
    // One address shared by many readers: the 21st comment from it is refused.
    const readers = await Promise.all(Array.from({ length: 5 }, () => t.factories.reader()));
    let refused = 0;
    for (let i = 0; i < 21; i += 1) {
      const response = await post(
        `/article/${story2.slug}/comments`,
        readers[i % 5] ?? alice,
        { body: `From the office ${i}` },
        { json: true, remoteAddress: '198.51.100.99' },
      );
      if (response.statusCode === 429) refused += 1;
    }
    assert.equal(refused, 1);
  });

  it('holds comments under pre-moderation and blocklisted words: pending, seen only by their author', async () => {
    await t.deps.settings.updatePublication({ commentsMode: 'pre-moderated' });
    const held = await comment(alice, 'Waiting for an editor');
    assert.equal(held.comment.status, 'pending');
    assert.equal(held.count, 0);
    await t.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: ['bad phrase'] });
    const blocked = await comment(alice, 'This has a BAD   phrase in it');
    assert.equal(blocked.comment.status, 'pending');
    const notBlocked = await comment(alice, 'A badphrase is not a phrase');
    assert.equal(notBlocked.comment.status, 'published');
    const own = await t.app.inject({ url: `/article/${story.slug}`, headers: { cookie: alice.cookie } });
    assert.match(own.body, /Waiting for an editor/);
    assert.match(own.body, /Awaiting moderation/);
    const others = await t.app.inject({ url: `/article/${story.slug}`, headers: { cookie: bob.cookie } });
    assert.doesNotMatch(others.body, /Waiting for an editor|BAD/);
    const anonymous = await t.app.inject({ url: `/article/${story.slug}` });
    assert.doesNotMatch(anonymous.body, /Waiting for an editor/);
    assert.match(anonymous.body, /class="comment-count"[^>]*>1</);
  });

  it('nests replies one level: a reply to a reply joins its top-level comment', async () => {
    const top = await comment(alice, 'Top');
    t.clock.advance(1000);
    const reply = await comment(bob, 'Reply', { parent: top.comment.id });
    t.clock.advance(1000);
    const replyToReply = await comment(alice, 'Reply to reply', { parent: reply.comment.id });
    const rows = await t.deps.db.selectFrom('comments').select(['id', 'parent_id']).where('article_id', '=', story.id).execute();
    assert.equal(rows.find((row) => row.id === reply.comment.id)?.parent_id, top.comment.id);
    assert.equal(rows.find((row) => row.id === replyToReply.comment.id)?.parent_id, top.comment.id);
    const other = await t.factories.article();
    const foreign = await post(`/article/${other.slug}/comments`, bob, { body: 'Wrong story', parent: top.comment.id }, { json: true });
    assert.equal(foreign.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_PARENT_INVALID');
    const page = await t.app.inject({ url: `/article/${story.slug}` });
    assert.ok(page.body.indexOf('>Reply</p>') < page.body.indexOf('>Reply to reply</p>'));
  });

  it('orders by newest or most liked, 20 top-level comments a page', async () => {
    const readers = await Promise.all(Array.from({ length: 5 }, () => t.factories.reader()));
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      t.clock.advance(1000);
      ids.push((await comment(readers[i % 5] ?? alice, `Number ${i}.`)).comment.id);
      if (i % 5 === 4) t.clock.advance(11 * 60 * 1000);
    }
    const liked = await post(`/comments/${ids[0]}/like`, bob, {}, { json: true });
    assert.equal(liked.statusCode, 200);
    const newest = await t.app.inject({ url: `/article/${story.slug}` });
    assert.ok(newest.body.indexOf('Number 20.') < newest.body.indexOf('Number 19.'));
    assert.doesNotMatch(newest.body, /Number 0\./);
    assert.match(newest.body, /Page 1 of 2/);
    const second = await t.app.inject({ url: `/article/${story.slug}?cpage=2` });
    assert.match(second.body, /Number 0\./);
    const byLikes = await t.app.inject({ url: `/article/${story.slug}?comments=liked` });
    assert.ok(byLikes.body.indexOf('Number 0.') < byLikes.body.indexOf('Number 20.'));
    assert.equal((await t.app.inject({ url: `/article/${story.slug}?comments=oldest` })).statusCode, 400);
  });

  it('likes once per reader, keeps the count in step, and allows taking a like back', async () => {
    const { comment: c } = await comment(alice, 'Like me');
    const first = await post(`/comments/${c.id}/like`, bob, {}, { json: true });
    assert.equal(first.json<{ comment: { likeCount: number; liked: boolean } }>().comment.likeCount, 1);
    const before = await countRows('comment_likes');
    const twice = await post(`/comments/${c.id}/like`, bob, {}, { json: true });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_ALREADY_LIKED');
    assert.equal(await countRows('comment_likes'), before);
    const unliked = await post(`/comments/${c.id}/unlike`, bob, {});
    assert.equal(unliked.statusCode, 303);
    const row = await t.deps.db.selectFrom('comments').select('like_count').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.like_count), 0);
  });

  it('edits one’s own comment within 5 minutes only, never someone else’s', async () => {
    const { comment: c } = await comment(alice, 'Frist');
    const form = await t.app.inject({ url: `/comments/${c.id}/edit`, headers: { cookie: alice.cookie } });
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'private, no-store');
    const others = await post(`/comments/${c.id}/edit`, bob, { body: 'Hijacked' }, { json: true });
    assert.equal(others.statusCode, 403);
    assert.equal(others.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_NOT_YOURS');
    const edited = await post(`/comments/${c.id}/edit`, alice, { body: 'First' });
    assert.equal(edited.statusCode, 303);
    const empty = await post(`/comments/${c.id}/edit`, alice, { body: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /class="error-summary"/);
    t.clock.advance(5 * 60 * 1000 + 1);
    const late = await post(`/comments/${c.id}/edit`, alice, { body: 'Too late' }, { json: true });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_EDIT_WINDOW_CLOSED');
    const row = await t.deps.db.selectFrom('comments').select(['body', 'edited_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.body, 'First');
    assert.ok(row.edited_at);
    const page = await t.app.inject({ url: `/article/${story.slug}` });
    assert.match(page.body, /Edited/);
  });

  it('deletes one’s own comment; its replies stay under a placeholder', async () => {
    const top = await comment(alice, 'Soon gone');
    await comment(bob, 'Still here', { parent: top.comment.id });
    assert.equal((await post(`/comments/${top.comment.id}/delete`, bob, {}, { json: true })).statusCode, 403);
    const deleted = await post(`/comments/${top.comment.id}/delete`, alice, {}, { json: true });
    assert.equal(deleted.statusCode, 200);
    assert.equal(deleted.json<{ count: number }>().count, 1);
    const page = await t.app.inject({ url: `/article/${story.slug}` });
    assert.match(page.body, /This comment was deleted\./);
    assert.doesNotMatch(page.body, /Soon gone/);
    assert.match(page.body, /Still here/);
  });

  it('takes one report per reader and counts it for the moderation queue', async () => {
    const { comment: c } = await comment(alice, 'Reported');
    assert.equal((await post(`/comments/${c.id}/report`, bob, {})).statusCode, 303);
    const again = await post(`/comments/${c.id}/report`, bob, {}, { json: true });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'ERR_COMMENT_ALREADY_REPORTED');
    const row = await t.deps.db.selectFrom('comments').select('report_count').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.report_count), 1);
  });

  it('refreshes the cached page at once after a comment; personal pages are never cached', async () => {
    const url = `/article/${story.slug}`;
    await t.app.inject({ url });
    const cached = await t.app.inject({ url });
    assert.equal(cached.headers['x-page-cache'], 'hit');
    assert.equal(cached.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    assert.match(cached.body, /Sign in to comment/);
    assert.match(cached.body, /next=%2Farticle%2F[^"]*%23comments/);
    await comment(alice, 'Fresh');
    const fresh = await t.app.inject({ url });
    assert.equal(fresh.headers['x-page-cache'], 'miss');
    assert.match(fresh.body, /class="comment-count"[^>]*>1</);
    for (let i = 0; i < 2; i += 1) {
      const personal = await t.app.inject({ url, headers: { cookie: alice.cookie } });
      assert.equal(personal.headers['cache-control'], 'private, no-store');
      assert.equal(personal.headers['x-page-cache'], undefined);
      assert.match(personal.body, /name="_csrf"/);
      assert.match(personal.body, /name="website"[^>]*tabindex="-1"|tabindex="-1"[^>]*name="website"/);
    }
  });

  it('shows "Comments N" beside stories in the ranked lists once they have comments', async () => {
    const section = await t.factories.section();
    const commented = await t.factories.article({ section, headline: 'Commented story', hoursAgo: 2 });
    const quiet = await t.factories.article({ section, headline: 'Quiet story', hoursAgo: 3 });
    const reader = await t.factories.reader();
    await comment(reader, 'Counted in lists', {}, commented.slug);
    const page = await t.app.inject({ url: `/article/${quiet.slug}` });
    assert.match(page.body, /Commented story<\/a><small class="list-comment-count"> Comments 1<\/small>/);
    const other = await t.app.inject({ url: `/article/${commented.slug}` });
    assert.doesNotMatch(other.body, /Quiet story<\/a><small/);
  });
});
