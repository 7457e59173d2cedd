import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Schema } from 'prosemirror-model';
import { liftListItem } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { insertBlock, listEnter, quoteEnter, toggleEm, toggleHeading, toggleList, toggleQuote, toggleStrong } from './commands.js';
import type { EditorMessageKey } from './messages.js';

/** Commands that open a dialog: the toolbar owns the dialogs, the keymap only asks for them. */
export interface DialogCommands {
  link: Command;
  embed: Command;
  help: Command;
}

/**
 * Every shortcut, with the words the help panel shows (their message keys). `Mod` is Cmd on a Mac and Ctrl elsewhere.
 * Kept in one table so the help panel and the keymap can never disagree.
 */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: EditorMessageKey }> = [
  { keys: ['Mod-b'], action: 'nr.editor.toolbar.bold' },
  { keys: ['Mod-i'], action: 'nr.editor.toolbar.italic' },
  { keys: ['Mod-k'], action: 'nr.editor.help.link' },
  { keys: ['Mod-Alt-2'], action: 'nr.editor.help.heading' },
  { keys: ['Mod-Shift-9'], action: 'nr.editor.help.quote' },
  { keys: ['Mod-Shift-8'], action: 'nr.editor.toolbar.bulletList' },
  { keys: ['Mod-Shift-7'], action: 'nr.editor.toolbar.orderedList' },
  { keys: ['Mod-Shift--'], action: 'nr.editor.toolbar.divider' },
  { keys: ['Mod-Shift-e'], action: 'nr.editor.toolbar.embed' },
  { keys: ['Mod-z'], action: 'nr.editor.toolbar.undo' },
  { keys: ['Mod-Shift-z', 'Mod-y'], action: 'nr.editor.toolbar.redo' },
  { keys: ['Mod-/'], action: 'nr.editor.help.list' },
  { keys: ['Alt-F10'], action: 'nr.editor.help.toolbar' },
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
