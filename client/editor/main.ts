import type { ArticleBody } from '../../src/shared/article-body.js';
import type { FigureInfo } from './body-doc.js';
import { createEditor } from './editor.js';
import { SET_BODY_EVENT, type EditorHandle, type SetBodyDetail } from './editor-handle.js';
import { startMedia } from './media/index.js';
import { startPreview } from './preview.js';
import { startSaving } from './saving/index.js';
import { startSidebar } from './sidebar.js';
import { createToolbar } from './toolbar.js';
import { msg } from './messages.js';

/**
 * The story editor's entry point (bundled by scripts/build-client.mjs into
 * public/assets/newsroom-editor.js, loaded only on the story editor page). Without it the form's
 * Markdown textarea works as it is; with it, the textarea gives way to the rich-text editor, whose
 * body travels in the hidden `bodyBlocks` input as JSON blocks (the server prefers it to the Markdown).
 */
function start(): void {
  const form = document.querySelector<HTMLFormElement>('form.story-form');
  const textarea = document.getElementById('body');
  if (!form || !(textarea instanceof HTMLTextAreaElement)) return;
  const { blocks, figures } = initialBody();

  const field = textarea.closest('.field') ?? textarea.parentElement!;
  const label = field.querySelector<HTMLLabelElement>('label[for="body"]');
  const hint = document.getElementById('body-hint');
  const error = document.getElementById('body-error');
  if (label) {
    label.id = 'body-label';
    label.textContent = msg('nr.editor.bodyLabel');
    label.removeAttribute('for');
  }
  if (hint) hint.hidden = true;
  // Disabled: the Markdown is not sent; the blocks are.
  textarea.hidden = true;
  textarea.disabled = true;
  field.querySelector('.story-figure-help')?.setAttribute('hidden', '');
  document.querySelector('.story-figure-help')?.setAttribute('hidden', '');

  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'bodyBlocks';
  form.append(input);

  const root = document.createElement('div');
  root.className = 'editor';
  const toolbarSlot = document.createElement('div');
  const mount = document.createElement('div');
  mount.className = 'editor-frame';
  const notice = document.createElement('p');
  notice.className = 'editor-notice';
  notice.setAttribute('role', 'status');
  root.append(toolbarSlot, mount, notice);
  textarea.after(root);

  const toolbar = createToolbar(root);
  const editor: EditorHandle = createEditor({
    form,
    root,
    mount,
    blocks,
    figures,
    labelId: 'body-label',
    ...(error ? { describedBy: error.id } : {}),
    dialogs: toolbar.dialogs,
    focusToolbar: toolbar.focus,
    notify: (message) => {
      notice.textContent = message;
    },
    plugins: [toolbar.plugin],
  });
  toolbarSlot.replaceWith(toolbar.element);
  toolbar.attach(editor);

  const sync = () => {
    input.value = JSON.stringify(editor.getBlocks());
  };
  sync();
  editor.onChange(() => {
    sync();
    form.dispatchEvent(new Event('input', { bubbles: true }));
  });
  label?.addEventListener('click', () => editor.view.focus());
  // The error summary's link to the body lands in the editor, not on the hidden textarea.
  document.querySelectorAll<HTMLAnchorElement>('a[href="#body"]').forEach((link) =>
    link.addEventListener('click', (event) => {
      event.preventDefault();
      editor.view.focus();
    }),
  );
  document.addEventListener(SET_BODY_EVENT, (event) => {
    const detail = (event as CustomEvent<SetBodyDetail>).detail;
    if (detail && Array.isArray(detail.blocks)) editor.setBlocks(detail.blocks);
  });

  startSidebar(form, editor);
  startPreview(form, editor);
  startSaving(form);
  startMedia(editor);
  root.dataset['ready'] = 'true';
  (window as unknown as { datelineEditor?: EditorHandle }).datelineEditor = editor;
}

/** The body the server put in the page as JSON data (`<script type="application/json">`). */
function initialBody(): { blocks: ArticleBody; figures: Record<string, FigureInfo> } {
  const element = document.getElementById('story-body-json');
  try {
    const data = JSON.parse(element?.textContent ?? '[]') as unknown;
    if (Array.isArray(data)) return { blocks: data as ArticleBody, figures: {} };
    const { blocks, figures } = data as { blocks?: ArticleBody; figures?: Record<string, FigureInfo> };
    return { blocks: blocks ?? [], figures: figures ?? {} };
  } catch {
    return { blocks: [], figures: {} };
  }
}

start();
