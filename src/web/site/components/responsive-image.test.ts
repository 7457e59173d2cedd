import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { ResponsiveImage } from './responsive-image.js';

/** The AVIF variants the media module adds in the background (its own test covers making them). */
describe('responsive images', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  it('offers AVIF first, once an upload has its AVIF variants', async () => {
    const bytes = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#2a6f97' } })
      .png()
      .toBuffer();
    const { asset } = await t.deps.media.upload({
      bytes,
      originalName: 'a.png',
      alt: 'Harbour cranes at dusk',
      caption: 'The east quay.',
      credit: 'Test Agency',
    });
    await t.deps.media.idle();
    const stored = (await t.deps.media.list({ limit: 100, offset: 0 })).find((a) => a.id === asset.id);
    assert.ok(stored);
    assert.ok(stored.variants.some((v) => v.format === 'avif'));

    const html = render(h(ResponsiveImage, { asset: stored, sizes: '100vw' }));
    assert.ok(html.indexOf('type="image/avif"') > -1 && html.indexOf('type="image/avif"') < html.indexOf('type="image/webp"'), html);
  });
});
