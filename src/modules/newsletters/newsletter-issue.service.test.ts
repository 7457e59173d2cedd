import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSmtpTestServer, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { DAY_MS } from '../../shared/clock.js';
import { NewsletterIssueService } from './newsletter-issue.service.js';
import type { IssueRecipient, RecipientSource } from './newsletter-issue.types.js';

/** Recipients in id order, the way the subscribers' keyset query hands them out. */
function fakeRecipients(emails: string[]): RecipientSource & { all: IssueRecipient[] } {
  const all = emails.map((email, i) => ({ subscriberId: `s${String(i).padStart(6, '0')}`, email }));
  return {
    all,
    recipients: async (_key, after, limit) => all.filter((r) => after === null || r.subscriberId > after).slice(0, limit),
    preferencesUrl: (id) => `https://news.example/newsletters/preferences/${id}?sig=p-${id}`,
    oneClickUnsubscribeUrl: (id, key) => `https://news.example/newsletters/unsubscribe/${id}/${key}?sig=u-${id}&x=1`,
  };
}

function serviceFor(t: TestApp, recipients: RecipientSource): NewsletterIssueService {
  return new NewsletterIssueService({
    db: t.deps.db,
    clock: t.clock,
    mail: t.deps.mail,
    lists: t.deps.lists,
    sections: t.deps.sections,
    settings: () => t.deps.settings.publication,
    names: { listNow: () => [{ key: 'briefing', name: 'The Morning Briefing', description: '', sectionId: null }] },
    recipients,
    siteUrl: 'https://news.example',
    articleUrl: (slug) => `https://news.example/${slug}`,
    requestRun: () => {},
    events: t.deps.events,
  });
}

async function drainMail(t: TestApp): Promise<void> {
  while ((await t.deps.mailSender.runDue()) > 0);
}

const idle = new AbortController().signal;

describe('newsletter issues sent over real SMTP', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'desk@news.example', MAIL_RATE_PER_MINUTE: '60000' } });
    const world = await t.factories.section({ name: 'World' });
    const business = await t.factories.section({ name: 'Business' });
    const culture = await t.factories.section({ name: 'Culture' });
    const sections = [world, business, culture];
    for (let i = 0; i < 6; i++) await t.factories.article({ section: sections[i % 3], hoursAgo: i + 1 });
    await t.deps.lists.refreshOnce();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('composes the briefing, takes an edited intro, order and removal, and mails each recipient once with HTML, text and one-click headers', async () => {
    const recipients = fakeRecipients(['ada@example.com', 'bo@example.com', 'cy@example.com']);
    const service = serviceFor(t, recipients);
    const draft = await service.composeToday('briefing');
    assert.ok(draft.items.length >= 3);
    assert.equal(draft.status, 'scheduled', 'composed before the set time (07:00 UTC), it waits for it');
    const [first, second, third] = draft.items;
    assert.ok(first && second && third);
    const edited = await service.edit(draft.id, {
      subject: 'Your Friday briefing',
      intro: 'Good morning.\n\nThree stories today.',
      order: [third.articleId, first.articleId],
    });
    assert.deepEqual(
      edited.items.map((item) => item.articleId),
      [third.articleId, first.articleId],
    );
    await rejectsWithCode(service.edit(draft.id, { subject: '', intro: '', order: [first.articleId] }), 'ERR_NEWSLETTER_ISSUE_INVALID');
    await rejectsWithCode(service.edit(draft.id, { subject: 'x', intro: '', order: ['not-an-item'] }), 'ERR_NEWSLETTER_ISSUE_INVALID');

    const started = await service.sendNow(draft.id);
    assert.equal(started.status, 'sending');
    assert.equal(started.number, 1);
    await rejectsWithCode(service.sendNow(draft.id), 'ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    await rejectsWithCode(service.edit(draft.id, { subject: 'Late', intro: '', order: [first.articleId] }), 'ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');

    await service.runDue(idle);
    assert.deepEqual(await service.progress(draft.id), { status: 'sent', enqueued: 3, queued: 3, sent: 0, failed: 0, fannedOut: true });
    await drainMail(t);
    const messages = await smtp.waitFor((all) => all.filter((m) => m.parsed.subject === 'Your Friday briefing').length === 3);
    const progress = await service.progress(draft.id);
    assert.equal(progress.sent, 3);
    for (const recipient of recipients.all) {
      const mine = messages.filter((m) => m.to.includes(recipient.email));
      assert.equal(mine.length, 1, recipient.email);
      const message = mine[0];
      assert.ok(message);
      const html = String(message.parsed.html);
      const text = message.parsed.text ?? '';
      const unsubscribe = recipients.oneClickUnsubscribeUrl(recipient.subscriberId, 'briefing');
      assert.match(message.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      // Unfolded: a long header continues on the next line.
      assert.ok(message.raw.replace(/\r\n[ \t]+/g, ' ').includes(`List-Unsubscribe: <${unsubscribe}>`));
      assert.ok(html.includes(recipients.preferencesUrl(recipient.subscriberId)));
      assert.ok(html.includes(unsubscribe.replace(/&/g, '&amp;')));
      assert.ok(text.includes(unsubscribe));
      assert.ok(text.includes('Three stories today.'));
      assert.ok(html.indexOf(third.headline) < html.indexOf(first.headline), 'the edited order');
      assert.ok(!html.includes(second.headline), 'the removed story');
      assert.ok(html.includes(`https://news.example/${third.slug}`), 'links go straight to the story');
      assert.ok(!/<img/i.test(html), 'no tracking pixel');
    }
  });

  it('sends the day’s briefing by itself at the set time, once, whatever the runs and restarts', async () => {
    const recipients = fakeRecipients(['early@example.com', 'late@example.com']);
    await t.deps.settings.updatePublication({ newsletterTime: '06:00', timeZone: 'Asia/Seoul' });
    // 2026-11-21 05:30 in Seoul: composed (an hour ahead) but not yet sent.
    t.clock.set('2026-11-20T20:30:00Z');
    const before = serviceFor(t, recipients);
    await before.runDue(idle);
    const [issue] = (await before.list()).filter((candidate) => candidate.edition === '2026-11-21');
    assert.ok(issue);
    assert.equal(issue.status, 'scheduled');
    assert.equal(issue.scheduledFor?.toISOString(), '2026-11-20T21:00:00.000Z');
    t.clock.set('2026-11-20T21:00:05Z');
    await before.runDue(idle);
    // A restart (a new service) and more runs the same day: nothing more.
    const restarted = serviceFor(t, recipients);
    await restarted.runDue(idle);
    t.clock.set('2026-11-21T10:00:00Z');
    await restarted.runDue(idle);
    await drainMail(t);
    const sent = await restarted.find(issue.id);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.recipientCount, 2);
    await smtp.waitFor((all) => all.filter((m) => m.to.includes('early@example.com')).length === 1);
    assert.equal(smtp.messages.filter((m) => m.to.includes('late@example.com')).length, 1);
    assert.equal(
      (await restarted.list()).filter((candidate) => candidate.newsletterKey === 'briefing' && candidate.edition === '2026-11-21').length,
      1,
    );
  });

  it('a breaking alert goes out once per story, and a section’s weekly carries that section’s stories', async () => {
    const recipients = fakeRecipients(['alert@example.com']);
    const service = serviceFor(t, recipients);
    const story = t.deps.lists.current.latest[0];
    assert.ok(story);
    const alert = await service.sendBreaking(story);
    assert.equal(alert.status, 'sending');
    const again = await service.sendBreaking(story);
    assert.equal(again.id, alert.id);
    await service.runDue(idle);
    await drainMail(t);
    await smtp.waitFor(
      (all) => all.filter((m) => m.to.includes('alert@example.com') && m.parsed.subject === `Breaking: ${story.headline}`).length === 1,
    );

    const section = t.deps.sections.all.find((candidate) => candidate.name === 'World');
    assert.ok(section);
    // The older World story is the more read this week: the section's Weekly Best puts it first,
    // then the section's latest stories fill the issue.
    const [newer, older] = t.deps.lists.current.latestBySection.get(section.id) ?? [];
    assert.ok(newer && older);
    await t.factories.views(older.id, 40, { hoursAgo: 1 });
    const weekly = await service.composeToday(`weekly-${section.id}`);
    assert.deepEqual(
      weekly.items.map((item) => item.articleId),
      [older.id, newer.id],
    );
    assert.ok(weekly.items.every((item) => item.label === 'World'));
    await rejectsWithCode(service.composeToday('weekly-nope'), 'ERR_NEWSLETTER_NOT_FOUND');
  });

  it('a month on, an issue keeps its counts and its messages leave the mail queue; younger issues and waiting messages stay', async () => {
    const service = serviceFor(t, fakeRecipients(['r1@example.com', 'r2@example.com', 'r3@example.com']));
    const messagesOf = async (batchId: string) =>
      Number(
        (
          await t.deps.db
            .selectFrom('mail_messages')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('batch_id', '=', batchId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [, older, younger] = t.deps.lists.current.latest;
    assert.ok(older && younger);
    const start = t.clock.now();
    try {
      const old = await service.sendBreaking(older);
      await service.runDue(idle);
      await drainMail(t);
      const before = await service.progress(old.id);
      assert.deepEqual([before.enqueued, before.sent, before.failed], [3, 3, 0]);

      t.clock.advance(29 * DAY_MS);
      await service.retireDeliveryRecords();
      assert.equal(await messagesOf(old.id), 3, 'within the month nothing goes');
      // A message of the old issue still waiting holds its records back (it should not happen a month on).
      await t.deps.mail.enqueue({ to: 'late@example.com', subject: 's', html: '<p>h</p>', text: 't', kind: 'newsletter.issue', batchId: old.id });
      t.clock.advance(2 * DAY_MS);
      const young = await service.sendBreaking(younger);
      await service.runDue(idle);
      await service.retireDeliveryRecords();
      assert.equal(await messagesOf(old.id), 4, 'a waiting message keeps the issue whole');
      assert.equal((await service.find(old.id)).keptCounts, null);
      await drainMail(t);

      assert.ok((await service.retireDeliveryRecords()) >= 1);
      assert.equal(await messagesOf(old.id), 0);
      assert.equal(await messagesOf(young.id), 3, 'the young issue keeps its messages');
      const after = await service.progress(old.id);
      assert.deepEqual([after.status, after.enqueued, after.sent, after.queued, after.failed], ['sent', 3, 4, 0, 0]);
      await service.retireDeliveryRecords();
      assert.deepEqual((await service.progress(old.id)).sent, 4);
    } finally {
      t.clock.set(start);
    }
  });
});
