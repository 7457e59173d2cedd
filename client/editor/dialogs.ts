/**
 * The editor's dialogs (link, embed, shortcuts), on the native <dialog> element opened with
 * showModal(): the browser keeps focus inside, Escape closes it, and the opener gets focus back.
 */
import { msg } from './messages.js';

export interface DialogField {
  name: string;
  label: string;
  type: 'url' | 'text';
  value: string;
  hint?: string;
}

export interface FormDialogOptions {
  id: string;
  title: string;
  fields: DialogField[];
  submitLabel: string;
  /** An extra action (Remove link), shown when given. */
  extra?: { label: string; run: () => void };
  /** Returns an error message to show, or null when the values were taken. */
  submit: (values: Record<string, string>) => string | null;
  /** Where focus goes after closing (the editor). */
  restoreFocus: () => void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** A dialog made for one opening and removed when it closes, so each opening starts clean. */
function openDialog(id: string, title: string, body: Node[], restoreFocus: () => void): HTMLDialogElement {
  document.getElementById(id)?.remove();
  const heading = element('h2', { id: `${id}-title` }, title);
  const dialog = element('dialog', { id, className: 'editor-dialog' }, heading, ...body);
  dialog.setAttribute('aria-labelledby', heading.id);
  dialog.addEventListener('close', () => {
    dialog.remove();
    restoreFocus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

export function openFormDialog(options: FormDialogOptions): HTMLDialogElement {
  const errorId = `${options.id}-error`;
  const error = element('p', { id: errorId, className: 'editor-dialog-error' });
  error.setAttribute('role', 'alert');
  const inputs = options.fields.map((field) => {
    const input = element('input', { id: `${options.id}-${field.name}`, name: field.name, type: 'text', value: field.value });
    if (field.type === 'url') {
      input.inputMode = 'url';
      input.setAttribute('autocomplete', 'url');
      input.spellcheck = false;
    }
    const describedBy = [field.hint ? `${input.id}-hint` : '', errorId].filter(Boolean).join(' ');
    input.setAttribute('aria-describedby', describedBy);
    const parts: Node[] = [element('label', { htmlFor: input.id }, field.label)];
    if (field.hint) parts.push(element('p', { id: `${input.id}-hint`, className: 'field-hint' }, field.hint));
    parts.push(input);
    return { field, input, parts };
  });
  const submit = element('button', { type: 'submit' }, options.submitLabel);
  const cancel = element('button', { type: 'button' }, msg('nr.editor.dialog.cancel'));
  const actions = element('div', { className: 'editor-dialog-actions' }, submit);
  if (options.extra) {
    const extra = options.extra;
    const button = element('button', { type: 'button' }, extra.label);
    button.addEventListener('click', () => {
      extra.run();
      dialog.close();
    });
    actions.append(button);
  }
  actions.append(cancel);
  const form = element('form', { method: 'dialog' }, ...inputs.flatMap((entry) => entry.parts), error, actions);
  const dialog = openDialog(options.id, options.title, [form], options.restoreFocus);
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(inputs.map(({ field, input }) => [field.name, input.value.trim()]));
    const problem = options.submit(values);
    if (problem) {
      error.textContent = problem;
      inputs[0]?.input.setAttribute('aria-invalid', 'true');
      inputs[0]?.input.focus();
      return;
    }
    dialog.close();
  });
  inputs[0]?.input.focus();
  inputs[0]?.input.select();
  return dialog;
}

/** The shortcuts panel: a table of keys and what they do. */
export function openHelpDialog(rows: Array<{ keys: string[]; action: string }>, restoreFocus: () => void): HTMLDialogElement {
  const table = element(
    'table',
    { className: 'editor-shortcuts' },
    element('caption', { className: 'visually-hidden' }, msg('nr.editor.toolbar.help')),
    element(
      'thead',
      {},
      element('tr', {}, element('th', { scope: 'col' }, msg('nr.editor.help.keys')), element('th', { scope: 'col' }, msg('nr.editor.help.does'))),
    ),
    element(
      'tbody',
      {},
      ...rows.map((row) =>
        element(
          'tr',
          {},
          element(
            'td',
            {},
            ...row.keys.flatMap((keys, index) => [...(index > 0 ? [` ${msg('nr.editor.help.or')} `] : []), element('kbd', {}, keys)]),
          ),
          element('td', {}, row.action),
        ),
      ),
    ),
  );
  const intro = element('p', {}, msg('nr.editor.help.markdown'));
  const close = element('button', { type: 'button' }, msg('nr.editor.dialog.close'));
  const dialog = openDialog(
    'editor-help',
    msg('nr.editor.toolbar.help'),
    [intro, table, element('div', { className: 'editor-dialog-actions' }, close)],
    restoreFocus,
  );
  close.addEventListener('click', () => dialog.close());
  close.focus();
  return dialog;
}
