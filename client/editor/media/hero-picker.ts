import type { MediaApi, PictureDetails } from './media-api.js';
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
  const choose = pickerButton(api, 'Choose hero picture…', 'Choose the hero picture', (picture) => {
    input.value = picture.id;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    show(picture);
  });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Remove hero picture';
  actions.append(choose, remove);
  field.after(actions, summary);
  if (!preview.isConnected) summary.after(preview);

  const show = (picture: { id: string; thumbnailUrl: string; alt: string } | null) => {
    remove.hidden = picture === null && !input.value;
    if (!picture) {
      preview.hidden = !input.value;
      summary.textContent = input.value ? '' : 'No hero picture.';
      return;
    }
    preview.src = picture.thumbnailUrl;
    preview.alt = `Hero picture: ${picture.alt || 'no alt text yet'}`;
    preview.width = 160;
    preview.removeAttribute('height');
    preview.hidden = false;
    summary.textContent = picture.alt ? `Hero picture: ${picture.alt}` : 'Hero picture chosen; it needs alt text before publishing.';
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
      if (input.value === mediaId) summary.textContent = details.alt ? `Hero picture: ${details.alt}` : summary.textContent;
    },
  };
}
