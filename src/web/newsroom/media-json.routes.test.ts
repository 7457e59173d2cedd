import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { newId } from '../../shared/ids.js';
import { SEARCH_WINDOW } from '../../modules/media/media-search.repository.js';
import { createNewsroomTestApp, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import { reviewPlan } from '../../testing/query-plans.js';
import type { TestApp } from '../../testing/test-app.js';

interface PageJson {
  items: Array<{ id: string; thumbnailUrl: string; src: string; width: number; height: number; alt: string; caption: string; credit: string }>;
  next: string | null;
}

/** A multipart body as a browser sends it, built by the platform's own FormData encoder. */
async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('https://news.example/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** Pictures inserted straight into the table, `count` at a time, each a second older than the last. */
async function insertPictures(t: TestApp, count: number, words: (n: number) => { alt: string; caption: string; credit: string }) {
  const start = new Date('2026-01-01T00:00:00Z').getTime();
  for (let offset = 0; offset < count; offset += 500) {
    const rows = Array.from({ length: Math.min(500, count - offset) }, (_, i) => {
      const n = offset + i;
      const id = newId();
      return {
        id,
        mime_type: 'image/jpeg',
        width: 800,
        height: 600,
        ...words(n),
        variants: JSON.stringify([{ width: 480, height: 360, format: 'webp', file: `${id}-480.webp` }]),
        created_at: new Date(start - n * 1000).toISOString(),
        avif_pending: 0,
      };
    });
    await t.deps.db.insertInto('media_assets').values(rows).execute();
  }
}

describe('the story editor’s picture endpoints (JSON)', () => {
  let t: TestApp;
  let reporter: StaffSession;
  let png: Buffer;

  before(async () => {
    const created = await createNewsroomTestApp('reporter', '/newsroom/media');
    t = created.t;
    reporter = created;
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  const postJson = (url: string, body: Record<string, unknown>, who: StaffSession = reporter) =>
    t.app.inject({ method: 'POST', url, payload: { _csrf: who.csrf, ...body }, headers: { cookie: who.cookie } });
  const upload = async (fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
    const body = await multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/newsroom/media/upload.json',
      payload: body.payload,
      headers: { cookie: reporter.cookie, 'content-type': body.contentType },
    });
  };
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('media_assets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const codeOf = (response: LightMyRequestResponse) => response.json<{ errors: Array<{ code: string }> }>().errors[0]?.code;

  it('uploads a picture without alt text: 201 with its thumbnail, alt left empty', async () => {
    const response = await upload({ _csrf: reporter.csrf, caption: 'Seen from the ferry' }, { name: 'ferry.png', bytes: png, type: 'image/png' });
    assert.equal(response.statusCode, 201);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const picture = response.json<PageJson['items'][number]>();
    assert.equal(picture.alt, '');
    assert.equal(picture.caption, 'Seen from the ferry');
    assert.equal(picture.width, 40);
    assert.match(picture.thumbnailUrl, /^\/media\/.+\.webp$/);
    assert.ok(picture.src);
  });

  it('refuses a file that is not a picture, or a damaged one, with a coded JSON 4xx and stores nothing', async () => {
    const before = await count();
    const text = await upload({ _csrf: reporter.csrf }, { name: 'notes.png', bytes: Buffer.from('<html>not a picture</html>'), type: 'image/png' });
    assert.equal(text.statusCode, 415);
    assert.equal(text.headers['x-error-code'], 'ERR_MEDIA_UNSUPPORTED_TYPE');
    assert.equal(codeOf(text), 'ERR_MEDIA_UNSUPPORTED_TYPE');
    const damaged = await upload({ _csrf: reporter.csrf }, { name: 'cut.png', bytes: png.subarray(0, 60), type: 'image/png' });
    assert.equal(damaged.statusCode, 400);
    assert.equal(codeOf(damaged), 'ERR_MEDIA_UNREADABLE');
    const none = await upload({ _csrf: reporter.csrf });
    assert.equal(codeOf(none), 'ERR_MEDIA_UNREADABLE');
    const noToken = await upload({}, { name: 'ferry.png', bytes: png, type: 'image/png' });
    assert.equal(noToken.statusCode, 403);
    assert.equal(codeOf(noToken), 'ERR_CSRF_TOKEN_INVALID');
    assert.equal(await count(), before);
  });

  it('saves details in place, validated: alt may stay empty on a new picture but never be removed', async () => {
    const id = (await upload({ _csrf: reporter.csrf }, { name: 'a.png', bytes: png, type: 'image/png' })).json<{ id: string }>().id;
    const emptyStill = await postJson(`/newsroom/media/${id}/details.json`, { alt: '', caption: 'Only a caption' });
    assert.equal(emptyStill.statusCode, 200);
    const saved = await postJson(`/newsroom/media/${id}/details.json`, { alt: 'A green tile', caption: 'Tiles', credit: 'Photo desk' });
    assert.equal(saved.statusCode, 200);
    assert.deepEqual((({ alt, caption, credit }) => ({ alt, caption, credit }))(saved.json<PageJson['items'][number]>()), {
      alt: 'A green tile',
      caption: 'Tiles',
      credit: 'Photo desk',
    });
    const removed = await postJson(`/newsroom/media/${id}/details.json`, { alt: '', caption: 'Tiles' });
    assert.equal(removed.statusCode, 400);
    assert.equal(codeOf(removed), 'ERR_MEDIA_ALT_REQUIRED');
    const tooLong = await postJson(`/newsroom/media/${id}/details.json`, { alt: 'x'.repeat(301) });
    assert.equal(codeOf(tooLong), 'ERR_MEDIA_DETAILS_INVALID');
    const control = await postJson(`/newsroom/media/${id}/details.json`, { alt: 'bad\u0007bell' });
    assert.equal(control.statusCode, 400);
    assert.equal(codeOf(control), 'ERR_TEXT_INVALID_CHARACTERS');
    assert.equal((await t.deps.media.get(id)).alt, 'A green tile');
    const unknown = await postJson(`/newsroom/media/${newId()}/details.json`, { alt: 'Anything' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(codeOf(unknown), 'ERR_MEDIA_NOT_FOUND');
  });

  it('lets a contributor describe only pictures that have no alt text yet', async () => {
    const contributor = await signInStaff(t, 'contributor', '/newsroom/media');
    const described = await t.factories.media({ alt: 'Described already' });
    const fresh = await t.factories.media({ alt: '' });
    assert.equal((await postJson(`/newsroom/media/${fresh}/details.json`, { alt: 'Now described' }, contributor)).statusCode, 200);
    const refused = await postJson(`/newsroom/media/${described}/details.json`, { alt: 'Changed' }, contributor);
    assert.equal(refused.statusCode, 403);
  });

  it('never fetches a picture from a private address, and refuses what is not a web address', async () => {
    const before = await count();
    for (const url of ['http://127.0.0.1/secret.png', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/a.png', 'http://10.1.2.3/a.jpg']) {
      const response = await postJson('/newsroom/media/fetch.json', { url });
      assert.equal(response.statusCode, 422, url);
      assert.equal(codeOf(response), 'ERR_MEDIA_FETCH_REFUSED', url);
    }
    for (const url of ['ftp://example.com/a.png', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/a.png', '']) {
      const response = await postJson('/newsroom/media/fetch.json', { url });
      assert.equal(response.statusCode, 400, url);
      assert.equal(codeOf(response), 'ERR_MEDIA_FETCH_URL_INVALID', url);
    }
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/media/fetch.json',
      payload: { url: 'https://example.com/a.png' },
      headers: { cookie: reporter.cookie },
    });
    assert.equal(noToken.statusCode, 403);
    assert.equal(await count(), before);
  });

  it('asks for a session and a role that may upload', async () => {
    const stranger = await t.app.inject({ method: 'POST', url: '/newsroom/media/fetch.json', payload: { url: 'https://example.com/a.png' } });
    assert.equal(stranger.statusCode, 401);
    assert.equal(codeOf(stranger), 'ERR_NOT_SIGNED_IN');
  });
});

describe('the picker’s search and pages (JSON)', () => {
  let t: TestApp;
  let reporter: StaffSession;
  /** Past the first search window, so a search must carry on into a second. */
  const PICTURES = SEARCH_WINDOW + 60;

  before(async () => {
    const created = await createNewsroomTestApp('reporter', '/newsroom/media');
    t = created.t;
    reporter = created;
    await insertPictures(t, PICTURES, (n) => ({
      alt: n === 5 ? 'A lighthouse at dusk' : `Harbour scene ${n}`,
      caption: n === 7 ? 'The LIGHTHOUSE keeper’s cottage' : n === 9 ? 'Price up 50%_now' : `Caption ${n}`,
      credit: n === 11 ? 'Yonhap' : n === PICTURES - 3 ? 'Lighthouse Trust archive' : 'Staff photographer',
    }));
    await t.deps.database.refreshStatistics();
  });
  after(async () => t?.close());

  const getPage = async (query: string) => {
    const response = await t.app.inject({ url: `/newsroom/media.json${query}`, headers: { cookie: reporter.cookie } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<PageJson>();
  };
  /** Every page of a search, following `next` to the end. */
  const allPages = async (q: string) => {
    const pages: PageJson[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page = await getPage(`?q=${encodeURIComponent(q)}${next ? `&after=${next}` : ''}`);
      pages.push(page);
      next = page.next;
      assert.ok(pages.length < 200, 'paging ends');
    }
    return pages;
  };

  it('pages through the whole library newest first, 24 at a time, with no picture twice', async () => {
    const first = await getPage('');
    assert.equal(first.items.length, 24);
    assert.equal(first.items[0]?.alt, 'Harbour scene 0');
    assert.ok(first.items[0]?.thumbnailUrl.endsWith('-480.webp'));
    const seen = new Set<string>();
    let page: PageJson = first;
    let pages = 1;
    for (;;) {
      for (const item of page.items) seen.add(item.id);
      if (!page.next) break;
      page = await getPage(`?after=${page.next}`);
      pages += 1;
    }
    assert.equal(seen.size, PICTURES);
    assert.equal(pages, Math.ceil(PICTURES / 24));
  });

  it('finds words in alt text, captions and credits, any case, across the whole library', async () => {
    const found = (await allPages('lighthouse')).flatMap((page) => page.items.map((item) => item.alt));
    // Alt (5), caption (7), and a credit far past the first search window (the library's oldest).
    assert.deepEqual(found, ['A lighthouse at dusk', 'Harbour scene 7', `Harbour scene ${PICTURES - 3}`]);
    const credit = (await getPage('?q=yonhap')).items.map((item) => item.alt);
    assert.deepEqual(credit, ['Harbour scene 11']);
    // Wildcards typed by a person are letters to find.
    const percent = (await allPages('50%_')).flatMap((page) => page.items.map((item) => item.alt));
    assert.deepEqual(percent, ['Harbour scene 9']);
    const nothing = (await allPages('no such words')).flatMap((page) => page.items);
    assert.deepEqual(nothing, []);
  });

  it('describes the pictures a body already holds, by id', async () => {
    const first = await getPage('');
    const ids = [first.items[3]?.id, first.items[1]?.id].join(',');
    assert.deepEqual(
      (await getPage(`?ids=${ids}`)).items.map((item) => item.alt),
      ['Harbour scene 3', 'Harbour scene 1'],
    );
  });

  it('answers a malformed query or cursor with a coded 400', async () => {
    for (const query of [
      '?ids=',
      '?ids=a,b;c',
      `?ids=${Array.from({ length: 101 }, (_, i) => `id${i}`).join(',')}`,
      `?q=${'x'.repeat(101)}`,
      '?q=a%07b',
      '?after=not-a-cursor!',
      `?after=${Buffer.from('yesterday|x').toString('base64url')}`,
      '?after=a&after=b',
    ]) {
      const response = await t.app.inject({ url: `/newsroom/media.json${query}`, headers: { cookie: reporter.cookie } });
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_SEARCH_INVALID', query);
      assert.equal(response.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'ERR_MEDIA_SEARCH_INVALID');
    }
  });
});

describe('the picker at scale: each page by the library’s index (EXPLAIN)', () => {
  let t: TestApp;
  let reporter: StaffSession;
  /** Ten search windows: enough that both engines plan as for a large library (a few hundred rows they rightly read whole). */
  const PICTURES = SEARCH_WINDOW * 10;

  before(async () => {
    const created = await createNewsroomTestApp('reporter', '/newsroom/media');
    t = created.t;
    reporter = created;
    await insertPictures(t, PICTURES, (n) => ({ alt: `Harbour scene ${n}`, caption: n % 997 === 0 ? 'A lighthouse' : '', credit: 'Staff' }));
    await t.deps.database.refreshStatistics();
  });
  after(async () => t?.close());

  const getPage = async (query: string) => {
    const response = await t.app.inject({ url: `/newsroom/media.json${query}`, headers: { cookie: reporter.cookie } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<PageJson>();
  };

  it('reads each page by the library’s index, never the whole table (EXPLAIN)', async () => {
    const firstPage = await getPage('');
    const urls = ['', `?after=${firstPage.next}`, '?q=lighthouse', `?q=lighthouse&after=${firstPage.next}`];
    const failures: string[] = [];
    let reviewed = 0;
    for (const query of urls) {
      const { statements } = await t.deps.database.statements.record(() =>
        t.app.inject({ url: `/newsroom/media.json${query}`, headers: { cookie: reporter.cookie } }),
      );
      for (const statement of statements.filter((entry) => entry.sql.includes('media_assets'))) {
        reviewed += 1;
        if (process.env.SHOW_PLANS) console.log(statement.sql);
        const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, new Set(['sessions', 'users']));
        // A walk of the index in its own order, stopped by the LIMIT: SQLite calls it a SCAN too.
        const problems = review.problems.filter(
          (problem) => !/^full scan: SCAN (media_assets|w) USING (COVERING )?INDEX media_assets_created_idx/.test(problem),
        );
        if (/USE TEMP B-TREE FOR ORDER BY/.test(review.plan) && /order by "created_at"/.test(statement.sql)) problems.push('sorts the library');
        if (!/limit/i.test(statement.sql)) problems.push('no limit');
        if (problems.length > 0) failures.push(`${query}: ${statement.sql}\n${review.plan}\n → ${problems.join('; ')}`);
      }
    }
    assert.ok(reviewed >= urls.length, `${reviewed} statements reviewed`);
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });
});
