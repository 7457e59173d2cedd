import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { MAX_UPLOAD_BYTES } from '../../modules/media/media-upload.service.js';
import { createNewsroomTestApp, postForm } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** A multipart body as a browser sends it, built by the platform's own FormData encoder. */
async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('https://news.example/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('newsroom media library', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let jpeg: Buffer;

  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('reporter', '/newsroom/media'));
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  const upload = async (fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
    const body = await multipart(fields, file);
    return t.app.inject({ method: 'POST', url: '/newsroom/media', payload: body.payload, headers: { cookie, 'content-type': body.contentType } });
  };
  const count = async () => (await t.deps.media.list({ limit: 100, offset: 0 })).length;

  it('turns strangers away before reading the upload body', async () => {
    // A body that is not even valid multipart: only a check made before parsing can answer 401.
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/media',
      payload: Buffer.alloc(256 * 1024, 'x'),
      headers: { 'content-type': 'multipart/form-data; boundary=nothing-here' },
    });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['x-error-code'], 'ERR_NOT_SIGNED_IN');
    assert.equal(await count(), 0);
  });

  it('uploads a JPEG with its details: listed newest first, variants on disk', async () => {
    const response = await upload(
      { _csrf: csrf, alt: 'A red square', caption: 'Test caption', credit: 'Photo desk' },
      { name: 'red.jpg', bytes: jpeg, type: 'image/jpeg' },
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/media?uploaded');
    const [asset] = await t.deps.media.list({ limit: 1, offset: 0 });
    assert.equal(asset?.alt, 'A red square');
    assert.equal(asset.credit, 'Photo desk');
    assert.ok(asset.variants.length > 0);
    for (const variant of asset.variants) assert.ok(fs.existsSync(path.join(t.deps.mediaDir, variant.file)), variant.file);

    const page = await t.app.inject({ url: '/newsroom/media?uploaded', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /The image was uploaded/);
    assert.match(page.body, /alt="A red square"/);
    assert.match(page.body, /Test caption/);
    assert.match(page.body, /64 × 48 px/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
  });

  it('refuses an HTML file named .jpg with 415 and stores nothing', async () => {
    const before = await count();
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const response = await upload({ _csrf: csrf, alt: 'Not an image' }, { name: 'evil.jpg', bytes: html, type: 'image/jpeg' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_UNSUPPORTED_TYPE');
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /value="Not an image"/, 'the details are kept in the form');
    assert.equal(await count(), before);
  });

  it('answers 400 with a form error when alt text is missing, and stores nothing', async () => {
    const before = await count();
    const response = await upload({ _csrf: csrf, alt: '   ' }, { name: 'red.jpg', bytes: jpeg, type: 'image/jpeg' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_DETAILS_INVALID');
    assert.match(response.body, /<a href="#alt">/);
    assert.equal(await count(), before);
  });

  it('answers 400 when no file is sent', async () => {
    const response = await upload({ _csrf: csrf, alt: 'No file' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_UNREADABLE');
  });

  it('refuses an upload without the CSRF token (403) and stores nothing', async () => {
    const before = await count();
    const response = await upload({ alt: 'No token' }, { name: 'red.jpg', bytes: jpeg, type: 'image/jpeg' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const wrong = await upload({ _csrf: 'x'.repeat(43), alt: 'Wrong token' }, { name: 'red.jpg', bytes: jpeg, type: 'image/jpeg' });
    assert.equal(wrong.statusCode, 403);
    assert.equal(await count(), before);
  });

  it('refuses a file over 20 MB with 413 from the service and re-renders the form', async () => {
    const before = await count();
    const huge = Buffer.alloc(MAX_UPLOAD_BYTES + 64 * 1024, 0xff);
    const response = await upload({ _csrf: csrf, alt: 'Too big' }, { name: 'huge.jpg', bytes: huge, type: 'image/jpeg' });
    assert.equal(response.statusCode, 413);
    assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_FILE_TOO_LARGE');
    assert.match(response.body, /<a href="#file">/);
    assert.equal(await count(), before);
  });

  it('refuses a second file in one upload (413) and stores nothing', async () => {
    const before = await count();
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('alt', 'Two files');
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'one.jpg');
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'two.jpg');
    const request = new Request('https://news.example/', { method: 'POST', body: form });
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/media',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { cookie, 'content-type': request.headers.get('content-type') ?? '' },
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.headers['x-error-code'], 'ERR_MEDIA_FORM_TOO_LARGE');
    assert.equal(await count(), before);
  });

  it('edits alt text, caption and credit', async () => {
    const [asset] = await t.deps.media.list({ limit: 1, offset: 0 });
    assert.ok(asset);
    const form = await t.app.inject({ url: `/newsroom/media/${asset.id}`, headers: { cookie } });
    assert.equal(form.statusCode, 200);
    const saved = await postForm(
      t.app,
      `/newsroom/media/${asset.id}`,
      { _csrf: csrf, alt: 'A crimson square', caption: '', credit: 'Desk' },
      { cookie },
    );
    assert.equal(saved.statusCode, 303);
    assert.equal((await t.deps.media.get(asset.id)).alt, 'A crimson square');

    const invalid = await postForm(t.app, `/newsroom/media/${asset.id}`, { _csrf: csrf, alt: '', caption: '', credit: '' }, { cookie });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.headers['x-error-code'], 'ERR_MEDIA_DETAILS_INVALID');
    assert.equal((await t.deps.media.get(asset.id)).alt, 'A crimson square');

    const missing = await t.app.inject({ url: '/newsroom/media/no-such-asset', headers: { cookie } });
    assert.equal(missing.statusCode, 404);
  });

  it('pages the library', async () => {
    const page = await t.app.inject({ url: '/newsroom/media?page=2', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Newer images/);
  });
});
