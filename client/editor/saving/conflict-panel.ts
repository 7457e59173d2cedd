import { conflictDiffMarkup, type MarkupNode } from '../../../src/shared/conflict-diff.js';
import type { ConflictView } from '../../../src/shared/editor-wire.types.js';

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
  const title = element('h2', 'Someone else saved this story');
  title.id = 'story-conflict-title';
  const who = element('p');
  who.append(
    element('strong', conflict.savedBy),
    ` saved it at ${conflict.savedAtText}, after you opened it, so your changes were not saved over theirs. Your text is still in the editor and kept on this device.`,
  );
  region.append(title, who);

  region.append(...conflictDiffMarkup(conflict).map(toDom));

  region.append(element('h3', 'What do you want to keep?'));
  const options = element('ul', undefined, 'story-conflict-choices');
  const choice = (label: string, explanation: string, action: () => void) => {
    const item = element('li');
    const button = element('button', label);
    button.type = 'button';
    button.addEventListener('click', action);
    item.append(button, ` ${explanation}`);
    options.append(item);
  };
  choice('Keep mine', 'saves your version over theirs (theirs stays in the revisions).', choices.keepMine);
  choice('Take theirs', 'reloads the story as they saved it; your changes are discarded.', choices.takeTheirs);
  choice('Edit first', 'closes this so you can combine both; your next save replaces theirs.', choices.editFirst);
  region.append(options);
  form.prepend(region);
  region.focus();
  return region;
}
