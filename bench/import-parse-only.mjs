// The import benchmark's ceiling (bench/import.bench.sh): the same export read as the importer
// reads it, with nothing written. Prints two figures as JSON: `parse` (the XML streamed into
// items, the importer's second pass without its work) and `plan` (each story also planned: dates,
// slugs, its body converted from HTML), both in items per second.
import { createReadStream } from 'node:fs';
import { readWordPressExport } from '../dist/modules/imports/wordpress-export.js';
import { scanWordPressExport } from '../dist/modules/imports/wordpress-scan.js';
import { planWordPressStory } from '../dist/modules/imports/wordpress-story.js';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/import-parse-only.mjs <export.xml>');
const open = () => createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });

async function pass(plan, scan) {
  const started = performance.now();
  let items = 0;
  for await (const entry of readWordPressExport(open())) {
    if (entry.kind !== 'item' || (entry.item.type !== 'post' && entry.item.type !== 'page')) continue;
    items += 1;
    if (plan) planWordPressStory(entry.item, scan, 'UTC');
  }
  return { items, perSecond: Math.round(items / ((performance.now() - started) / 1000)) };
}

const scan = await scanWordPressExport(open());
const parse = await pass(false, scan);
const plan = await pass(true, scan);
console.log(
  JSON.stringify({ items: parse.items, parse: parse.perSecond, plan: plan.perSecond, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
