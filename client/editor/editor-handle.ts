import type { Schema } from 'prosemirror-model';
import type { EditorView, NodeViewConstructor } from 'prosemirror-view';
import type { ArticleBody } from '../../src/shared/article-body.js';
import type { FigureAttrs } from './schema.js';

/**
 * What the editor offers the parts around it (media, saving). The media part writes the figure's
 * NodeView and handles pasted or dropped pictures through these; nothing else reaches into the view.
 */
export interface EditorHandle {
  view: EditorView;
  schema: Schema;
  form: HTMLFormElement;
  /** The element holding the toolbar, the editable area and the notices. */
  root: HTMLElement;
  /** Inserts a figure at the cursor (or replaces the selected block); returns its position. */
  insertFigure(attrs: Partial<FigureAttrs>): number;
  /** Changes every figure `match` accepts (e.g. by uploadId once an upload finishes); returns how many. */
  updateFigures(match: (attrs: FigureAttrs) => boolean, attrs: Partial<FigureAttrs>): number;
  /** Registers a NodeView (the media part's figure view). */
  setNodeView(name: string, view: NodeViewConstructor): void;
  /** The body as saved (what the hidden `bodyBlocks` input holds). */
  getBlocks(): ArticleBody;
  /** Replaces the whole body (the same as the `dateline:set-body` event). */
  setBlocks(blocks: ArticleBody): void;
  /** A polite notice under the editor, read by screen readers. */
  notify(message: string): void;
  /**
   * Called with the image URLs of pasted HTML (the images themselves are never kept by reference).
   * The media part sets it to fetch them through the server; by default they are dropped with a notice.
   */
  onPastedImages: (urls: string[]) => void;
  /** Called after every change of the document, once the hidden input is updated. */
  onChange(listener: () => void): void;
}

/** The event the saving part sends to put a body back (offline work restored): `detail: { blocks }`. */
export const SET_BODY_EVENT = 'dateline:set-body';
export interface SetBodyDetail {
  blocks: ArticleBody;
}
