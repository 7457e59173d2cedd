#!/usr/bin/env node
// Makes public/assets/caption-marks.woff2: the two marks of the house caption format, `△ caption
// (ⓒ credit)`, cut from Noto Sans CJK KR (SIL Open Font License 1.1, licence beside the font). Many
// systems have no font with ⓒ (U+24D2) and draw an empty box; the site's CSS loads this font for
// those two code points only (`unicode-range`), so it costs a page nothing unless a caption shows.
//
// Run once when the marks change, not in the build: the tools are not dependencies of the project.
//   apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto-cjk
//   mkdir -p /tmp/font-tools && npm i --prefix /tmp/font-tools harfbuzzjs@1.6.4 fontverter@2.0.0
//   node scripts/make-caption-marks-font.mjs /tmp/noto-cjk/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /tmp/font-tools
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** △ WHITE UP-POINTING TRIANGLE and ⓒ CIRCLED LATIN SMALL LETTER C; site.css names the same range. */
const MARKS = [0x25b3, 0x24d2];
/** In NotoSansCJK-Regular.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK. */
const KOREAN_FACE = 1;
/** Name records kept besides the family and style ones hb-subset keeps: the licence and its URL (OFL §2). */
const LICENCE_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_NAME_ID = 4;

const [source, toolsDir] = process.argv.slice(2);
if (!source || !toolsDir) {
  console.error('usage: node scripts/make-caption-marks-font.mjs NotoSansCJK-Regular.ttc FONT_TOOLS_DIR');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(toolsDir), 'node_modules', 'x.js'));
const fontverter = require('fontverter');
const { instance } = await WebAssembly.instantiate(fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
const hb = instance.exports;
hb._initialize();

const font = fs.readFileSync(source);
const fontPointer = hb.malloc(font.byteLength);
new Uint8Array(hb.memory.buffer).set(font, fontPointer);
const blob = hb.hb_blob_create(fontPointer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
const face = hb.hb_face_create(blob, KOREAN_FACE);
const input = hb.hb_subset_input_create_or_fail();
const unicodes = hb.hb_subset_input_unicode_set(input);
for (const codePoint of MARKS) hb.hb_set_add(unicodes, codePoint);
const nameIds = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
for (const id of LICENCE_NAME_IDS) hb.hb_set_add(nameIds, id);
const subset = hb.hb_subset_or_fail(face, input);
if (subset === 0) throw new Error('hb-subset failed');
const result = hb.hb_face_reference_blob(subset);
const offset = hb.hb_blob_get_data(result, 0);
const sfnt = Buffer.from(new Uint8Array(hb.memory.buffer).subarray(offset, offset + hb.hb_blob_get_length(result)));
const woff2 = await fontverter.convert(sfnt, 'woff2', 'sfnt');

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/assets/caption-marks.woff2');
fs.writeFileSync(target, woff2);
console.log(`${target}: ${woff2.length} bytes`);
