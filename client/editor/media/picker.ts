import { msg } from '../messages.js';
import type { MediaApi, Picture } from './media-api.js';

let opened = 0;

/**
 * A button that opens the picker under `title`: the picture chosen goes to `chosen`; closing the
 * dialog chooses nothing. The body's "Insert picture from library…" and the hero's "Choose hero
 * picture…" are both one.
 */
export function pickerButton(api: MediaApi, label: string, title: string, chosen: (picture: Picture) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', () => {
    void pickPicture(api, { title }).then((picture) => {
      if (picture) chosen(picture);
    });
  });
  return button;
}

/**
 * The media picker: a modal dialog (native `<dialog>`: the page behind is inert, Escape closes it,
 * Tab stays inside) with a search box and the library's thumbnails, a page at a time ("More
 * pictures" carries on where the last page ended, to the oldest picture). Choosing one resolves
 * with it; closing resolves with null and focus goes back where it was.
 */
export function pickPicture(api: MediaApi, options: { title: string }): Promise<Picture | null> {
  const n = ++opened;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement('dialog');
  dialog.className = 'editor-dialog media-picker';
  dialog.setAttribute('aria-labelledby', `media-picker-${n}-title`);
  // The frame as markup; every word goes in as text afterwards, so no message is ever parsed as HTML.
  dialog.innerHTML = `
    <h2 id="media-picker-${n}-title"></h2>
    <form class="media-picker-search" role="search">
      <label for="media-picker-${n}-q"></label>
      <div class="media-picker-search-row">
        <input id="media-picker-${n}-q" type="search" maxlength="100" autocomplete="off" />
        <button type="submit"></button>
      </div>
    </form>
    <p class="media-picker-status" role="status" aria-live="polite"></p>
    <ul class="media-picker-grid"></ul>
    <div class="editor-dialog-actions">
      <button type="button" class="media-picker-more" hidden></button>
      <button type="button" class="media-picker-close"></button>
    </div>`;
  dialog.querySelector('h2')!.textContent = options.title;
  dialog.querySelector('label')!.textContent = msg('nr.editor.picker.searchLabel');
  dialog.querySelector('button[type="submit"]')!.textContent = msg('nr.editor.picker.search');
  const form = dialog.querySelector<HTMLFormElement>('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  const status = dialog.querySelector<HTMLElement>('.media-picker-status')!;
  const grid = dialog.querySelector<HTMLUListElement>('.media-picker-grid')!;
  const more = dialog.querySelector<HTMLButtonElement>('.media-picker-more')!;
  const close = dialog.querySelector<HTMLButtonElement>('.media-picker-close')!;
  grid.setAttribute('aria-label', msg('nr.editor.picker.pictures'));
  more.textContent = msg('nr.editor.picker.more');
  close.textContent = msg('nr.editor.dialog.cancel');
  document.body.append(dialog);

  return new Promise((resolve) => {
    let chosen: Picture | null = null;
    let query = '';
    let next: string | null = null;
    let shown = 0;

    const load = async (fresh: boolean) => {
      status.textContent = msg('nr.editor.picker.loading');
      more.disabled = true;
      try {
        // A search reads a bounded stretch of the library per request: carry on until a page fills or the library ends.
        let page = await api.search(query, fresh ? null : next);
        const items = [...page.items];
        for (let tries = 0; items.length < 24 && page.next && tries < 10; tries++) {
          page = await api.search(query, page.next);
          items.push(...page.items);
        }
        if (fresh) {
          grid.replaceChildren();
          shown = 0;
        }
        next = page.next;
        for (const picture of items) grid.append(tile(picture));
        shown += items.length;
        more.hidden = next === null;
        status.textContent =
          shown === 0
            ? query
              ? msg('nr.editor.picker.noMatch', { query })
              : msg('nr.editor.picker.empty')
            : msg(next ? 'nr.editor.picker.shownMore' : 'nr.editor.picker.shown', { count: shown });
      } catch (error) {
        status.textContent = msg('nr.editor.picker.loadFailed', { error: (error as Error).message });
      } finally {
        more.disabled = false;
      }
    };

    const tile = (picture: Picture) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'media-picker-choice';
      const image = document.createElement('img');
      image.src = picture.thumbnailUrl;
      image.alt = '';
      image.width = 160;
      image.height = Math.max(1, Math.round((160 * picture.height) / Math.max(1, picture.width)));
      image.loading = 'lazy';
      const label = document.createElement('span');
      label.textContent = picture.alt || picture.caption || msg('nr.editor.picker.noAlt');
      button.append(image, label);
      button.addEventListener('click', () => {
        chosen = picture;
        dialog.close();
      });
      item.append(button);
      return item;
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      query = input.value.trim();
      void load(true);
    });
    more.addEventListener('click', () => {
      const first = grid.children.length;
      void load(false).then(() => (grid.children[first]?.querySelector('button') ?? more).focus());
    });
    close.addEventListener('click', () => dialog.close());
    // Tab and Shift+Tab wrap around inside the dialog.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button:not([hidden]):not([disabled])')];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus();
      resolve(chosen);
    });
    dialog.showModal();
    input.focus();
    void load(true);
  });
}
