import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { Schema } from 'prosemirror-model';
import { Selection, type Command, type EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { insertBlock, toggleQuote } from './commands.js';

/**
 * Markdown habits at the start of a paragraph: `## ` heading, `> ` quote, `- ` or `* ` bullet list,
 * `1. ` numbered list, `---` divider. Backspace right after takes the rule back.
 */
export function markdownInputRules(schema: Schema): Plugin {
  const topParagraph = (state: EditorState, start: number) => {
    const $start = state.doc.resolve(start);
    return $start.depth === 1 && $start.parent.type.name === 'paragraph';
  };
  const quote = new InputRule(/^>\s$/, (state, _match, start, end) =>
    topParagraph(state, start) ? afterDeleting(state, start, end, toggleQuote(schema)) : null,
  );
  // Typed into a paragraph holding only "--": the third dash makes it a divider.
  const divider = new InputRule(/^---$/, (state, _match, start, end) =>
    topParagraph(state, start) && state.doc.resolve(start).parent.content.size === end - start
      ? afterDeleting(state, start, end, insertBlock(schema.nodes['divider']!))
      : null,
  );
  return inputRules({
    rules: [
      textblockTypeInputRule(/^#{1,6}\s$/, schema.nodes['heading']!),
      quote,
      wrappingInputRule(/^\s*[-*]\s$/, schema.nodes['bullet_list']!),
      wrappingInputRule(/^\s*1[.)]\s$/, schema.nodes['ordered_list']!),
      divider,
    ],
  });
}

/** Deletes the typed markers, then runs a command on what is left, as one transaction. */
function afterDeleting(state: EditorState, start: number, end: number, command: Command): Transaction | null {
  const tr = state.tr.delete(start, end);
  let applied = false;
  command(state.apply(tr), (next) => {
    next.steps.forEach((step) => tr.step(step));
    tr.setSelection(Selection.fromJSON(tr.doc, next.selection.toJSON()));
    applied = true;
  });
  return applied ? tr : null;
}
