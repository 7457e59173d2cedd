import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NEWSLETTER_SEND_JOB } from '../../modules/newsletters/index.js';
import { signInStaff, postForm } from '../../testing/newsroom-client.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** A confirmed subscriber, through the real double opt-in: the link is read from the queued mail. */
async function subscribeConfirmed(t: TestApp, email: string, keys: string[]): Promise<void> {
  await t.deps.subscribers.subscribe({ email, keys, ip: `ip-${email}` });
  const message = await t.deps.db
    .selectFrom('mail_messages')
    .select('text')
    .where('to_address', '=', email)
    .where('kind', '=', 'newsletter.confirm')
    .executeTakeFirstOrThrow();
  const token = /\/newsletters\/confirm\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
  assert.ok(token);
  await t.deps.subscribers.confirm(token);
}

async function drainMail(t: TestApp): Promise<void> {
  while ((await t.deps.mailSender.runDue()) > 0);
}

describe('newsletter issues in the newsroom, and their public archive', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let cookie: string;
  let csrf: string;
  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'desk@news.example', MAIL_RATE_PER_MINUTE: '60000' } });
    for (const name of ['World', 'Business', 'Culture']) {
      const section = await t.factories.section({ name });
      await t.factories.article({ section });
    }
    await t.deps.lists.refreshOnce();
    ({ cookie, csrf } = await signInStaff(t, 'editor', '/newsroom/newsletters'));
    await subscribeConfirmed(t, 'ada@example.com', ['briefing', 'breaking']);
    await subscribeConfirmed(t, 'bo@example.com', ['briefing']);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  it('lets an editor compose, edit and send the briefing, and shows its delivery', async () => {
    const list = await get('/newsroom/newsletters');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Newsletters<\/h1>/);
    const composed = await postForm(t.app, '/newsroom/newsletters/compose', { _csrf: csrf, key: 'briefing' }, { cookie });
    assert.equal(composed.statusCode, 303);
    const issueUrl = String(composed.headers.location);
    const id = issueUrl.split('/').pop() ?? '';
    const page = await get(issueUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<iframe[^>]*title="The message as recipients see it"/);
    // The preview frame's own address: the message's HTML under a policy that keeps its inline styles and runs nothing.
    const preview = await get(`${issueUrl}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<html[^>]*lang=/);
    assert.match(String(preview.headers['content-security-policy']), /default-src 'none'.*style-src 'unsafe-inline'.*sandbox/);
    assert.equal((await get(`/newsroom/newsletters/issues/${'0'.repeat(8)}-0000-0000-0000-000000000000/preview`)).statusCode, 404);
    assert.match(page.body, /aria-live="polite"/);
    const issue = await t.deps.newsletterIssues.find(id);
    const [a, b, c] = issue.items;
    assert.ok(a && b && c);
    const refused = await postForm(t.app, issueUrl, { _csrf: csrf, subject: '', intro: '' }, { cookie });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_NEWSLETTER_ISSUE_INVALID');
    const saved = await postForm(
      t.app,
      issueUrl,
      {
        _csrf: csrf,
        subject: 'Morning, readers',
        intro: 'Hello from the desk.',
        [`keep-${a.articleId}`]: '1',
        [`position-${a.articleId}`]: '2',
        [`keep-${c.articleId}`]: '1',
        [`position-${c.articleId}`]: '1',
      },
      { cookie },
    );
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(
      (await t.deps.newsletterIssues.find(id)).items.map((item) => item.articleId),
      [c.articleId, a.articleId],
    );
    const sent = await postForm(t.app, `${issueUrl}/send`, { _csrf: csrf }, { cookie });
    assert.equal(sent.statusCode, 303);
    await t.deps.jobs.run(NEWSLETTER_SEND_JOB);
    await drainMail(t);
    await smtp.waitFor((all) => all.filter((m) => m.parsed.subject === 'Morning, readers').length === 2);
    const progress = await get(`${issueUrl}/progress`);
    assert.equal(progress.statusCode, 200);
    const body = progress.json<{ status: string; sent: number; failed: number; enqueued: number; text: string }>();
    assert.equal(body.status, 'sent');
    assert.equal(body.sent, 2);
    assert.equal(body.enqueued, 2);
    assert.equal(body.failed, 0);
    const again = await postForm(t.app, `${issueUrl}/send`, { _csrf: csrf }, { cookie });
    assert.equal(again.statusCode, 409);

    const archive = await t.app.inject({ url: '/newsletters/briefing' });
    assert.equal(archive.statusCode, 200);
    assert.match(archive.body, /<a href="\/newsletters\/briefing\/1">Morning, readers<\/a>/);
    const archived = await t.app.inject({ url: '/newsletters/briefing/1' });
    assert.equal(archived.statusCode, 200);
    assert.match(archived.body, /Hello from the desk\./);
    assert.ok(archived.body.indexOf(c.headline) < archived.body.indexOf(a.headline));
    assert.equal((await t.app.inject({ url: '/newsletters/briefing/2' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/newsletters/briefing/x' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/newsletters/nope' })).statusCode, 404);
  });

  it('sends a breaking alert when an editor publishes with the box ticked', async () => {
    const section = t.deps.sections.all[0];
    assert.ok(section);
    const draft = await t.factories.article({ section, status: 'draft', headline: 'Harbour bridge closes' });
    const editor = await get(`/newsroom/stories/${draft.id}/edit`);
    assert.match(editor.body, /<label for="breaking-alert">Send as a breaking alert<\/label>/);
    const published = await postForm(t.app, `/newsroom/stories/${draft.id}/publish`, { _csrf: csrf, 'breaking-alert': '1' }, { cookie });
    assert.equal(published.statusCode, 303);
    await t.deps.jobs.run(NEWSLETTER_SEND_JOB);
    await drainMail(t);
    const [alert] = await smtp
      .waitFor((all) => all.some((m) => m.parsed.subject === 'Breaking: Harbour bridge closes'))
      .then((all) => all.filter((m) => m.parsed.subject === 'Breaking: Harbour bridge closes'));
    assert.deepEqual(alert?.to, ['ada@example.com']);
  });

  it('holds a scheduled issue so it does not go out by itself, and puts it back while its time is ahead', async () => {
    const section = t.deps.sections.all.find((candidate) => candidate.name === 'Business');
    assert.ok(section);
    const composed = await postForm(t.app, '/newsroom/newsletters/compose', { _csrf: csrf, key: `weekly-${section.id}` }, { cookie });
    const issueUrl = String(composed.headers.location);
    const id = issueUrl.split('/').pop() ?? '';
    assert.equal((await t.deps.newsletterIssues.find(id)).status, 'scheduled', 'composed before 07:00');
    assert.match((await get(issueUrl)).body, new RegExp(`action="${issueUrl}/hold"`));

    const forged = await postForm(t.app, `${issueUrl}/hold`, { _csrf: 'forged' }, { cookie });
    assert.equal(forged.statusCode, 403);
    assert.equal((await t.deps.newsletterIssues.find(id)).status, 'scheduled', 'a forged hold changes nothing');
    const held = await postForm(t.app, `${issueUrl}/hold`, { _csrf: csrf }, { cookie });
    assert.equal(held.statusCode, 303);
    assert.equal((await t.deps.newsletterIssues.find(id)).status, 'draft');
    assert.match((await get(issueUrl)).body, new RegExp(`action="${issueUrl}/schedule"`), 'it can go back on the schedule');

    // Past its set time, the job leaves the held issue alone, and it can no longer be put back.
    const now = t.clock.now();
    try {
      t.clock.set(new Date(`${now.toISOString().slice(0, 10)}T07:01:00Z`));
      await t.deps.jobs.run(NEWSLETTER_SEND_JOB);
      assert.equal((await t.deps.newsletterIssues.find(id)).status, 'draft');
      assert.equal((await t.deps.newsletterIssues.find(id)).recipientCount, 0);
      const late = await postForm(t.app, `${issueUrl}/schedule`, { _csrf: csrf }, { cookie });
      assert.equal(late.statusCode, 409);
      assert.equal(late.headers['x-error-code'], 'ERR_NEWSLETTER_ISSUE_TOO_LATE');
      assert.equal((await t.deps.newsletterIssues.find(id)).status, 'draft');
    } finally {
      t.clock.set(now);
    }
    const back = await postForm(t.app, `${issueUrl}/schedule`, { _csrf: csrf }, { cookie });
    assert.equal(back.statusCode, 303);
    const scheduled = await t.deps.newsletterIssues.find(id);
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(scheduled.scheduledFor?.toISOString(), `${now.toISOString().slice(0, 10)}T07:00:00.000Z`);

    // An issue already sent cannot be held; an alert has no set time to go back to.
    const [sent] = (await t.deps.newsletterIssues.list(20)).filter((issue) => issue.status === 'sent' && issue.newsletterKey === 'briefing');
    assert.ok(sent);
    const tooLate = await postForm(t.app, `/newsroom/newsletters/issues/${sent.id}/hold`, { _csrf: csrf }, { cookie });
    assert.equal(tooLate.statusCode, 409);
    assert.equal(tooLate.headers['x-error-code'], 'ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    const unknown = await postForm(
      t.app,
      `/newsroom/newsletters/issues/${'0'.repeat(8)}-0000-0000-0000-000000000000/hold`,
      { _csrf: csrf },
      { cookie },
    );
    assert.equal(unknown.statusCode, 404);
  });

  it('refuses the pages to reporters', async () => {
    const reporter = await signInStaff(t, 'reporter');
    assert.equal((await t.app.inject({ url: '/newsroom/newsletters', headers: { cookie: reporter.cookie } })).statusCode, 403);
    const [issue] = await t.deps.newsletterIssues.list(1);
    assert.ok(issue);
    const hold = await postForm(t.app, `/newsroom/newsletters/issues/${issue.id}/hold`, { _csrf: reporter.csrf }, { cookie: reporter.cookie });
    assert.equal(hold.statusCode, 403);
  });
});
