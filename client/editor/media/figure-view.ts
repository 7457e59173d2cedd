import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import type { FigureAttrs } from '../schema.js';
import { msg } from '../messages.js';
import type { MediaApi, PictureDetails } from './media-api.js';

/** Typing pauses this long before a field is saved; leaving the field saves at once. */
const SAVE_DELAY_MS = 800;

let counter = 0;

export interface FigureViewHooks {
  api: MediaApi;
  /** Writes saved details into every figure of that picture (and the hero's preview). */
  applyDetails(mediaId: string, details: Required<PictureDetails>): void;
  retry(uploadId: string): void;
  remove(view: EditorView, getPos: () => number | undefined): void;
}

/**
 * A figure in the editor: the picture, and its alt text, caption and credit edited in place
 * (labelled inputs, saved through details.json while typing pauses and when a field is left). A
 * figure still uploading says so; one whose upload failed shows why, with Retry and Remove, and is
 * never saved into the body (body-doc.ts leaves out figures without a media id or with an error).
 */
export class FigureView implements NodeView {
  readonly dom: HTMLElement;
  private node: PMNode;
  private readonly image: HTMLImageElement;
  private readonly status: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly inputs: Record<'alt' | 'caption' | 'credit', HTMLInputElement>;
  private readonly altNote: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly hooks: FigureViewHooks,
  ) {
    this.node = node;
    const n = ++counter;
    this.dom = document.createElement('figure');
    this.dom.className = 'editor-figure editor-figure-edit';
    this.dom.contentEditable = 'false';
    this.image = document.createElement('img');
    this.image.className = 'editor-figure-image';
    this.status = document.createElement('p');
    this.status.className = 'editor-figure-status';
    this.status.setAttribute('role', 'status');
    this.actions = document.createElement('div');
    this.actions.className = 'editor-figure-actions';
    this.fields = document.createElement('div');
    this.fields.className = 'editor-figure-fields';
    const field = (name: 'alt' | 'caption' | 'credit', label: string, hint?: string) => {
      const wrap = document.createElement('div');
      wrap.className = 'editor-figure-field';
      const id = `figure-${n}-${name}`;
      const labelEl = document.createElement('label');
      labelEl.htmlFor = id;
      labelEl.textContent = label;
      const input = document.createElement('input');
      input.type = 'text';
      input.id = id;
      input.maxLength = name === 'alt' ? 300 : name === 'caption' ? 1000 : 200;
      input.addEventListener('input', () => this.schedule());
      input.addEventListener('blur', () => this.save());
      // Enter saves the field rather than sending the whole story form.
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        this.save();
      });
      wrap.append(labelEl, input);
      if (hint) {
        const note = document.createElement('p');
        note.id = `${id}-hint`;
        note.className = 'editor-figure-hint';
        note.textContent = hint;
        input.setAttribute('aria-describedby', note.id);
        wrap.append(note);
      }
      this.fields.append(wrap);
      return input;
    };
    this.inputs = {
      alt: field('alt', msg('nr.editor.figure.alt'), msg('nr.editor.figure.altHint')),
      caption: field('caption', msg('nr.editor.figure.caption')),
      credit: field('credit', msg('nr.editor.figure.credit')),
    };
    // Not `required`: the figure sits inside the story form, which must still save a draft without it.
    this.inputs.alt.setAttribute('aria-required', 'true');
    this.altNote = this.fields.querySelector(`#figure-${n}-alt-hint`) ?? document.createElement('p');
    this.dom.append(this.image, this.status, this.actions, this.fields);
    this.render(true);
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(false);
    return true;
  }

  private get attrs(): FigureAttrs {
    return this.node.attrs as FigureAttrs;
  }

  private render(first: boolean): void {
    const { src, alt, caption, credit, error, uploadId, mediaId } = this.attrs;
    this.dom.dataset['mediaId'] = mediaId ?? '';
    this.dom.dataset['state'] = error ? 'error' : mediaId ? 'ready' : uploadId ? 'uploading' : 'empty';
    if (src && this.image.getAttribute('src') !== src) this.image.src = src;
    this.image.hidden = !src;
    this.image.alt = alt;
    // Values the writer is typing are theirs: only fields not being edited follow the document.
    for (const [name, value] of [
      ['alt', alt],
      ['caption', caption],
      ['credit', credit],
    ] as const) {
      const input = this.inputs[name];
      if (first || (document.activeElement !== input && this.timer === undefined)) input.value = value;
    }
    this.fields.hidden = !mediaId || Boolean(error);
    this.actions.replaceChildren();
    if (error) {
      this.status.setAttribute('role', 'alert');
      this.status.textContent = msg('nr.editor.figure.uploadFailed', { error });
      if (uploadId) this.actions.append(this.button(msg('nr.editor.figure.retry'), () => this.hooks.retry(uploadId)));
      this.actions.append(this.button(msg('nr.editor.figure.remove'), () => this.hooks.remove(this.view, this.getPos)));
    } else if (!mediaId && uploadId) {
      this.status.setAttribute('role', 'status');
      this.status.textContent = msg('nr.editor.figure.uploading');
    } else {
      this.status.setAttribute('role', 'status');
      this.status.textContent = alt.trim() ? '' : msg('nr.editor.figure.needsAlt');
    }
    this.inputs.alt.setAttribute('aria-invalid', mediaId && !alt.trim() ? 'true' : 'false');
    this.altNote.textContent = msg('nr.editor.figure.altHint');
  }

  private button(label: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', action);
    return button;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  private save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { mediaId, alt, caption, credit } = this.attrs;
    if (!mediaId) return;
    const typed = { alt: this.inputs.alt.value.trim(), caption: this.inputs.caption.value.trim(), credit: this.inputs.credit.value.trim() };
    if (typed.alt === alt && typed.caption === caption && typed.credit === credit) return;
    // Alt text, once given, is never removed (the server refuses it): an emptied field is not sent.
    const details: PictureDetails = typed.alt || !alt ? typed : { caption: typed.caption, credit: typed.credit };
    if (!typed.alt && alt) this.altNote.textContent = msg('nr.editor.figure.altKept');
    this.status.setAttribute('role', 'status');
    this.status.textContent = msg('nr.editor.figure.saving');
    this.hooks.api.saveDetails(mediaId, details).then(
      (picture) => {
        this.hooks.applyDetails(mediaId, { alt: picture.alt, caption: picture.caption, credit: picture.credit });
        this.status.textContent = msg(picture.alt ? 'nr.editor.figure.saved' : 'nr.editor.figure.savedNeedsAlt');
      },
      (error: Error) => {
        this.status.setAttribute('role', 'alert');
        this.status.textContent = msg('nr.editor.figure.notSaved', { error: error.message });
      },
    );
  }

  /** Typing and clicks inside the fields and buttons are theirs, not ProseMirror's. */
  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    return Boolean(target && target.closest('input, button, label') !== null);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    if (this.timer !== undefined) this.save();
  }
}
