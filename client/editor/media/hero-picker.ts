import type { MediaApi, PictureDetails } from './media-api.js';
import { msg } from '../messages.js';
import { pickerButton } from './picker.js';

/**
 * The story form's hero picture with the same picker as the body. Without JavaScript the form has a
 * text field for the picture's id and a link to the library (story-fields.tsx); with it, buttons to
 * choose and remove, and the chosen picture's thumbnail.
 */
export function startHeroPicker(api: MediaApi): { refresh(mediaId: string, details: Required<PictureDetails>): void } {
  const input = document.getElementById('heroMediaId');
  const none = { refresh: () => undefined };
  if (!(input instanceof HTMLInputElement)) return none;
  const field = input.closest('.field') ?? input.parentElement;
  if (!field) return none;
  const preview = field.parentElement?.querySelector<HTMLImageElement>('.story-hero-thumb') ?? document.createElement('img');
  preview.classList.add('story-hero-thumb');
  if (!preview.hasAttribute('alt')) preview.alt = '';
  const summary = document.createElement('p');
  summary.className = 'story-hero-summary';
  summary.setAttribute('aria-live', 'polite');
  const actions = document.createElement('div');
  actions.className = 'story-hero-actions';
  const choose = pickerButton(api, msg('nr.editor.hero.choose'), msg('nr.editor.hero.chooseTitle'), (picture) => {
    input.value = picture.id;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    show(picture);
  });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = msg('nr.editor.hero.remove');
  actions.append(choose, remove);
  field.after(actions, summary);
  if (!preview.isConnected) summary.after(preview);

  const show = (picture: { id: string; thumbnailUrl: string; alt: string } | null) => {
    remove.hidden = picture === null && !input.value;
    if (!picture) {
      preview.hidden = !input.value;
      summary.textContent = input.value ? '' : msg('nr.editor.hero.none');
      return;
    }
    preview.src = picture.thumbnailUrl;
    preview.alt = msg('nr.editor.hero.picture', { alt: picture.alt || msg('nr.editor.hero.noAlt') });
    preview.width = 160;
    preview.removeAttribute('height');
    preview.hidden = false;
    summary.textContent = picture.alt ? msg('nr.editor.hero.picture', { alt: picture.alt }) : msg('nr.editor.hero.needsAlt');
  };
  show(null);
  if (input.value) {
    api.byIds([input.value]).then(
      (pictures) => show(pictures[0] ?? null),
      () => undefined,
    );
  }

  remove.addEventListener('click', () => {
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    show(null);
    choose.focus();
  });
  return {
    refresh(mediaId, details) {
      if (input.value === mediaId) summary.textContent = details.alt ? msg('nr.editor.hero.picture', { alt: details.alt }) : summary.textContent;
    },
  };
}
