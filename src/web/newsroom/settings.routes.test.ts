import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('publication settings in the newsroom', () => {
  let t: TestApp;
  let cookie: string;
  let _csrf: string;
  before(async () => {
    ({ t, cookie, csrf: _csrf } = await createNewsroomTestApp('admin', '/newsroom/settings'));
  });
  after(() => t.close());

  const valid = () => ({
    _csrf,
    name: 'The Harbour Times',
    tagline: 'Tides and trade',
    description: 'News from the harbour.',
    language: 'en-GB',
    'time-zone': 'Asia/Seoul',
    'contact-email': 'desk@harbour.example',
    'copyright-holder': 'Harbour Media Ltd',
    'founded-year': '1965',
    'popular-now-hours': '4',
    'weekly-best-max-age-days': '10',
    logo: '',
    'feed-content': 'full',
  });

  it('shows the current settings in a labelled form', async () => {
    const response = await t.app.inject({ url: '/newsroom/settings', headers: { cookie } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    for (const id of [
      'name',
      'tagline',
      'description',
      'language',
      'time-zone',
      'contact-email',
      'copyright-holder',
      'founded-year',
      'logo',
      'icon',
      'feed-content-full',
      'feed-content-summary',
    ]) {
      assert.match(response.body, new RegExp(`<label for="${id}">`), id);
    }
  });

  it('saves the settings, visible on / at once', async () => {
    const response = await postForm(t.app, '/newsroom/settings', valid(), { cookie });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/settings?saved');
    assert.equal(t.deps.settings.publication.timeZone, 'Asia/Seoul');
    assert.equal(t.deps.settings.publication.foundedYear, 1965);
    assert.equal(t.deps.settings.publication.popularNowHours, 4);
    assert.equal(t.deps.settings.publication.weeklyBestMaxAgeDays, 10);
    const home = await t.app.inject('/');
    assert.match(home.body, /The Harbour Times/);
    assert.match(home.body, /Tides and trade/);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'settings.updated' });
    assert.ok(entry);
  });

  it('refuses a bad time zone, year, e-mail, logo or list setting with each error linked to its field, and changes nothing', async () => {
    const before = t.deps.settings.publication;
    const response = await postForm(
      t.app,
      '/newsroom/settings',
      {
        ...valid(),
        name: 'Changed Name',
        'time-zone': 'Mars/Olympus_Mons',
        'founded-year': '19x5',
        'contact-email': 'nope',
        logo: 'no-such-image',
        'popular-now-hours': '0',
        'weekly-best-max-age-days': '1e1',
      },
      { cookie },
    );
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_SETTINGS_INVALID');
    for (const field of ['time-zone', 'founded-year', 'contact-email', 'logo', 'popular-now-hours', 'weekly-best-max-age-days'])
      assert.match(response.body, new RegExp(`<a href="#${field}">`), field);
    assert.match(response.body, /value="Mars\/Olympus_Mons"/, 'the form keeps what was typed');
    assert.deepEqual(t.deps.settings.publication, before);
    await t.deps.settings.load();
    assert.deepEqual(t.deps.settings.publication, before, 'nothing stored');
    assert.doesNotMatch((await t.app.inject('/')).body, /Changed Name/);
  });

  it('switches the feeds between whole stories and summaries at once', async () => {
    await t.factories.article({ headline: 'Feed story', body: [{ type: 'paragraph', content: [{ text: 'The whole body.' }] }] });
    assert.match((await t.app.inject('/feed.xml')).body, /The whole body\./);
    const response = await postForm(t.app, '/newsroom/settings', { ...valid(), 'feed-content': 'summary' }, { cookie });
    assert.equal(response.statusCode, 303);
    assert.equal(t.deps.settings.publication.feedContent, 'summary');
    assert.match(
      (await t.app.inject({ url: '/newsroom/settings', headers: { cookie } })).body,
      /<input type="radio" id="feed-content-summary" name="feed-content" value="summary" checked/,
    );
    const feed = (await t.app.inject('/feed.xml')).body;
    assert.match(feed, /Feed story/);
    assert.doesNotMatch(feed, /The whole body\./);
    await postForm(t.app, '/newsroom/settings', valid(), { cookie });
    assert.equal(t.deps.settings.publication.feedContent, 'full');
    assert.match((await t.app.inject('/feed.atom')).body, /The whole body\./);
  });

  it('refuses a feed content choice other than the two, or none, and changes nothing', async () => {
    const before = t.deps.settings.publication;
    for (const choice of ['everything', '', 'FULL']) {
      const response = await postForm(t.app, '/newsroom/settings', { ...valid(), name: 'Changed Name', 'feed-content': choice }, { cookie });
      assert.equal(response.statusCode, 400, choice);
      assert.equal(response.headers['x-error-code'], 'ERR_SETTINGS_INVALID');
      assert.match(response.body, /<a href="#feed-content-full">/);
      assert.deepEqual(t.deps.settings.publication, before);
    }
  });

  it('shows a logo from the media library in the masthead, with the publication name as its alt text', async () => {
    const mediaId = await t.factories.media({ alt: 'A lighthouse drawing' });
    const response = await postForm(t.app, '/newsroom/settings', { ...valid(), logo: mediaId }, { cookie });
    assert.equal(response.statusCode, 303);
    const home = await t.app.inject('/');
    assert.match(home.body, /<a class="masthead-name" href="\/"><img class="masthead-logo" src="[^"]+"[^>]* alt="The Harbour Times"/);
    await postForm(t.app, '/newsroom/settings', valid(), { cookie });
    assert.doesNotMatch((await t.app.inject('/')).body, /masthead-logo/, 'and back to the name');
  });

  it('refuses the settings to non-admins with 403 and changes nothing', async () => {
    const before = t.deps.settings.publication;
    for (const role of ['contributor', 'reporter', 'editor'] as const) {
      const { cookie: staffCookie, csrf: token } = await signInStaff(t, role);
      assert.equal((await t.app.inject({ url: '/newsroom/settings', headers: { cookie: staffCookie } })).statusCode, 403, role);
      const response = await postForm(t.app, '/newsroom/settings', { ...valid(), _csrf: token, name: 'Taken Over' }, { cookie: staffCookie });
      assert.equal(response.statusCode, 403, role);
      assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    }
    assert.deepEqual(t.deps.settings.publication, before);
  });
});
