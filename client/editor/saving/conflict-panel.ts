import { conflictDiffMarkup, type MarkupElement, type MarkupNode } from '../../../src/shared/conflict-diff.js';
import type { ConflictView } from '../../../src/shared/editor-wire.types.js';
import { msg, msgParts, type EditorMessageKey } from '../messages.js';

/** A refused save as the server describes it (ERR_STORY_CONFLICT's `conflict`, story-saving.presenter.ts). */
export type { ConflictView };

export interface ConflictChoices {
  keepMine: () => void;
  takeTheirs: () => void;
  editFirst: () => void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The shared diff tree (src/shared/conflict-diff.ts) as DOM nodes; text stays text, never HTML. */
function toDom(node: MarkupNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const built = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) built.setAttribute(name, value);
  built.append(...node.children.map(toDom));
  return built;
}

/**
 * The shared diff tree's own words (src/shared/conflict-diff.ts writes them in English for the page
 * and the script alike), by the element that holds them: headings, the caption, the column heads, the
 * hidden "Only in …" prefixes and the same-body note. The story's text and field values sit in
 * other elements (`td`, row `th`, the lines' `li`) and are never looked up.
 */
const DIFF_WORDS: Readonly<Record<string, EditorMessageKey>> = {
  'Fields that differ': 'nr.editor.conflict.fieldsDiffer',
  Field: 'nr.editor.conflict.field',
  Theirs: 'nr.editor.conflict.theirs',
  Yours: 'nr.editor.conflict.yours',
  'Body: theirs against yours': 'nr.editor.conflict.bodyHeading',
  'Only in yours: ': 'nr.editor.conflict.onlyYours',
  'Only in theirs: ': 'nr.editor.conflict.onlyTheirs',
  'The body is the same in both.': 'nr.editor.conflict.sameBody',
};

function holdsDiffWords(node: MarkupElement): boolean {
  const { tag, attrs } = node;
  return (
    tag === 'caption' ||
    tag === 'h3' ||
    tag === 'p' ||
    (tag === 'th' && attrs['scope'] === 'col') ||
    (tag === 'span' && attrs['class'] === 'visually-hidden')
  );
}

export function translateDiffWords(node: MarkupNode): MarkupNode {
  if (typeof node === 'string') return node;
  const children = node.children.map((child) => {
    if (typeof child !== 'string') return translateDiffWords(child);
    const key = holdsDiffWords(node) ? DIFF_WORDS[child] : undefined;
    // The prefixes end in a space in the tree; the catalogue's texts do not.
    return key ? (child.endsWith(' ') ? `${msg(key)} ` : msg(key)) : child;
  });
  return { ...node, children };
}

/**
 * The same region the page renders without JavaScript (components/story-saving.tsx), built from the
 * JSON answer: a labelled region with a heading, who saved and when, their version against yours,
 * and three choices. It takes focus, so it is announced at once.
 */
export function showConflict(form: HTMLFormElement, conflict: ConflictView, choices: ConflictChoices): HTMLElement {
  document.getElementById('story-conflict')?.remove();
  const region = element('section', undefined, 'story-conflict');
  region.id = 'story-conflict';
  region.tabIndex = -1;
  region.setAttribute('aria-labelledby', 'story-conflict-title');
  region.setAttribute('aria-live', 'assertive');
  const title = element('h2', msg('nr.editor.conflict.title'));
  title.id = 'story-conflict-title';
  const who = element('p');
  who.append(...msgParts('nr.editor.conflict.savedBy', { name: element('strong', conflict.savedBy), time: conflict.savedAtText }));
  region.append(title, who);

  region.append(...conflictDiffMarkup(conflict).map(translateDiffWords).map(toDom));

  region.append(element('h3', msg('nr.editor.conflict.question')));
  const options = element('ul', undefined, 'story-conflict-choices');
  const choice = (label: string, explanation: string, action: () => void) => {
    const item = element('li');
    const button = element('button', label);
    button.type = 'button';
    button.addEventListener('click', action);
    item.append(button, ` ${explanation}`);
    options.append(item);
  };
  choice(msg('nr.editor.conflict.keepMine'), msg('nr.editor.conflict.keepMineExplained'), choices.keepMine);
  choice(msg('nr.editor.conflict.takeTheirs'), msg('nr.editor.conflict.takeTheirsExplained'), choices.takeTheirs);
  choice(msg('nr.editor.conflict.editFirst'), msg('nr.editor.conflict.editFirstExplained'), choices.editFirst);
  region.append(options);
  form.prepend(region);
  region.focus();
  return region;
}
