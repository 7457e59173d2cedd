import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createNewsroomTestApp, postForm } from '../../testing/newsroom-client.js';
import { importsSettled, postImport, WORDPRESS_FIXTURES } from '../../testing/import-upload-client.js';
import type { TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

/**
 * What stays as it is in Korean on these pages: the fixtures' own words, codes and the names of
 * other systems' settings (SMTP_URL, the CSV's `address` header, old=new, Ghost's English menu).
 */
const FIXED = [
  'gazette-export.xml',
  'newsletter.confirm',
  'SMTP_URL',
  'SMTP',
  'DATA_DIR/outbox/',
  '.eml',
  'MAIL_RATE_PER_MINUTE',
  '“address”',
  'UTF-8',
  'old=new',
  'city-hall=politics',
  'Settings → Labs → Export',
  '“News”',
  'GMT',
  'IANA',
  'Asia/Seoul',
  'UTC',
  'news.example.com',
  'example.com/blog',
  'zip',
  'xml',
  'json',
  'csv',
];

describe('the newsroom’s mail and audience pages in Korean', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let issueUrl = '';
  /**
   * Content made by the fixtures and the modules, not by these pages: newsletter names and issue
   * subjects (the newsletters module's), sections, people, mail, and the importer's report lines.
   */
  const content: string[] = [];
  before(async () => {
    let user: { id: string; displayName: string };
    ({ t, cookie, csrf, user } = await createNewsroomTestApp('admin', '/newsroom/newsletters'));
    const userId = user.id;
    for (const name of ['World', 'Business', 'Culture']) {
      const section = await t.factories.section({ name });
      await t.factories.article({ section });
    }
    await t.deps.lists.refreshOnce();
    // A subscriber (whose confirmation mail fills the outbox) and a reader account.
    await t.deps.subscribers.subscribe({ email: 'ada@example.com', keys: ['briefing'], ip: 'ip-ada' });
    await t.factories.reader({ email: 'ada@example.com', displayName: 'Ada Reader' });
    const composed = await postForm(t.app, '/newsroom/newsletters/compose', { _csrf: csrf, key: 'briefing' }, { cookie });
    assert.equal(composed.statusCode, 303);
    issueUrl = String(composed.headers.location);
    const exportFile = await readFile(path.join(WORDPRESS_FIXTURES, 'block-editor.wxr.xml'));
    const imported = await postImport(t, { cookie, csrf }, { name: 'gazette-export.xml', bytes: exportFile }, { unmapped: 'sections' });
    assert.equal(imported.statusCode, 303, imported.body);
    await importsSettled(t);
    await t.deps.users.setLanguage(userId, 'ko');
    content.push(user.displayName, t.deps.config.mail.outboxDir);
    for (const info of t.deps.newsletters.listNow()) content.push(info.name, info.key);
    for (const issue of await t.deps.newsletterIssues.list()) {
      content.push(issue.subject, ...issue.items.flatMap((item) => [item.headline, item.label]));
    }
    for (const section of t.deps.sections.inEdition()) content.push(section.name);
    const { readers } = await t.deps.readers.list({ search: '', page: 1, pageSize: 50 });
    for (const reader of readers) content.push(reader.displayName, reader.email);
    const mail = await t.deps.db.selectFrom('mail_messages').select(['subject', 'to_address']).execute();
    for (const message of mail) content.push(message.subject, message.to_address);
    const [run] = await t.deps.importRuns.list(1);
    const report = run && (await t.deps.importRuns.report(run.id));
    assert.ok(report, 'the import finished with a report');
    for (const problem of [...report.skipped, ...report.failed]) content.push(problem.reason, problem.label, problem.sourceId, problem.kind);
    // untranslatedText takes out the names every language keeps (Dateline, https…) before these:
    // allow what is left of each around them. Longest first, so a name inside another stays whole.
    const pieces = content.flatMap((text) => text.split(/Dateline|WordPress|Ghost|https?|URL/).map((piece) => piece.trim()));
    content.splice(0, content.length, ...pieces.filter((piece) => piece !== '').sort((a, b) => b.length - a.length));
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  /** The page, checked: Korean, and nothing English left but the fixtures and codes (and `allow`). */
  async function assertKorean(url: string, allow: readonly string[] = []) {
    const page = await get(url);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /<html lang="ko"/, url);
    // A <pre> holds a message's own text part: the mail's words, not the newsroom's.
    const main = page.body.slice(page.body.indexOf('<main')).replace(/<pre\b[\s\S]*?<\/pre>/g, '');
    assert.deepEqual(untranslatedText(main, [...content, ...FIXED, ...allow]), [], url);
    return page.body;
  }

  it('shows the newsletter issues and an issue', async () => {
    const list = await assertKorean('/newsroom/newsletters');
    assert.match(list, /<h1>뉴스레터<\/h1>/);
    await assertKorean(issueUrl);
  });

  it('shows the subscribers, with an address found', async () => {
    await assertKorean('/newsroom/subscribers?q=ada', ['“ada”']);
  });

  it('shows the outbox and a message in it', async () => {
    const body = await assertKorean('/newsroom/outbox');
    const link = /<a href="(\/newsroom\/outbox\/[0-9a-f-]{36})">([^<]*)<\/a>/.exec(body);
    assert.ok(link?.[1] && link[2]);
    const message = await t.deps.mail.message(link[1].split('/').pop() ?? '');
    assert.ok(message);
    // The message itself (its text part and headers) is the mail's, not the newsroom's.
    await assertKorean(link[1], Object.entries(message.headers).flat());
  });

  it('shows the import page with the last run’s report', async () => {
    const body = await assertKorean('/newsroom/import');
    assert.match(body, /<h2 id="import-run-heading">마지막 가져오기: gazette-export\.xml<\/h2>/);
  });

  it('shows the reader accounts', async () => {
    await assertKorean('/newsroom/readers');
  });

  it('refuses a bad newsletter schedule in Korean', async () => {
    const refused = await postForm(
      t.app,
      '/newsroom/newsletters/schedule',
      { _csrf: csrf, 'newsletter-time': 'noon', 'weekly-day': 'x' },
      { cookie },
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_SETTINGS_INVALID');
    assert.match(refused.body, /<title>오류: /);
    assert.deepEqual(untranslatedText(refused.body.slice(refused.body.indexOf('<main')), [...content, ...FIXED]), []);
  });
});
