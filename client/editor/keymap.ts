import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Schema } from 'prosemirror-model';
import { liftListItem } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { insertBlock, listEnter, quoteEnter, toggleEm, toggleHeading, toggleList, toggleQuote, toggleStrong } from './commands.js';

/** Commands that open a dialog: the toolbar owns the dialogs, the keymap only asks for them. */
export interface DialogCommands {
  link: Command;
  embed: Command;
  help: Command;
}

/**
 * Every shortcut, with the words the help panel shows. `Mod` is Cmd on a Mac and Ctrl elsewhere.
 * Kept in one table so the help panel and the keymap can never disagree.
 */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['Mod-b'], action: 'Bold' },
  { keys: ['Mod-i'], action: 'Italic' },
  { keys: ['Mod-k'], action: 'Link (add, change or remove)' },
  { keys: ['Mod-Alt-2'], action: 'Sub-heading (again: back to a paragraph)' },
  { keys: ['Mod-Shift-9'], action: 'Quote (Enter moves to the attribution)' },
  { keys: ['Mod-Shift-8'], action: 'Bulleted list' },
  { keys: ['Mod-Shift-7'], action: 'Numbered list' },
  { keys: ['Mod-Shift--'], action: 'Divider' },
  { keys: ['Mod-Shift-e'], action: 'Embed a link card' },
  { keys: ['Mod-z'], action: 'Undo' },
  { keys: ['Mod-Shift-z', 'Mod-y'], action: 'Redo' },
  { keys: ['Mod-/'], action: 'This list of shortcuts' },
  { keys: ['Alt-F10'], action: 'Move to the toolbar (Escape comes back)' },
];

export function editorKeymap(schema: Schema, dialogs: DialogCommands, focusToolbar: Command): Plugin[] {
  const item = schema.nodes['list_item']!;
  const bindings: Record<string, Command> = {
    'Mod-b': toggleStrong(schema),
    'Mod-i': toggleEm(schema),
    'Mod-k': dialogs.link,
    'Mod-Alt-2': toggleHeading(schema),
    'Mod-Shift-9': toggleQuote(schema),
    'Mod-Shift-8': toggleList(schema, 'bullet_list'),
    'Mod-Shift-7': toggleList(schema, 'ordered_list'),
    'Mod-Shift--': insertBlock(schema.nodes['divider']!),
    'Mod-Shift-e': dialogs.embed,
    'Mod-z': undo,
    'Mod-Shift-z': redo,
    'Mod-y': redo,
    'Mod-/': dialogs.help,
    'Alt-F10': focusToolbar,
    Enter: chainCommands(quoteEnter(schema), listEnter(schema)),
    'Shift-Tab': liftListItem(item),
    'Mod-Enter': exitCode,
  };
  return [keymap(bindings), keymap(baseKeymap)];
}
