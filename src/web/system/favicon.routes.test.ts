import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createNewsroomTestApp, postForm } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';
import { CACHE_CONTROL } from '../http/cache-control.js';

/** The images inside an ICO file, as its directory lists them. */
function icoImages(ico: Buffer): Array<{ size: number; png: Buffer }> {
  assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header (type 1: icon)');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}

/** The colour of one pixel of an image (the centre unless told), as [r, g, b]. */
async function colourAt(png: Buffer, point?: { x: number; y: number }): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { x, y } = point ?? { x: Math.floor(info.width / 2), y: Math.floor(info.height / 2) };
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

/** The icon links of a page's head. */
function iconLinks(html: string): { ico?: string; svg?: string; touch?: string } {
  return {
    ico: /<link rel="icon" href="([^"]+)" sizes="32x32"\/>/.exec(html)?.[1],
    svg: /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(html)?.[1],
    touch: /<link rel="apple-touch-icon" href="([^"]+)"\/>/.exec(html)?.[1],
  };
}

describe('the site icon', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/settings'));
  });
  after(async () => {
    // The upload below queued its AVIF variants; they finish before the database closes.
    await t.deps.media.idle();
    await t.close();
  });

  const chooseIcon = (icon: string) =>
    postForm(
      t.app,
      '/newsroom/settings',
      {
        _csrf: csrf,
        name: 'The Harbour Times',
        tagline: '',
        description: '',
        language: 'en',
        'time-zone': 'UTC',
        'contact-email': 'desk@harbour.example',
        'copyright-holder': '',
        'founded-year': '1965',
        'popular-now-hours': '3',
        'weekly-best-max-age-days': '7',
        logo: '',
        icon,
        'feed-content': 'full',
      },
      { cookie },
    );

  it('answers /favicon.ico with the default icon in the house colours: an ICO of 16, 32 and 48 pixel PNGs, cached and revalidated', async () => {
    const response = await t.app.inject('/favicon.ico');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/x-icon');
    assert.equal(response.headers['cache-control'], CACHE_CONTROL.icon);
    // Surrogate keys are named only to a CDN purged by them (cdn-headers.test.ts); none here.
    assert.equal(response.headers['surrogate-key'], undefined);
    const images = icoImages(response.rawPayload);
    assert.deepEqual(
      images.map((image) => image.size),
      [16, 32, 48],
    );
    for (const image of images) {
      const metadata = await sharp(image.png).metadata();
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', image.size, image.size]);
    }
    // The house accent, #a4161a, fills the icon around its white letter.
    const [red = 0, green = 0, blue = 0] = await colourAt(images[2]?.png ?? Buffer.alloc(0), { x: 6, y: 6 });
    assert.ok(red > 140 && green < 60 && blue < 60, `accent red, got ${red},${green},${blue}`);

    const etag = String(response.headers.etag);
    const again = await t.app.inject({ url: '/favicon.ico', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);

    const touch = await t.app.inject('/apple-touch-icon.png');
    assert.equal(touch.statusCode, 200);
    assert.equal(touch.headers['content-type'], 'image/png');
    const metadata = await sharp(touch.rawPayload).metadata();
    assert.deepEqual([metadata.width, metadata.height], [180, 180]);
  });

  it('is linked from every page, reading site and newsroom alike, by versioned URLs kept for a year', async () => {
    for (const html of [
      (await t.app.inject('/')).body,
      (await t.app.inject('/no-such-page')).body,
      (await t.app.inject({ url: '/newsroom/settings', headers: { cookie } })).body,
    ]) {
      const links = iconLinks(html);
      assert.match(links.ico ?? '', /^\/favicon\.ico\?v=[0-9a-f]{12}$/);
      assert.match(links.svg ?? '', /^\/assets\/favicon\.svg\?v=[0-9a-f]{12}$/, 'the default icon is also offered as an SVG');
      assert.match(links.touch ?? '', /^\/apple-touch-icon\.png\?v=[0-9a-f]{12}$/);
    }
    const links = iconLinks((await t.app.inject('/')).body);
    for (const [url, type] of [
      [links.ico, 'image/x-icon'],
      [links.svg, 'image/svg+xml'],
      [links.touch, 'image/png'],
    ] as const) {
      const response = await t.app.inject(url ?? '');
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], type, url);
      assert.equal(response.headers['cache-control'], CACHE_CONTROL.immutable, url);
    }
    const stale = await t.app.inject('/favicon.ico?v=000000000000');
    assert.equal(stale.statusCode, 200, 'an old link still gets the icon');
    assert.equal(stale.headers['cache-control'], CACHE_CONTROL.icon, 'but is not pinned');
  });

  it('follows the image chosen in the settings at once, and goes back to the default', async () => {
    const defaultIco = (await t.app.inject('/favicon.ico')).rawPayload;
    const blue = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#1040c0' } })
      .png()
      .toBuffer();
    const { asset } = await t.deps.media.upload({ bytes: blue, originalName: 'icon.png', alt: 'A blue square' });

    const saved = await chooseIcon(asset.id);
    assert.equal(saved.statusCode, 303);
    const settingsPage = (await t.app.inject({ url: '/newsroom/settings', headers: { cookie } })).body;
    assert.match(settingsPage, new RegExp(`<option value="${asset.id}" selected>A blue square</option>`));

    const ico = (await t.app.inject('/favicon.ico')).rawPayload;
    assert.notDeepEqual(ico, defaultIco);
    const images = icoImages(ico);
    assert.deepEqual(
      images.map((image) => image.size),
      [16, 32, 48],
    );
    const [r = 0, g = 0, b = 0] = await colourAt(images[1]?.png ?? Buffer.alloc(0));
    assert.ok(b > 150 && r < 60 && g < 100, `the chosen blue, got ${r},${g},${b}`);

    const links = iconLinks((await t.app.inject('/')).body);
    assert.equal(links.svg, undefined, 'no default SVG beside a chosen icon');
    assert.deepEqual((await t.app.inject(links.ico ?? '')).rawPayload, ico, 'pages link the new icon');

    assert.equal((await chooseIcon('')).statusCode, 303);
    assert.deepEqual((await t.app.inject('/favicon.ico')).rawPayload, defaultIco);
  });

  it('refuses an icon that is not in the media library with ERR_SETTINGS_INVALID, linked to the field, and changes nothing', async () => {
    const before = t.deps.settings.publication;
    const response = await chooseIcon('no-such-image');
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_SETTINGS_INVALID');
    assert.match(response.body, /<a href="#icon">/);
    assert.deepEqual(t.deps.settings.publication, before);
  });

  it('serves the default icon when the chosen image can no longer be drawn', async () => {
    const defaultIco = (await t.app.inject('/favicon.ico')).rawPayload;
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      // A library entry whose files are not on disk.
      const missing = await t.factories.media({ alt: 'Files gone' });
      assert.equal((await chooseIcon(missing)).statusCode, 303);
    } finally {
      console.warn = originalWarn;
    }
    const response = await t.app.inject('/favicon.ico');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.rawPayload, defaultIco);
    assert.equal(warnings.length, 1, 'and says why');
    await chooseIcon('');
  });
});
