import { inlineText, type ArticleBody, type BodyBlock } from '../../shared/article-body.js';
import type { BodyLineChange, FieldChange, RevisionSnapshot, SnapshotField } from './revision.types.js';

/** The order fields are listed in a comparison: as they appear on the editing form. */
const SNAPSHOT_FIELDS: readonly SnapshotField[] = [
  'headline',
  'standfirst',
  'slug',
  'sectionId',
  'authorIds',
  'tags',
  'typeLabel',
  'seriesId',
  'seriesPart',
  'heroMediaId',
  'seoTitle',
  'seoDescription',
  'embargoUntil',
];

/** What changed from one snapshot to another: each differing field, and the body line by line. */
export function diffSnapshots(before: RevisionSnapshot, after: RevisionSnapshot): { fields: FieldChange[]; body: BodyLineChange[] } {
  const fields = SNAPSHOT_FIELDS.flatMap((field): FieldChange[] =>
    JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)
      ? []
      : [{ field, before: before[field] ?? null, after: after[field] ?? null }],
  );
  return { fields, body: diffLines(bodyLines(before.body), bodyLines(after.body)) };
}

/** One line per block, as plain text; marks and links are not compared, only the words. */
export function bodyLines(body: ArticleBody): string[] {
  return body.map(blockLine);
}

function blockLine(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.content);
    case 'heading':
      return `## ${block.text}`;
    case 'quote':
      return block.attribution ? `> ${block.text} — ${block.attribution}` : `> ${block.text}`;
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlineText(item)}`).join('\n');
    case 'figure':
      return `[figure ${block.mediaId}]`;
    case 'divider':
      return '---';
    case 'embed':
      return `[embed ${block.url}]`;
  }
}

/**
 * A line-level diff by longest common subsequence: lines in both, in order, are `same`; the rest are
 * `removed` (only in `before`) or `added` (only in `after`), removals first at each change.
 * The common head and tail are trimmed before the quadratic table, so a small edit to a long story
 * costs little; a body is at most 2,000 blocks, which bounds the worst case.
 */
export function diffLines(before: readonly string[], after: readonly string[]): BodyLineChange[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    tail++;
  }
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);

  // lcs[i * width + j] = length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }

  const middle: BodyLineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lineA = a[i] ?? '';
    const lineB = b[j] ?? '';
    if (lineA === lineB) {
      middle.push({ op: 'same', text: lineA });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      middle.push({ op: 'removed', text: lineA });
      i++;
    } else {
      middle.push({ op: 'added', text: lineB });
      j++;
    }
  }
  for (; i < a.length; i++) middle.push({ op: 'removed', text: a[i] ?? '' });
  for (; j < b.length; j++) middle.push({ op: 'added', text: b[j] ?? '' });

  const same = (lines: readonly string[]) => lines.map((text): BodyLineChange => ({ op: 'same', text }));
  return [...same(before.slice(0, head)), ...middle, ...same(before.slice(before.length - tail))];
}
