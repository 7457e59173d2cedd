import { conflictDiffMarkup, type ConflictDiffWords, type MarkupNode } from '../../../src/shared/conflict-diff.js';
import type { ConflictView } from '../../../src/shared/editor-wire.types.js';
import { msg, msgParts } from '../messages.js';

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

/** The shared diff tree's own words, from the messages the page gave the script. */
export function conflictDiffWords(): ConflictDiffWords {
  return {
    fieldsDiffer: msg('nr.editor.conflict.fieldsDiffer'),
    field: msg('nr.editor.conflict.field'),
    theirs: msg('nr.editor.conflict.theirs'),
    yours: msg('nr.editor.conflict.yours'),
    bodyHeading: msg('nr.editor.conflict.bodyHeading'),
    onlyYours: msg('nr.editor.conflict.onlyYours'),
    onlyTheirs: msg('nr.editor.conflict.onlyTheirs'),
    sameBody: msg('nr.editor.conflict.sameBody'),
  };
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

  region.append(...conflictDiffMarkup(conflict, conflictDiffWords()).map(toDom));

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
