import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIT_ACTIONS } from '../../modules/audit/index.js';
import type { ErrorCode } from '../../shared/errors.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { recordMail } from '../../testing/account-mail.js';
import { newsroomTestAppForSuite, postForm } from '../../testing/newsroom-client.js';
import { requestPasswordReset } from '../../testing/password-reset.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

const ko = translatorFor('ko');

/**
 * The staff pages (home, staff, audit log, System, password, the error page) for an admin who
 * chose Korean, and the password-reset mail of a Korean account (docs/i18n.md).
 */
describe('the newsroom’s staff pages in Korean', () => {
  const suite = newsroomTestAppForSuite('admin', '/newsroom');
  const get = (url: string) => suite.t.app.inject({ url, headers: { cookie: suite.staff.cookie } });
  /** What the pages may show in Latin letters: the fixtures' names and the codes kept beside their words. */
  const allowed = () => [suite.staff.user.displayName, suite.staff.user.email, 'The Dateline', 'invitee@news.example', ...AUDIT_ACTIONS];

  it('shows the home, staff list with an open invitation, audit log, System and password pages without English', async () => {
    const { t, staff } = suite;
    await t.deps.users.setLanguage(staff.user.id, 'ko');
    const story = await t.factories.article({ headline: 'Mayor opens the bridge' });
    const invited = await postForm(
      t.app,
      '/newsroom/staff/invitations',
      { _csrf: staff.csrf, 'invite-email': 'invitee@news.example', role: 'editor' },
      { cookie: staff.cookie },
    );
    assert.equal(invited.statusCode, 200);
    const link = /<code>(https:[^<]+)<\/code>/.exec(invited.body)?.[1] ?? '';
    assert.ok(link, 'the invitation link is shown once');
    // The link's scheme is taken out as a name of its own first, so the rest is allowed on its own.
    assert.deepEqual(untranslatedText(invited.body, [...allowed(), link.replace(/^https/, '')]), []);

    const home = await get('/newsroom');
    assert.match(home.body, /<html lang="ko"/);
    // The status word comes from the stories area's component (StoryStatus), translated there.
    assert.deepEqual(untranslatedText(home.body, [...allowed(), 'Mayor opens the bridge', 'Published']), []);
    assert.ok(home.body.includes(story.slug));

    for (const url of ['/newsroom/staff', '/newsroom/audit', '/newsroom/system', '/newsroom/account/password']) {
      const page = await get(url);
      assert.equal(page.statusCode, 200, url);
      const audit = url === '/newsroom/audit' ? auditDetails(page.body) : [];
      const jobs = url === '/newsroom/system' ? [...page.body.matchAll(/<th scope="row"><code>([^<]+)<\/code>/g)].map((match) => match[1] ?? '') : [];
      assert.deepEqual(untranslatedText(page.body, [...audit, ...jobs, ...allowed()]), [], url);
    }
    const audit = await get('/newsroom/audit');
    assert.ok(audit.body.includes(`${ko.t('nr.audit.staff.invited')}<br/><code>staff.invited</code>`));
  });

  it('shows the error page of a missing story in Korean, with its coded message', async () => {
    const missing = await get('/newsroom/stories/no-such-story/edit');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['x-error-code'], 'ERR_ARTICLE_NOT_FOUND');
    assert.match(missing.body, /<html lang="ko"/);
    assert.ok(missing.body.includes(ko.t('nr.error.title.404')));
    assert.ok(missing.body.includes(ko.error('ERR_ARTICLE_NOT_FOUND')));
    assert.deepEqual(untranslatedText(missing.body, [...allowed(), codedMessage('ERR_ARTICLE_NOT_FOUND')]), []);
  });

  it('refuses a wrong current password in Korean', async () => {
    const { t, staff } = suite;
    const refused = await postForm(
      t.app,
      '/newsroom/account/password',
      {
        _csrf: staff.csrf,
        'current-password': 'not the password',
        'new-password': 'a long enough new passphrase',
        'confirm-password': 'a long enough new passphrase',
      },
      { cookie: staff.cookie },
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');
    assert.ok(refused.body.includes(ko.error('ERR_PASSWORD_INCORRECT')));
    assert.deepEqual(untranslatedText(refused.body, [...allowed(), codedMessage('ERR_PASSWORD_INCORRECT')]), []);
  });

  it('mails a Korean account its password-reset link in Korean, and an English one in English', async () => {
    const { t } = suite;
    const sent = recordMail(t.deps);
    const { user: korean } = await t.factories.staff({ role: 'reporter', email: 'korean@news.example' });
    await t.deps.users.setLanguage(korean.id, 'ko');
    await t.factories.staff({ role: 'reporter', email: 'english@news.example' });

    assert.ok(await requestPasswordReset(t, sent, '/newsroom', 'korean@news.example', { remoteAddress: '10.9.0.1' }));
    const [mail] = await sent.to('korean@news.example');
    assert.ok(mail);
    assert.ok(mail.subject.startsWith(ko.t('nr.password.mail.subject')));
    assert.match(mail.html, /<html lang="ko"/);
    assert.ok(mail.text.includes(ko.t('nr.password.mail.asked')));
    assert.doesNotMatch(mail.text, /Someone|ignore this mail|Choose a new/);

    assert.ok(await requestPasswordReset(t, sent, '/newsroom', 'english@news.example', { remoteAddress: '10.9.0.2' }));
    const [english] = await sent.to('english@news.example');
    assert.equal(english?.subject.startsWith('Choose a new newsroom password'), true);
  });
});

/**
 * A coded error's Korean message as the translator gives it: the page must show that one. It is
 * allowed in the English check because the coded messages' Korean texts (errors.ko.ts) come from
 * their own catalogue, which falls back to English for a code it does not have yet.
 */
function codedMessage(code: ErrorCode): string {
  return ko.error(code);
}

/** The audit log's details cells: stored data (`email: …, role: editor`), shown as recorded; allowed before the names inside them. */
function auditDetails(html: string): string[] {
  return [...html.matchAll(/<td class="audit-details">([^<]*)<\/td>/g)].map((match) => (match[1] ?? '').replace(/&quot;/g, '"')).filter(Boolean);
}
