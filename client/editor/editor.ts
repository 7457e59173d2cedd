import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, NodeSelection, type Command, type Plugin } from 'prosemirror-state';
import { EditorView, type NodeViewConstructor } from 'prosemirror-view';
import type { ArticleBody } from '../../src/shared/article-body.js';
import { blocksToDoc, docToBlocks, type FigureInfo } from './body-doc.js';
import { insertBlock } from './commands.js';
import type { EditorHandle } from './editor-handle.js';
import { markdownInputRules } from './input-rules.js';
import { editorKeymap, type DialogCommands } from './keymap.js';
import { cleanPastedHtml } from './paste-clean.js';
import { schema, type FigureAttrs } from './schema.js';
import { msg } from './messages.js';

export interface EditorOptions {
  form: HTMLFormElement;
  /** Holds the toolbar, the editable area and the notices. */
  root: HTMLElement;
  /** Where the editable area goes. */
  mount: HTMLElement;
  blocks: ArticleBody;
  figures: Record<string, FigureInfo>;
  /** Id of the label that names the editable area. */
  labelId: string;
  describedBy?: string;
  dialogs: DialogCommands;
  focusToolbar: Command;
  notify: (message: string) => void;
  /** Extra plugins (the toolbar's state tracking). */
  plugins?: Plugin[];
}

/** Makes the ProseMirror view and the handle the other parts use. */
export function createEditor(options: EditorOptions): EditorHandle {
  const listeners: Array<() => void> = [];
  const nodeViews: Record<string, NodeViewConstructor> = {};
  const plugins = [
    markdownInputRules(schema),
    ...editorKeymap(schema, options.dialogs, options.focusToolbar),
    history(),
    dropCursor(),
    gapCursor(),
    ...(options.plugins ?? []),
  ];
  const makeState = (doc: PMNode) => EditorState.create({ doc, plugins });

  const handle: EditorHandle = {
    view: undefined as unknown as EditorView,
    schema,
    form: options.form,
    root: options.root,
    insertFigure(attrs) {
      const { state } = handle.view;
      let at = 0;
      insertBlock(schema.nodes['figure']!, attrs)(state, (tr) => {
        at = tr.selection.from - 1 - schema.nodes['figure']!.create(attrs).nodeSize;
        handle.view.dispatch(tr);
      });
      return at;
    },
    updateFigures(match, attrs) {
      const { state } = handle.view;
      const tr = state.tr;
      let count = 0;
      state.doc.descendants((node, pos) => {
        if (node.type.name !== 'figure' || !match(node.attrs as FigureAttrs)) return;
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
        count++;
      });
      if (count > 0) handle.view.dispatch(tr);
      return count;
    },
    setNodeView(name, view) {
      nodeViews[name] = view;
      handle.view.setProps({ nodeViews: { ...nodeViews } });
    },
    getBlocks: () => docToBlocks(handle.view.state.doc),
    setBlocks(blocks) {
      handle.view.updateState(makeState(blocksToDoc(schema, blocks, options.figures)));
      changed();
    },
    notify: options.notify,
    onPastedImages(urls) {
      // Until the media part takes them, pictures are not kept by reference: the writer is told.
      options.notify(msg('nr.editor.pastedImagesLeftOut', { count: urls.length }));
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };

  const changed = () => listeners.forEach((listener) => listener());

  handle.view = new EditorView(options.mount, {
    state: makeState(blocksToDoc(schema, options.blocks, options.figures)),
    nodeViews,
    attributes: {
      class: 'editor-content article-body',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': options.labelId,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      spellcheck: 'true',
    },
    transformPastedHTML(html) {
      const cleaned = cleanPastedHtml(html);
      if (cleaned.imageUrls.length > 0) handle.onPastedImages(cleaned.imageUrls);
      return cleaned.html;
    },
    dispatchTransaction(tr) {
      const view = handle.view;
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) changed();
    },
    // A click on a figure, divider or embed selects it whole (Delete removes it).
    handleClickOn(view, _pos, node, nodePos) {
      if (!node.isAtom || !node.isBlock) return false;
      view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, nodePos)));
      return true;
    },
  });
  return handle;
}
