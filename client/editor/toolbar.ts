import { redo, undo } from 'prosemirror-history';
import { Plugin, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isHttpUrl, isSafeHref } from '../../src/shared/safe-url.js';
import { blockActive, insertBlock, markActive, toggleEm, toggleHeading, toggleList, toggleQuote, toggleStrong } from './commands.js';
import { openFormDialog, openHelpDialog } from './dialogs.js';
import type { EditorHandle } from './editor-handle.js';
import { SHORTCUTS, type DialogCommands } from './keymap.js';
import { msg } from './messages.js';
import { schema } from './schema.js';

export interface Toolbar {
  element: HTMLElement;
  dialogs: DialogCommands;
  /** Moves focus to the toolbar (Alt-F10). */
  focus: Command;
  /** Keeps the buttons' pressed and disabled states in step with the selection. */
  plugin: Plugin;
  attach(editor: EditorHandle): void;
}

interface ButtonSpec {
  name: string;
  label: string;
  text: string;
  keys?: string;
  command: Command;
  /** Whether the button shows as pressed (aria-pressed); buttons without it are plain actions. */
  active?: (state: EditorState) => boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);

/** `Mod-Shift-8` as people read it: `Ctrl+Shift+8` (⌘ on a Mac). */
export function keyLabel(keys: string): string {
  return keys
    .split('-')
    .map((part, index, all) => (part === '' && index === all.length - 1 ? '-' : part))
    .filter(Boolean)
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

function ariaKeys(keys: string): string {
  return keyLabel(keys).replace('⌘', 'Meta').replace('Ctrl', 'Control');
}

/**
 * The ARIA toolbar (role=toolbar): one Tab stop, arrow keys, Home and End move between buttons
 * (roving tabindex); toggles say aria-pressed; Escape goes back to the text.
 */
export function createToolbar(_root: HTMLElement): Toolbar {
  let editor: EditorHandle | null = null;
  const element = document.createElement('div');
  element.className = 'editor-toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', msg('nr.editor.toolbar.label'));
  element.setAttribute('aria-controls', 'story-body-editor');

  const backToText = () => editor?.view.focus();
  const dialogs: DialogCommands = {
    link: (state, dispatch, view) => {
      if (dispatch && view) openLinkDialog(view, backToText);
      return true;
    },
    embed: (_state, dispatch, view) => {
      if (dispatch && view) openEmbedDialog(view, backToText);
      return true;
    },
    help: (_state, dispatch) => {
      if (dispatch)
        openHelpDialog(
          SHORTCUTS.map((row) => ({ action: msg(row.action), keys: row.keys.map(keyLabel) })),
          backToText,
        );
      return true;
    },
  };

  const specs: Array<ButtonSpec | 'separator'> = [
    {
      name: 'bold',
      label: msg('nr.editor.toolbar.bold'),
      text: 'B',
      keys: 'Mod-b',
      command: toggleStrong(schema),
      active: (s) => markActive(s, schema.marks['strong']!),
    },
    {
      name: 'italic',
      label: msg('nr.editor.toolbar.italic'),
      text: 'I',
      keys: 'Mod-i',
      command: toggleEm(schema),
      active: (s) => markActive(s, schema.marks['em']!),
    },
    {
      name: 'link',
      label: msg('nr.editor.toolbar.link'),
      text: msg('nr.editor.toolbar.linkText'),
      keys: 'Mod-k',
      command: dialogs.link,
      active: (s) => markActive(s, schema.marks['link']!),
    },
    'separator',
    {
      name: 'heading',
      label: msg('nr.editor.toolbar.heading'),
      text: 'H',
      keys: 'Mod-Alt-2',
      command: toggleHeading(schema),
      active: (s) => blockActive(s, 'heading'),
    },
    {
      name: 'quote',
      label: msg('nr.editor.toolbar.quote'),
      text: '“ ”',
      keys: 'Mod-Shift-9',
      command: toggleQuote(schema),
      active: (s) => blockActive(s, 'quote'),
    },
    {
      name: 'bullet-list',
      label: msg('nr.editor.toolbar.bulletList'),
      text: '•',
      keys: 'Mod-Shift-8',
      command: toggleList(schema, 'bullet_list'),
      active: (s) => blockActive(s, 'bullet_list'),
    },
    {
      name: 'ordered-list',
      label: msg('nr.editor.toolbar.orderedList'),
      text: '1.',
      keys: 'Mod-Shift-7',
      command: toggleList(schema, 'ordered_list'),
      active: (s) => blockActive(s, 'ordered_list'),
    },
    'separator',
    { name: 'divider', label: msg('nr.editor.toolbar.divider'), text: '—', keys: 'Mod-Shift--', command: insertBlock(schema.nodes['divider']!) },
    { name: 'embed', label: msg('nr.editor.toolbar.embed'), text: msg('nr.editor.toolbar.embedText'), keys: 'Mod-Shift-e', command: dialogs.embed },
    'separator',
    { name: 'undo', label: msg('nr.editor.toolbar.undo'), text: '↶', keys: 'Mod-z', command: undo },
    { name: 'redo', label: msg('nr.editor.toolbar.redo'), text: '↷', keys: 'Mod-Shift-z', command: redo },
    'separator',
    { name: 'help', label: msg('nr.editor.toolbar.help'), text: '?', keys: 'Mod-/', command: dialogs.help },
  ];

  const buttons: Array<{ spec: ButtonSpec; button: HTMLButtonElement }> = [];
  for (const spec of specs) {
    if (spec === 'separator') {
      const separator = document.createElement('span');
      separator.className = 'editor-separator';
      separator.setAttribute('aria-hidden', 'true');
      element.append(separator);
      continue;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = spec.text;
    button.dataset['command'] = spec.name;
    button.setAttribute('aria-label', spec.label);
    button.title = spec.keys ? `${spec.label} (${keyLabel(spec.keys)})` : spec.label;
    if (spec.keys) button.setAttribute('aria-keyshortcuts', ariaKeys(spec.keys));
    if (spec.active) button.setAttribute('aria-pressed', 'false');
    button.tabIndex = buttons.length === 0 ? 0 : -1;
    // Mouse down would take focus (and the selection) away from the text before the click.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if (!editor) return;
      const { view } = editor;
      spec.command(view.state, view.dispatch, view);
      if (!document.querySelector('dialog[open]')) view.focus();
    });
    element.append(button);
    buttons.push({ spec, button });
  }

  const move = (to: number) => {
    const count = buttons.length;
    const index = ((to % count) + count) % count;
    buttons.forEach(({ button }, i) => (button.tabIndex = i === index ? 0 : -1));
    buttons[index]?.button.focus();
  };
  element.addEventListener('keydown', (event) => {
    const current = buttons.findIndex(({ button }) => button === document.activeElement);
    if (current < 0) return;
    const keys: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    const target = keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      backToText();
    }
  });

  const refresh = (view: EditorView) => {
    for (const { spec, button } of buttons) {
      if (spec.active) button.setAttribute('aria-pressed', String(spec.active(view.state)));
      // Dialog openers always apply; the rest ask their command.
      const applies = spec.name === 'link' || spec.name === 'embed' || spec.name === 'help' || spec.command(view.state, undefined, view);
      // aria-disabled keeps the button in the arrow-key order, so it can still be found and read.
      button.setAttribute('aria-disabled', String(!applies));
    }
  };

  return {
    element,
    dialogs,
    focus: () => {
      move(
        Math.max(
          0,
          buttons.findIndex(({ button }) => button.tabIndex === 0),
        ),
      );
      return true;
    },
    plugin: new Plugin({ view: (view) => (refresh(view), { update: refresh }) }),
    attach(handle) {
      editor = handle;
      handle.view.dom.id = 'story-body-editor';
      refresh(handle.view);
    },
  };
}

/** Adds, changes or removes the link on the selection; with nothing selected, asks for the words too. */
function openLinkDialog(view: EditorView, restoreFocus: () => void): void {
  const link = schema.marks['link']!;
  const { state } = view;
  const { from, to, empty, $from } = state.selection;
  const existing = link.isInSet(empty ? $from.marks() : (state.doc.nodeAt(from)?.marks ?? []));
  // A cursor inside a link edits the whole link.
  let range = { from, to };
  if (empty && existing) {
    const parent = $from.parent;
    let start = $from.parentOffset;
    let end = $from.parentOffset;
    while (start > 0 && existing.isInSet(parent.childAfter(start - 1).node?.marks ?? [])) start--;
    while (end < parent.content.size && existing.isInSet(parent.childAfter(end).node?.marks ?? [])) end++;
    range = { from: $from.start() + start, to: $from.start() + end };
  }
  const needsWords = range.from === range.to;
  openFormDialog({
    id: 'editor-link',
    title: msg(existing ? 'nr.editor.link.editTitle' : 'nr.editor.link.add'),
    fields: [
      {
        name: 'href',
        label: msg('nr.editor.link.address'),
        type: 'url',
        value: existing ? String(existing.attrs['href']) : '',
        hint: msg('nr.editor.link.addressHint'),
      },
      ...(needsWords ? [{ name: 'text', label: msg('nr.editor.link.words'), type: 'text' as const, value: '' }] : []),
    ],
    submitLabel: msg(existing ? 'nr.editor.link.save' : 'nr.editor.link.add'),
    ...(existing
      ? { extra: { label: msg('nr.editor.link.remove'), run: () => view.dispatch(view.state.tr.removeMark(range.from, range.to, link)) } }
      : {}),
    submit: (values) => {
      let href = values['href'] ?? '';
      if (href && !/^[a-z][a-z0-9+.-]*:|^\//i.test(href)) href = `https://${href}`;
      if (!isSafeHref(href)) return msg('nr.editor.link.invalid');
      const mark = link.create({ href });
      if (needsWords) {
        const words = values['text'] || href;
        const tr = view.state.tr.insert(range.from, schema.text(words, [mark]));
        tr.setSelection(TextSelection.create(tr.doc, range.from + words.length)).removeStoredMark(link);
        view.dispatch(tr);
      } else {
        view.dispatch(view.state.tr.removeMark(range.from, range.to, link).addMark(range.from, range.to, mark));
      }
      return null;
    },
    restoreFocus,
  });
}

function openEmbedDialog(view: EditorView, restoreFocus: () => void): void {
  openFormDialog({
    id: 'editor-embed',
    title: msg('nr.editor.toolbar.embed'),
    fields: [
      {
        name: 'url',
        label: msg('nr.editor.embed.address'),
        type: 'url',
        value: '',
        hint: msg('nr.editor.embed.addressHint'),
      },
    ],
    submitLabel: msg('nr.editor.embed.insert'),
    submit: (values) => {
      let url = values['url'] ?? '';
      if (url && !/^https?:\/\//i.test(url)) url = `https://${url}`;
      if (!isHttpUrl(url)) return msg('nr.editor.embed.invalid');
      insertBlock(schema.nodes['embed']!, { url })(view.state, view.dispatch);
      return null;
    },
    restoreFocus,
  });
}
