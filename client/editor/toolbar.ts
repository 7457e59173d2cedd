import { Plugin, type Command } from 'prosemirror-state';
import type { EditorHandle } from './editor-handle.js';
import type { DialogCommands } from './keymap.js';

export interface Toolbar {
  element: HTMLElement;
  dialogs: DialogCommands;
  focus: Command;
  plugin: Plugin;
  attach(editor: EditorHandle): void;
}

/** The ARIA toolbar (skeleton: empty; the buttons come next). */
export function createToolbar(_root: HTMLElement): Toolbar {
  const element = document.createElement('div');
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', 'Formatting');
  const none: Command = () => false;
  return { element, dialogs: { link: none, embed: none, help: none }, focus: none, plugin: new Plugin({}), attach: () => undefined };
}
