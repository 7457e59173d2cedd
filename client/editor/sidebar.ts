import type { ArticleBody } from '../../src/shared/article-body.js';
import type { EditorHandle } from './editor-handle.js';
import { msg, type EditorMessageKey } from './messages.js';

/** Reading speed for the estimate: a common figure for news prose read on screen. */
const WORDS_PER_MINUTE = 230;
/** How long typing must pause before a length guide's state is announced. */
const ANNOUNCE_DELAY_MS = 1500;

/** Recommended lengths (code points): the headline as lists and search results show it, the SEO title as search engines do. */
const GUIDES = [
  { field: 'headline', min: 30, max: 90, name: 'nr.editor.guide.headline', optional: false },
  { field: 'seoTitle', min: 30, max: 60, name: 'nr.editor.guide.seoTitle', optional: true },
] as const satisfies ReadonlyArray<{ field: string; min: number; max: number; name: EditorMessageKey; optional: boolean }>;

/** Words as a reader counts them, Korean and other scripts included (Intl.Segmenter), without the marks. */
export function countWords(text: string): number {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    let count = 0;
    for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) if (segment.isWordLike) count++;
    return count;
  }
  return text.split(/\s+/).filter(Boolean).length;
}

export function bodyText(blocks: ArticleBody): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return block.content.map((run) => run.text).join('');
        case 'heading':
          return block.text;
        case 'quote':
          return `${block.text} ${block.attribution ?? ''}`;
        case 'list':
          return block.items.map((item) => item.map((run) => run.text).join('')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/**
 * Beside the editor: word count and reading time, the headline's and SEO title's length against the
 * recommended range (the numbers change as you type; screen readers hear only a change of state, once
 * typing pauses), and the slug as the full public address.
 */
export function startSidebar(form: HTMLFormElement, editor: EditorHandle): void {
  const meta = document.createElement('p');
  meta.className = 'editor-meta';
  meta.id = 'editor-counts';
  editor.root.after(meta);
  const updateCounts = () => {
    const words = countWords(bodyText(editor.getBlocks()));
    const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    meta.textContent = msg('nr.editor.counts.words', { count: words, minutes });
  };
  updateCounts();
  editor.onChange(updateCounts);

  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('role', 'status');
  form.append(announcer);

  for (const guide of GUIDES) {
    const input = document.getElementById(guide.field);
    if (!(input instanceof HTMLInputElement)) continue;
    const note = document.createElement('p');
    note.className = 'editor-guide';
    note.id = `${guide.field}-guide`;
    input.after(note);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    let lastState = '';
    let timer = 0;
    const update = (announce: boolean) => {
      const length = [...input.value.trim()].length;
      const state = length === 0 ? 'empty' : length < guide.min ? 'under' : length > guide.max ? 'over' : 'ok';
      note.dataset['state'] = state;
      const advice = msg(
        state === 'empty'
          ? guide.optional
            ? 'nr.editor.guide.headlineUsed'
            : 'nr.editor.guide.required'
          : state === 'under'
            ? 'nr.editor.guide.short'
            : state === 'over'
              ? 'nr.editor.guide.long'
              : 'nr.editor.guide.good',
      );
      note.textContent = msg('nr.editor.guide.length', { length, min: guide.min, max: guide.max, advice });
      window.clearTimeout(timer);
      if (announce && state !== lastState) {
        timer = window.setTimeout(() => {
          announcer.textContent = msg('nr.editor.guide.announce', { name: msg(guide.name), advice, length });
        }, ANNOUNCE_DELAY_MS);
      }
      lastState = state;
    };
    update(false);
    input.addEventListener('input', () => update(true));
  }

  const slug = document.getElementById('slug');
  if (slug instanceof HTMLInputElement) {
    const address = document.createElement('p');
    address.className = 'editor-guide';
    address.id = 'slug-address';
    slug.after(address);
    slug.setAttribute('aria-describedby', [slug.getAttribute('aria-describedby'), address.id].filter(Boolean).join(' '));
    const update = () => {
      const value = slug.value.trim();
      address.textContent = '';
      address.append(`${msg('nr.editor.slug.address')} `);
      const url = document.createElement('span');
      url.className = 'editor-slug-url';
      url.textContent = value
        ? `${location.origin}/article/${encodeURIComponent(value)}`
        : `${location.origin}/article/${msg('nr.editor.slug.pending')}`;
      address.append(url);
    };
    update();
    slug.addEventListener('input', update);
  }
}
