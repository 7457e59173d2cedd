import assert from 'node:assert/strict';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { IMPORT_FILE_MAX_BYTES } from '../../modules/newsletters/index.js';
import { multipartBody, type FormPart } from '../../testing/import-upload-client.js';
import { newsroomTestAppForSuite, postForm, signInStaff } from '../../testing/newsroom-client.js';

const HEADER = 'address,newsletters,consent date';

describe('newsroom Subscribers page: importing a CSV file', () => {
  const suite = newsroomTestAppForSuite('editor', '/newsroom/subscribers');

  /** Posts the page's form as a browser does: the token, the file (or an empty file field), the paste. */
  async function upload(
    file: { name: string; bytes: Buffer | string; type?: string } | null,
    options: { csrf?: string | null; cookie?: string; pasted?: string; parts?: FormPart[] } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = options.csrf === undefined ? suite.staff.csrf : options.csrf;
    const parts: FormPart[] = options.parts ?? [
      ...(csrf === null ? [] : [['_csrf', csrf] as FormPart]),
      ['file', file ?? { name: '', bytes: '' }],
      ['csv', options.pasted ?? ''],
    ];
    const body = await multipartBody(parts);
    const cookie = options.cookie ?? suite.staff.cookie;
    return suite.t.app.inject({
      method: 'POST',
      url: '/newsroom/subscribers/import',
      payload: body.payload,
      headers: { 'content-type': body.contentType, ...(cookie ? { cookie } : {}) },
    });
  }

  /** A multipart body written out by hand, with the boundary `b`. */
  const postRaw = (payload: string) =>
    suite.t.app.inject({
      method: 'POST',
      url: '/newsroom/subscribers/import',
      payload,
      headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: suite.staff.cookie },
    });
  const csvFile = (rows: string[], name = 'subscribers.csv') => ({ name, bytes: [HEADER, ...rows].join('\r\n'), type: 'text/csv' });
  const found = async (prefix: string) => (await suite.t.deps.subscriberAdmin.search(prefix)).map((s) => s.email);
  const importAudits = async () => (await suite.t.deps.audit.list({ limit: 50, action: 'subscribers.imported' })).length;
  /** The import report as the page shows it, the same whichever way the rows came. */
  const reportIn = (html: string) => /<div role="status">[\s\S]*?<\/div>(?=\s*<form)/.exec(html)?.[0];

  function assertRefused(response: LightMyRequestResponse, status: number, code: string) {
    assert.equal(response.statusCode, status, response.body.slice(0, 300));
    assert.equal(response.headers['x-error-code'], code);
  }

  it('a good file imports every row, consented rows confirmed, and the page shows the report', async () => {
    const response = await upload(csvFile(['good1@example.com,briefing breaking,2026-01-02', 'good2@example.com,briefing,']));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Imported 2 addresses; 1 without a consent date were sent a confirmation link\./);
    assert.doesNotMatch(response.body, /Rows not imported/);
    assert.deepEqual(await found('good'), ['good1@example.com', 'good2@example.com']);
    const briefing = (await suite.t.deps.subscribers.recipients('briefing', null, 100)).map((r) => r.email);
    assert.deepEqual(briefing, ['good1@example.com'], 'good2@ (no consent date) waits for its confirmation');
    const [entry] = await suite.t.deps.audit.list({ limit: 1, action: 'subscribers.imported' });
    assert.equal(entry?.details?.from, 'file');
  });

  it('a file with bad rows reports each bad row by line and reason, imports the rest, and the page is the paste’s', async () => {
    const rows = [
      'mixed1@example.com,briefing,2026-01-02',
      'not-an-address,briefing,2026-01-02',
      'mixed2@example.com,weekly-nope,2026-01-02',
      'mixed3@example.com,briefing,yesterday',
      '"mixed4@example.com","breaking","2026-03-04T05:06:07Z"',
    ];
    const fromFile = await upload(csvFile(rows));
    assert.equal(fromFile.statusCode, 200);
    for (const line of [3, 4, 5]) assert.match(fromFile.body, new RegExp(`<td>${line}</td>`));
    assert.match(fromFile.body, /is not one of our newsletters/);
    assert.deepEqual(await found('mixed'), ['mixed1@example.com', 'mixed4@example.com']);
    // The same rows pasted (already there now, so imported again unchanged) give the same report.
    const pasted = await postForm(
      suite.t.app,
      '/newsroom/subscribers/import',
      { _csrf: suite.staff.csrf, csv: [HEADER, ...rows].join('\r\n') },
      { cookie: suite.staff.cookie },
    );
    assert.equal(pasted.statusCode, 200);
    assert.ok(reportIn(fromFile.body), 'the report is on the page');
    assert.equal(reportIn(fromFile.body), reportIn(pasted.body));
  });

  it('a file over 5 MB is refused with 413 and a sentence, by its declared size or while it streams in, importing nothing', async () => {
    const row = 'big@example.com,briefing,2026-01-02\r\n';
    const before = await importAudits();
    const justOver = { name: 'big.csv', bytes: row.repeat(Math.ceil((IMPORT_FILE_MAX_BYTES + 1) / row.length)) };
    const streamed = await upload(justOver);
    assertRefused(streamed, 413, 'ERR_SUBSCRIBER_FILE_TOO_LARGE');
    assert.match(streamed.body, /class="error-summary"[\s\S]*larger than 5 MB/);
    assert.match(streamed.body, /href="#subscriber-file"/, 'the summary links to the file field');
    const declared = await upload({ name: 'huge.csv', bytes: row.repeat(Math.ceil((IMPORT_FILE_MAX_BYTES * 1.5) / row.length)) });
    assertRefused(declared, 413, 'ERR_SUBSCRIBER_FILE_TOO_LARGE');
    assert.deepEqual(await found('big@'), []);
    assert.equal(await importAudits(), before, 'no import was even started');
  });

  it('a file with a missing or forged CSRF token is refused (403) and nothing is imported', async () => {
    const file = csvFile(['forged@example.com,briefing,2026-01-02']);
    assertRefused(await upload(file, { csrf: null }), 403, 'ERR_CSRF_TOKEN_INVALID');
    assertRefused(await upload(file, { csrf: 'x'.repeat(suite.staff.csrf.length) }), 403, 'ERR_CSRF_TOKEN_INVALID');
    // The token of another staff member's session is as good as forged.
    const other = await signInStaff(suite.t, 'editor');
    assertRefused(await upload(file, { csrf: other.csrf }), 403, 'ERR_CSRF_TOKEN_INVALID');
    assert.deepEqual(await found('forged@'), []);
  });

  it('a reporter (403), a signed-in reader and a visitor (401) are refused, nothing imported', async () => {
    const file = csvFile(['intruder@example.com,briefing,2026-01-02']);
    const reporter = await signInStaff(suite.t, 'reporter');
    assertRefused(await upload(file, { cookie: reporter.cookie, csrf: reporter.csrf }), 403, 'ERR_FORBIDDEN');
    const { cookie: readerCookie } = await suite.t.factories.reader();
    assertRefused(await upload(file, { cookie: readerCookie, csrf: null }), 401, 'ERR_NOT_SIGNED_IN');
    assertRefused(await upload(file, { cookie: '', csrf: null }), 401, 'ERR_NOT_SIGNED_IN');
    assert.deepEqual(await found('intruder@'), []);
  });

  it('no file and no pasted rows is a 400 with a sentence, from the multipart form or a pasted form', async () => {
    const response = await upload(null);
    assertRefused(response, 400, 'ERR_SUBSCRIBER_IMPORT_MISSING');
    assert.match(response.body, /<title>Error: Subscribers/);
    assert.match(response.body, /Choose a CSV file to upload, or paste CSV rows/);
    // What a browser sends for a file field left empty: a file part with an empty name and no bytes.
    const browser = await postRaw(
      [
        `--b\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${suite.staff.csrf}\r\n`,
        `--b\r\ncontent-disposition: form-data; name="file"; filename=""\r\ncontent-type: application/octet-stream\r\n\r\n\r\n`,
        `--b\r\ncontent-disposition: form-data; name="csv"\r\n\r\n\r\n--b--\r\n`,
      ].join(''),
    );
    assertRefused(browser, 400, 'ERR_SUBSCRIBER_IMPORT_MISSING');
    const noParts = await upload(null, { parts: [['_csrf', suite.staff.csrf]] });
    assertRefused(noParts, 400, 'ERR_SUBSCRIBER_IMPORT_MISSING');
    const blankPaste = await postForm(
      suite.t.app,
      '/newsroom/subscribers/import',
      { _csrf: suite.staff.csrf, csv: ' \r\n' },
      { cookie: suite.staff.cookie },
    );
    assertRefused(blankPaste, 400, 'ERR_SUBSCRIBER_IMPORT_MISSING');
  });

  it('an empty file, a binary file, a spreadsheet, UTF-16 and Windows-1252 text are refused with 400 codes, nothing imported', async () => {
    const before = await importAudits();
    assertRefused(await upload({ name: 'empty.csv', bytes: '' }), 400, 'ERR_SUBSCRIBER_FILE_EMPTY');
    assertRefused(await upload({ name: 'blank.csv', bytes: '\uFEFF\r\n  \r\n' }), 400, 'ERR_SUBSCRIBER_FILE_EMPTY');
    const refusals: Array<{ name: string; bytes: Buffer | string }> = [
      { name: 'photo.csv', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
      { name: 'list.xlsx', bytes: 'bin@example.com,briefing,2026-01-02' },
      { name: 'list.csv', bytes: Buffer.from('bin@example.com,briefing,2026-01-02', 'utf16le') },
      { name: 'list.csv', bytes: Buffer.from('bin@example.com,briefing,2026-01-02,Zoë\r\n', 'latin1') },
    ];
    for (const file of refusals) {
      const response = await upload(file);
      assertRefused(response, 400, 'ERR_SUBSCRIBER_FILE_NOT_CSV');
      assert.match(response.body, /CSV UTF-8/);
    }
    assert.deepEqual(await found('bin@'), []);
    assert.equal(await importAudits(), before);
  });

  it('a file and pasted rows together are refused (400), the paste shown again; a second file or another field name too', async () => {
    const both = await upload(csvFile(['both1@example.com,briefing,2026-01-02']), { pasted: 'both2@example.com,briefing,2026-01-02' });
    assertRefused(both, 400, 'ERR_SUBSCRIBER_IMPORT_TWO_SOURCES');
    assert.match(both.body, /<textarea[^>]*>both2@example\.com,briefing,2026-01-02<\/textarea>/);
    const file = csvFile(['two@example.com,briefing,2026-01-02']);
    const twoFiles = await upload(null, {
      parts: [
        ['_csrf', suite.staff.csrf],
        ['file', file],
        ['file', file],
      ],
    });
    assertRefused(twoFiles, 400, 'ERR_SUBSCRIBER_IMPORT_FORM_INVALID');
    const otherName = await upload(null, {
      parts: [
        ['_csrf', suite.staff.csrf],
        ['csv', file],
      ],
    });
    assertRefused(otherName, 400, 'ERR_SUBSCRIBER_IMPORT_FORM_INVALID');
    const broken = await postRaw(
      `--b\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${suite.staff.csrf}\r\n--b\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncut@example.com,briefing,`,
    );
    assertRefused(broken, 400, 'ERR_MULTIPART_MALFORMED');
    assert.deepEqual([...(await found('both')), ...(await found('two@')), ...(await found('cut@'))], []);
  });

  it('pasted rows over 1 MB are refused (400) with the paste limit, sent in the multipart form or urlencoded', async () => {
    const big = 'paste@example.com,briefing,2026-01-02\r\n'.repeat(Math.ceil(1_100_000 / 38));
    assertRefused(await upload(null, { pasted: big }), 400, 'ERR_SUBSCRIBER_IMPORT_INVALID');
    const urlencoded = await postForm(
      suite.t.app,
      '/newsroom/subscribers/import',
      { _csrf: suite.staff.csrf, csv: big },
      { cookie: suite.staff.cookie },
    );
    assertRefused(urlencoded, 400, 'ERR_SUBSCRIBER_IMPORT_INVALID');
    assert.match(urlencoded.body, /href="#subscriber-csv"/, 'the summary links to the paste');
    assert.deepEqual(await found('paste@'), []);
  });

  it('a large file is written in batches, giving the event loop turns (SQLite would otherwise hold it throughout)', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `turns${i}@example.com,briefing,2026-01-02`);
    let done = false;
    let turns = 0;
    const importing = suite.t.deps.subscriberAdmin.importCsvFile(
      { name: 'turns.csv', bytes: Buffer.from([HEADER, ...rows].join('\n')) },
      suite.staff.user.id,
    );
    const counting = (async () => {
      while (!done) {
        await nextTurnOfEventLoop();
        turns++;
      }
    })();
    const report = await importing.finally(() => (done = true));
    await counting;
    assert.equal(report.imported, 400);
    assert.ok(turns >= 400 / 50 - 1, `the event loop had ${turns} turns during the import`);
  });
});
