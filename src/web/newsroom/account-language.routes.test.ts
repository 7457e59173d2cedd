import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newsroomTestAppForSuite, postForm, signInStaff } from '../../testing/newsroom-client.js';
import { untranslatedText } from '../../testing/untranslated-text.js';

/** A staff member's newsroom language (docs/i18n.md): chosen on the account page, kept on the account. */
describe('the newsroom language of a staff account', () => {
  const suite = newsroomTestAppForSuite('reporter', '/newsroom/account/password');
  const choose = (language: string, csrf = suite.staff.csrf) =>
    postForm(suite.t.app, '/newsroom/account/language', { _csrf: csrf, 'newsroom-language': language }, { cookie: suite.staff.cookie });

  it('shows the newsroom in the publication’s language until the account chooses another', async () => {
    const page = await suite.t.app.inject({ url: '/newsroom', headers: { cookie: suite.staff.cookie } });
    assert.match(page.body, /<html lang="en"/);
    assert.match(page.body, />Sign out</);
  });

  it('switches this account’s newsroom to Korean and back, leaving other accounts as they were', async () => {
    const saved = await choose('ko');
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/newsroom/account/password?language-saved');
    const korean = await suite.t.app.inject({ url: '/newsroom/account/password?language-saved', headers: { cookie: suite.staff.cookie } });
    assert.match(korean.body, /<html lang="ko"/);
    assert.match(korean.body, />로그아웃</);
    assert.match(korean.body, /<option value="ko" lang="ko" selected/);
    const nav = korean.body.slice(korean.body.indexOf('<header'), korean.body.indexOf('</header>'));
    assert.deepEqual(untranslatedText(nav, [suite.staff.user.displayName, 'The Dateline']), []);
    assert.equal((await suite.t.deps.users.find(suite.staff.user.id))?.language, 'ko');

    const other = await signInStaff(suite.t, 'editor');
    const english = await suite.t.app.inject({ url: '/newsroom', headers: { cookie: other.cookie } });
    assert.match(english.body, />Sign out</);

    assert.equal((await choose('')).statusCode, 303);
    assert.equal((await suite.t.deps.users.find(suite.staff.user.id))?.language, null);
  });

  it('refuses a language with no catalogue, a forged token, and changes nothing', async () => {
    assert.equal((await choose('en')).statusCode, 303);
    for (const language of ['fr', 'ko-KR<script>', 'x'.repeat(500)]) {
      const refused = await choose(language);
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.headers['x-error-code'], 'ERR_STAFF_LANGUAGE_INVALID');
      assert.match(refused.body, /href="#newsroom-language"/);
    }
    const forged = await choose('ko', 'forged');
    assert.equal(forged.statusCode, 403);
    assert.equal((await suite.t.deps.users.find(suite.staff.user.id))?.language, 'en');
  });
});
