import { chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands';
import type { MarkType, Node as PMNode, NodeType, Schema } from 'prosemirror-model';
import { liftListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { findWrapping } from 'prosemirror-transform';

/**
 * The editing commands the toolbar, the shortcuts and the input rules share. Each one is a plain
 * ProseMirror command: called without `dispatch` it answers whether it applies (the toolbar greys
 * out what does not).
 */

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

/** The top-level block the selection starts in (a list, a quote, a paragraph …). */
export function topBlock(state: EditorState): PMNode | null {
  return state.selection.$from.node(1) ?? null;
}

export function blockActive(state: EditorState, name: string): boolean {
  return topBlock(state)?.type.name === name;
}

export function toggleStrong(schema: Schema): Command {
  return toggleMark(schema.marks['strong']!);
}

export function toggleEm(schema: Schema): Command {
  return toggleMark(schema.marks['em']!);
}

/** Heading ⇄ paragraph for the current block. */
export function toggleHeading(schema: Schema): Command {
  return (state, dispatch) => {
    const heading = schema.nodes['heading']!;
    if (blockActive(state, 'heading')) return setBlockType(schema.nodes['paragraph']!)(state, dispatch);
    return setBlockType(heading)(state, dispatch);
  };
}

/** Turns the paragraph or heading at the cursor into a quote (the words, then an empty attribution), or back. */
export function toggleQuote(schema: Schema): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const block = $from.node(1);
    if (!block) return false;
    const start = $from.before(1);
    const end = $from.after(1);
    if (block.type.name === 'quote') {
      const words = block.firstChild?.textContent ?? '';
      const credit = block.lastChild?.textContent ?? '';
      const paragraphs = [words, credit ? `— ${credit}` : '']
        .filter(Boolean)
        .map((text) => schema.nodes['paragraph']!.create(null, schema.text(text)));
      if (paragraphs.length === 0) paragraphs.push(schema.nodes['paragraph']!.create());
      if (dispatch) {
        const tr = state.tr.replaceWith(start, end, paragraphs);
        dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(start + 1))).scrollIntoView());
      }
      return true;
    }
    if (!block.isTextblock) return false;
    if (dispatch) {
      const quote = schema.nodes['quote']!.create(null, [
        schema.nodes['quote_text']!.create(null, block.textContent ? schema.text(block.textContent) : null),
        schema.nodes['quote_attribution']!.create(),
      ]);
      const tr = state.tr.replaceWith(start, end, quote);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 2 + block.textContent.length)).scrollIntoView());
    }
    return true;
  };
}

/** Into a list of the given kind; the same button again takes the items out of it, another kind switches. */
export function toggleList(schema: Schema, listName: 'bullet_list' | 'ordered_list'): Command {
  return (state, dispatch) => {
    const list = schema.nodes[listName]!;
    const item = schema.nodes['list_item']!;
    const current = topBlock(state);
    if (current?.type === list) return liftListItem(item)(state, dispatch);
    if (current && (current.type.name === 'bullet_list' || current.type.name === 'ordered_list')) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(1), list));
      return true;
    }
    return wrapInList(list)(state, dispatch);
  };
}

/** A block-level atom (divider, embed, figure) after the current block, with a paragraph to go on typing in. */
export function insertBlock(type: NodeType, attrs: Record<string, unknown> | null = null): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (dispatch) {
      const block = $from.node(1);
      // An empty paragraph is replaced; otherwise the new block goes after the current one.
      const replace = block?.type.name === 'paragraph' && block.content.size === 0;
      const at = $from.depth === 0 ? $from.pos : replace ? $from.before(1) : $from.after(1);
      const node = type.create(attrs);
      const paragraph = type.schema.nodes['paragraph']!.create();
      const tr = replace ? state.tr.replaceWith(at, $from.after(1), [node, paragraph]) : state.tr.insert(at, [node, paragraph]);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + node.nodeSize + 1)).scrollIntoView());
    }
    return true;
  };
}

/** Enter inside a quote: from the words to the attribution, from the attribution out to a new paragraph. */
export function quoteEnter(schema: Schema): Command {
  return (state, dispatch) => {
    const { $from, empty } = state.selection;
    if (!empty || $from.depth < 2 || $from.node(1).type.name !== 'quote') return false;
    const inWords = $from.parent.type.name === 'quote_text';
    if (dispatch) {
      if (inWords) {
        dispatch(state.tr.setSelection(TextSelection.create(state.doc, $from.after(2) + 1 + $from.node(1).child(1).content.size)));
      } else {
        const after = $from.after(1);
        const tr = state.tr.insert(after, schema.nodes['paragraph']!.create());
        dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
      }
    }
    return true;
  };
}

/** Enter in a list: a new item, or out of the list from an empty one. */
export function listEnter(schema: Schema): Command {
  return splitListItem(schema.nodes['list_item']!);
}

export function wrapsInto(state: EditorState, type: NodeType): boolean {
  const { $from, $to } = state.selection;
  const range = $from.blockRange($to);
  return Boolean(range && findWrapping(range, type));
}

export { chainCommands, exitCode };
