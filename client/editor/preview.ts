import type { EditorHandle } from './editor-handle.js';
import { msg } from './messages.js';

/** Waits for a pause in typing before asking the server, so a fast typist sends one request, not thirty. */
const PREVIEW_DELAY_MS = 600;
/** From this width the preview stands beside the editor (the same breakpoint as newsroom-editor.css). */
const SIDE_BY_SIDE = '(min-width: 80rem)';

/**
 * The story's body as readers will see it, rendered by the server's own body component (the
 * preview-body endpoint) with the site's styles: beside the editor from 1280 px, behind a toggle
 * button below that.
 */
export function startPreview(form: HTMLFormElement, editor: EditorHandle): void {
  const pane = document.querySelector<HTMLElement>('.story-live-preview');
  const paneBody = document.getElementById('story-live-preview-body');
  const url = document.getElementById('body')?.getAttribute('data-preview-url');
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]');
  if (!pane || !paneBody || !url || !csrf) return;

  // The editor and the preview side by side in one grid.
  const workspace = document.createElement('div');
  workspace.className = 'editor-workspace';
  const field = editor.root.parentElement!;
  field.before(workspace);
  workspace.append(field, pane);
  pane.querySelector('h2')!.textContent = msg('nr.editor.preview.heading');
  // Beside the editor the pane scrolls on its own, so keyboard users must be able to focus it to scroll.
  pane.tabIndex = 0;

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'editor-preview-toggle';
  toggle.setAttribute('aria-controls', pane.id || (pane.id = 'story-live-preview'));
  workspace.after(toggle);
  const wide = window.matchMedia(SIDE_BY_SIDE);
  let shownByToggle = false;
  const layout = () => {
    pane.hidden = !(wide.matches || shownByToggle);
    toggle.setAttribute('aria-expanded', String(!pane.hidden));
    toggle.textContent = msg(shownByToggle ? 'nr.editor.preview.hide' : 'nr.editor.preview.show');
  };
  toggle.addEventListener('click', () => {
    shownByToggle = !shownByToggle;
    layout();
    if (shownByToggle) pane.scrollIntoView({ block: 'start' });
  });
  wide.addEventListener('change', layout);
  layout();

  let timer = 0;
  let sent = 0;
  const refresh = () => {
    const data = new URLSearchParams({ _csrf: csrf.value, bodyBlocks: JSON.stringify(editor.getBlocks()) });
    const ticket = ++sent;
    fetch(url, { method: 'POST', body: data, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        // An older answer arriving late must not replace a newer one.
        if (html === null || ticket !== sent) return;
        // The server escaped every string: this is its rendering of our own structured body.
        paneBody.innerHTML = html;
      })
      .catch(() => undefined);
  };
  editor.onChange(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, PREVIEW_DELAY_MS);
  });
  refresh();
}
