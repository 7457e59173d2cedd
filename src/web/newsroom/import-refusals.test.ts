import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { ErrorCode } from '../../shared/errors.js';
import { countImportRuns, importFiles, importsSettled, postImport, WORDPRESS_FIXTURES } from '../../testing/import-upload-client.js';
import { signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The smallest limit allowed, so an export just over it is quick to send. */
const LIMIT = 1024 * 1024;

describe('the Import page refuses bad uploads with a coded 4xx and a sentence, keeping nothing', () => {
  let t: TestApp;
  let admin: StaffSession;
  let exportFile: Buffer;
  before(async () => {
    t = await createTestApp({ env: { IMPORT_MAX_BYTES: String(LIMIT) } });
    admin = await signInStaff(t, 'admin', '/newsroom/import');
    await t.factories.section({ slug: 'politics', name: 'Politics' });
    exportFile = await readFile(path.join(WORDPRESS_FIXTURES, 'block-editor.wxr.xml'));
  });
  after(() => t.close());

  async function assertRefused(response: LightMyRequestResponse, status: number, code: ErrorCode, sentence?: RegExp): Promise<void> {
    assert.equal(response.statusCode, status, response.body.slice(0, 400));
    assert.equal(response.headers['x-error-code'], code);
    if (sentence) assert.match(response.body, sentence);
    await importsSettled(t);
    assert.equal(await countImportRuns(t), 0, 'no run was recorded');
    assert.deepEqual(await importFiles(t), [], 'no file was left');
    assert.equal((await t.deps.audit.list({ limit: 1, action: 'import.started' })).length, 0);
  }

  /** The page again, its form's error summary linking to the field. */
  const summaryLinksTo = (field: string, text: RegExp) => new RegExp(`role="alert"[\\s\\S]*<a href="#${field}">[^<]*${text.source}`);

  it('no file chosen, or no file part at all', async () => {
    // A browser sends an empty part without a name when no file was chosen.
    const none = await postImport(t, admin, { name: '', bytes: '' });
    await assertRefused(none, 400, 'ERR_IMPORT_FILE_MISSING', summaryLinksTo('file', /Choose the export file/));
    assert.match(none.body, /<title>Error: Import/);
    await assertRefused(await postImport(t, admin, null, { unmapped: 'tags' }), 400, 'ERR_IMPORT_FILE_MISSING');
  });

  it('an empty file', async () => {
    await assertRefused(await postImport(t, admin, { name: 'export.xml', bytes: '' }), 400, 'ERR_IMPORT_FILE_EMPTY', /That file is empty/);
  });

  it('a file of another kind, named at once from its first bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(6000)]);
    const photo = await postImport(t, admin, { name: 'photo.xml', bytes: png });
    await assertRefused(
      photo,
      422,
      'ERR_IMPORT_FILE_REFUSED',
      summaryLinksTo('file', /This is neither a WordPress export \(an XML file\) nor a Ghost export/),
    );
    const doctype = '<!DOCTYPE html><html><body>Not an export</body></html>';
    assert.equal((await postImport(t, admin, { name: 'page.xml', bytes: doctype })).statusCode, 303, 'XML-like: refused by the importer, in the run');
    await importsSettled(t);
    await t.deps.db.deleteFrom('import_runs').execute();
    await t.deps.db.deleteFrom('audit_log').execute();
  });

  it('JSON that is not a Ghost export, and a WordPress export named as one', async () => {
    const json = await postImport(t, admin, { name: 'ghost.json', bytes: '[{"title": "A post"}]' });
    await assertRefused(json, 422, 'ERR_IMPORT_FILE_REFUSED', /This is a JSON array, not a Ghost export/);
    const other = await postImport(t, admin, { name: 'ghost.json', bytes: '{"title": "A post", "body": "Text"}' });
    await assertRefused(other, 422, 'ERR_IMPORT_FILE_REFUSED', /This is a JSON file, but not a Ghost export/);
  });

  it('a file over IMPORT_MAX_BYTES: told by its size at once, or found while it streams in', async () => {
    const padded = (bytes: number) => Buffer.concat([exportFile, Buffer.alloc(bytes - exportFile.length, ' ')]);
    // Just over: the declared length is within the form's allowance, so the stream itself is cut.
    const streamed = await postImport(t, admin, { name: 'big.xml', bytes: padded(LIMIT + 1) });
    await assertRefused(streamed, 413, 'ERR_IMPORT_FILE_TOO_LARGE', /larger than this site accepts[\s\S]*The limit is 1\.0 MB\./);
    // Far over: refused from the Content-Length before a byte of the body is read.
    await assertRefused(await postImport(t, admin, { name: 'huge.xml', bytes: padded(LIMIT * 3) }), 413, 'ERR_IMPORT_FILE_TOO_LARGE');
    // Exactly at the limit is taken (and then run).
    const atLimit = await postImport(t, admin, { name: 'at-limit.xml', bytes: padded(LIMIT) }, { 'dry-run': 'yes' });
    assert.equal(atLimit.statusCode, 303);
    await importsSettled(t);
    await t.deps.db.deleteFrom('import_runs').execute();
    await t.deps.db.deleteFrom('audit_log').execute();
  });

  it('a bad section map, the text kept for correcting', async () => {
    const unknown = await postImport(
      t,
      admin,
      { name: 'export.xml', bytes: exportFile },
      { 'section-map': 'city-hall=politics\nwaterfront=harbour' },
    );
    await assertRefused(
      unknown,
      400,
      'ERR_IMPORT_SECTION_MAP_INVALID',
      summaryLinksTo('section-map', /There is no section with the slug “harbour”\./),
    );
    assert.match(
      unknown.body,
      /<textarea id="section-map" name="section-map" rows="4" aria-describedby="section-map-hint section-map-error" aria-invalid="true">city-hall=politics\r?\nwaterfront=harbour<\/textarea>/,
    );
    const garbage = await postImport(t, admin, { name: 'export.xml', bytes: exportFile }, { 'section-map': 'just some words' });
    await assertRefused(garbage, 400, 'ERR_IMPORT_SECTION_MAP_INVALID', /is not an old=new pair/);
    const unmapped = await postImport(t, admin, { name: 'export.xml', bytes: exportFile }, { unmapped: 'everything' });
    await assertRefused(unmapped, 400, 'ERR_IMPORT_FORM_INVALID');
  });

  it('a default section that does not exist, a time zone or an old address that is not one, each with its field kept', async () => {
    const send = (fields: Record<string, string>) => postImport(t, admin, { name: 'export.xml', bytes: exportFile }, fields);
    const section = await send({ 'default-section': 'harbour' });
    await assertRefused(
      section,
      400,
      'ERR_IMPORT_DEFAULT_SECTION_INVALID',
      summaryLinksTo('default-section', /There is no section with the slug “harbour”\./),
    );
    for (const zone of ['Mars/Olympus_Mons', 'UTC+25', 'x'.repeat(300)]) {
      const refused = await send({ 'time-zone': zone, 'default-section': 'politics' });
      await assertRefused(refused, 400, 'ERR_IMPORT_TIME_ZONE_INVALID', summaryLinksTo('time-zone', /IANA name/));
    }
    const kept = await send({ 'time-zone': 'Mars/Olympus_Mons', 'default-section': 'politics' });
    assert.match(kept.body, /<option value="politics" selected>Politics<\/option>/);
    assert.match(kept.body, /id="time-zone" name="time-zone" type="text"[^>]* value="Mars\/Olympus_Mons"/);
    for (const address of ['javascript:alert(1)', 'ftp://old.example', 'news.example.com', 'https://', `https://old.example/${'a'.repeat(2100)}`]) {
      await assertRefused(await send({ 'site-url': address }), 400, 'ERR_IMPORT_SITE_URL_INVALID', summaryLinksTo('site-url', /old site’s address/));
    }
  });

  it('a second import while one runs (409), whichever node runs it', async () => {
    const now = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('import_runs')
      .values({
        id: '11111111-1111-4111-8111-111111111111',
        kind: 'wordpress',
        file_name: 'elsewhere.xml',
        file_bytes: 1000,
        status: 'running',
        active: 1,
        dry_run: 0,
        options: JSON.stringify({ sectionMap: [], unmapped: 'sections', fetchImages: false, dryRun: false }),
        done: 40,
        total: 160,
        node_id: 'another-node',
        started_by: admin.user.id,
        created_at: now,
        started_at: now,
        heartbeat_at: now,
        finished_at: null,
        error: null,
        report: null,
      })
      .execute();
    const response = await postImport(t, admin, { name: 'export.xml', bytes: exportFile });
    assert.equal(response.statusCode, 409);
    assert.equal(response.headers['x-error-code'], 'ERR_IMPORT_RUNNING');
    assert.match(response.body, summaryLinksTo('import-run-heading', /An import is running already/));
    assert.match(response.body, /<h2 id="import-run-heading">Import in progress: elsewhere\.xml<\/h2>/);
    assert.match(response.body, /data-import-run-url="\/newsroom\/import\/runs\/11111111-1111-4111-8111-111111111111\.json"/);
    assert.match(response.body, /<progress id="import-progress" max="160" value="40" aria-describedby="import-progress-text">25 %<\/progress>/);
    assert.match(response.body, /<p id="import-progress-text">40 of 160 items \(25 %\)\.<\/p>/);
    assert.match(response.body, /<a href="\/newsroom\/import\?run=11111111-1111-4111-8111-111111111111">Refresh<\/a>/);
    assert.doesNotMatch(response.body, /enctype="multipart\/form-data"/, 'the form waits for the run to end');
    assert.equal(await countImportRuns(t), 1);
    assert.deepEqual(await importFiles(t), []);
    await t.deps.db.deleteFrom('import_runs').execute();
  });

  it('a missing or wrong CSRF token (403), writing nothing', async () => {
    const file = { name: 'export.xml', bytes: exportFile };
    await assertRefused(await postImport(t, { cookie: admin.cookie }, file), 403, 'ERR_CSRF_TOKEN_INVALID');
    await assertRefused(await postImport(t, { cookie: admin.cookie, csrf: 'forged' }, file), 403, 'ERR_CSRF_TOKEN_INVALID');
    const other = await signInStaff(t, 'admin', '/newsroom/import');
    await assertRefused(await postImport(t, { cookie: admin.cookie, csrf: other.csrf }, file), 403, 'ERR_CSRF_TOKEN_INVALID');
  });

  it('an editor (403) or nobody signed in (401), before the body is read', async () => {
    const editor = await signInStaff(t, 'editor', '/newsroom');
    await assertRefused(await postImport(t, editor, { name: 'export.xml', bytes: exportFile }), 403, 'ERR_FORBIDDEN');
    await assertRefused(await postImport(t, { csrf: admin.csrf }, { name: 'export.xml', bytes: exportFile }), 401, 'ERR_NOT_SIGNED_IN');
  });

  it('a body that is not a whole multipart form (400)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/import',
      payload: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n<rss`,
      headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=x' },
    });
    await assertRefused(response, 400, 'ERR_MULTIPART_MALFORMED');
  });
});
