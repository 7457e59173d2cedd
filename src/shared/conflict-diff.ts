// What a refused save's panel shows of the two versions: the fields that differ and the body, theirs
// against yours. The page (web/newsroom/components/story-saving.tsx) and the editor's script
// (client/editor/saving/conflict-panel.ts) both render this one tree, so the two panels cannot drift.
// Pure data: nothing here touches the DOM or the server.
import type { ConflictView } from './editor-wire.types.js';

/** A piece of markup: text, or an element with its attributes and children. Text is never HTML. */
export type MarkupNode = string | MarkupElement;

export interface MarkupElement {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  children: readonly MarkupNode[];
}

const element = (tag: string, attrs: Record<string, string>, ...children: MarkupNode[]): MarkupElement => ({ tag, attrs, children });

/**
 * The diff's own words, in the viewer's language: the page takes them from its translator, the
 * script from the messages the page gave it (the catalogue's `nr.editor.conflict.*`). The hidden
 * prefixes are followed by a space here, so the catalogue's texts need none.
 */
export interface ConflictDiffWords {
  fieldsDiffer: string;
  field: string;
  theirs: string;
  yours: string;
  bodyHeading: string;
  onlyYours: string;
  onlyTheirs: string;
  sameBody: string;
}

/**
 * The diff part of the conflict panel. Additions and removals are marked in words (a visually
 * hidden prefix) as well as by `<ins>`/`<del>`, not by colour alone.
 */
export function conflictDiffMarkup(conflict: Pick<ConflictView, 'fields' | 'body'>, words: ConflictDiffWords): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  if (conflict.fields.length > 0) {
    nodes.push(
      element(
        'table',
        { class: 'newsroom-table story-conflict-fields' },
        element('caption', {}, words.fieldsDiffer),
        element('thead', {}, element('tr', {}, ...[words.field, words.theirs, words.yours].map((name) => element('th', { scope: 'col' }, name)))),
        element(
          'tbody',
          {},
          ...conflict.fields.map((field) =>
            element('tr', {}, element('th', { scope: 'row' }, field.label), element('td', {}, field.theirs), element('td', {}, field.yours)),
          ),
        ),
      ),
    );
  }
  nodes.push(element('h3', {}, words.bodyHeading));
  if (conflict.body.some((line) => line.op !== 'same')) {
    const lines = conflict.body.map((line) =>
      line.op === 'same'
        ? element('li', { class: 'diff-same' }, line.text)
        : element(
            'li',
            { class: `diff-${line.op}` },
            element(
              line.op === 'added' ? 'ins' : 'del',
              {},
              element('span', { class: 'visually-hidden' }, `${line.op === 'added' ? words.onlyYours : words.onlyTheirs} `),
              line.text,
            ),
          ),
    );
    nodes.push(element('ul', { class: 'story-diff-body' }, ...lines));
  } else nodes.push(element('p', {}, words.sameBody));
  return nodes;
}
