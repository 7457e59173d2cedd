import type { EditorHandle } from './editor-handle.js';

/** Waits for a pause in typing before asking the server, so a fast typist sends one request, not thirty. */
const PREVIEW_DELAY_MS = 600;

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
        pane.hidden = false;
      })
      .catch(() => undefined);
  };
  editor.onChange(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, PREVIEW_DELAY_MS);
  });
  refresh();
}
