import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { MediaAsset } from '../../../modules/media/index.js';
import { AssetRegistry, PUBLIC_DIR } from '../../http/assets.js';
import { Caption } from './caption.js';
import { Figure } from './figure.js';

const asset = (overrides: Partial<MediaAsset> = {}): MediaAsset => ({
  id: 'm1',
  mimeType: 'image/png',
  width: 1200,
  height: 675,
  alt: 'Cranes over the quay',
  caption: 'The harbour at dawn',
  credit: 'Port Agency',
  variants: [{ width: 1200, height: 675, format: 'jpeg', file: 'm1-1200.jpg' }],
  ...overrides,
});

describe('captions in the house format, △ caption (ⓒ credit)', () => {
  it('start with a triangle hidden from screen readers and end with the credit', () => {
    const html = render(h(Figure, { asset: asset() }));
    assert.match(
      html,
      /<figcaption><span class="caption-mark" aria-hidden="true">△ <\/span>The harbour at dawn<span class="credit"> \(ⓒ Port Agency\)<\/span><\/figcaption>/,
    );
  });

  it('keep the triangle with a caption or a credit alone, and show nothing with neither', () => {
    assert.equal(
      render(h(Caption, { asset: asset({ credit: '' }) })),
      '<figcaption><span class="caption-mark" aria-hidden="true">△ </span>The harbour at dawn</figcaption>',
    );
    assert.equal(
      render(h(Caption, { asset: asset({ caption: '' }) })),
      '<figcaption><span class="caption-mark" aria-hidden="true">△ </span><span class="credit">(ⓒ Port Agency)</span></figcaption>',
    );
    assert.equal(render(h(Caption, { asset: asset({ caption: '', credit: '' }) })), '');
  });

  it('draw both marks from a self-hosted font limited to them, named by its hashed URL, licence alongside', () => {
    const assets = new AssetRegistry();
    const css = assets.get('site.css')?.body.toString('utf8') ?? '';
    const font = assets.get('caption-marks.woff2');
    assert.ok(font, 'the font is a served asset');
    assert.equal(font.contentType, 'font/woff2');
    assert.equal(font.body.subarray(0, 4).toString('latin1'), 'wOF2');
    assert.ok(font.body.length < 4096, `a subset, not a whole font (${font.body.length} bytes)`);

    const face = /@font-face\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    assert.match(face, /font-family:\s*'Dateline Marks'/);
    assert.match(face, /unicode-range:\s*U\+24D2,\s*U\+25B3;/);
    assert.ok(face.includes(`url('${assets.url('caption-marks.woff2')}') format('woff2')`), face);
    for (const stack of ['--serif', '--sans']) assert.match(css, new RegExp(`${stack}:\\s*'Dateline Marks',`), `${stack} tries the marks first`);

    const licence = fs.readFileSync(path.join(PUBLIC_DIR, 'assets', 'caption-marks.LICENSE.txt'), 'utf8');
    assert.match(licence, /SIL OPEN FONT LICENSE Version 1\.1/);
  });
});
