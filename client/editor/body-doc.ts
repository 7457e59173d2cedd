import type { Mark, Node as PMNode, Schema } from 'prosemirror-model';
import type { ArticleBody, BodyBlock, Inline } from '../../src/shared/article-body.js';
import type { FigureAttrs } from './schema.js';

/**
 * ArticleBody ⇄ ProseMirror document. No DOM here, so Node's test runner checks it directly
 * (body-doc.test.ts). What the body cannot hold is left out when saving: empty paragraphs, a quote
 * without words, a figure still uploading or whose upload failed (it has no media id yet), so a saved
 * story never shows a broken image.
 */

/** What the editor shows for a figure besides its id (the server sends it with the page). */
export type FigureInfo = Pick<FigureAttrs, 'src' | 'alt' | 'caption' | 'credit'>;

export function blocksToDoc(schema: Schema, blocks: ArticleBody, figures: Record<string, FigureInfo> = {}): PMNode {
  const content = blocks.flatMap((block) => {
    const node = blockToNode(schema, block, figures);
    return node ? [node] : [];
  });
  if (content.length === 0) content.push(schema.nodes['paragraph']!.create());
  return schema.nodes['doc']!.create(null, content);
}

function blockToNode(schema: Schema, block: BodyBlock, figures: Record<string, FigureInfo>): PMNode | null {
  const { nodes } = schema;
  switch (block.type) {
    case 'paragraph':
      return nodes['paragraph']!.create(null, inlineToNodes(schema, block.content));
    case 'heading':
      return nodes['heading']!.create(null, textNodes(schema, block.text));
    case 'quote':
      return nodes['quote']!.create(null, [
        nodes['quote_text']!.create(null, textNodes(schema, block.text)),
        nodes['quote_attribution']!.create(null, textNodes(schema, block.attribution ?? '')),
      ]);
    case 'list': {
      const items = block.items.map((item) => nodes['list_item']!.create(null, nodes['paragraph']!.create(null, inlineToNodes(schema, item))));
      return nodes[block.ordered ? 'ordered_list' : 'bullet_list']!.create(null, items);
    }
    case 'figure':
      return nodes['figure']!.create({ ...figures[block.mediaId], mediaId: block.mediaId });
    case 'divider':
      return nodes['divider']!.create();
    case 'embed':
      return nodes['embed']!.create({ url: block.url });
  }
}

function textNodes(schema: Schema, text: string): PMNode[] {
  return text ? [schema.text(text)] : [];
}

function inlineToNodes(schema: Schema, content: Inline[]): PMNode[] {
  return content
    .filter((run) => run.text.length > 0)
    .map((run) => {
      const marks: Mark[] = (run.marks ?? []).map((name) => schema.marks[name]!.create());
      if (run.href) marks.push(schema.marks['link']!.create({ href: run.href }));
      return schema.text(run.text, marks);
    });
}

export function docToBlocks(doc: PMNode): ArticleBody {
  const blocks: BodyBlock[] = [];
  doc.forEach((node) => {
    const block = nodeToBlock(node);
    if (block) blocks.push(block);
  });
  return blocks;
}

function nodeToBlock(node: PMNode): BodyBlock | null {
  switch (node.type.name) {
    case 'paragraph': {
      const content = nodeInline(node);
      return content.length > 0 ? { type: 'paragraph', content } : null;
    }
    case 'heading': {
      const text = node.textContent.trim();
      return text ? { type: 'heading', text } : null;
    }
    case 'quote': {
      const text = (node.firstChild?.textContent ?? '').trim();
      const attribution = (node.childCount > 1 ? (node.lastChild?.textContent ?? '') : '').trim();
      return text ? { type: 'quote', text, ...(attribution ? { attribution } : {}) } : null;
    }
    case 'bullet_list':
    case 'ordered_list': {
      const items: Inline[][] = [];
      node.forEach((item) => {
        const content = item.firstChild ? nodeInline(item.firstChild) : [];
        if (content.length > 0) items.push(content);
      });
      return items.length > 0 ? { type: 'list', ordered: node.type.name === 'ordered_list', items } : null;
    }
    case 'figure': {
      const attrs = node.attrs as FigureAttrs;
      return attrs.mediaId && !attrs.error ? { type: 'figure', mediaId: attrs.mediaId } : null;
    }
    case 'divider':
      return { type: 'divider' };
    case 'embed': {
      const url = String(node.attrs['url'] ?? '');
      return url ? { type: 'embed', url } : null;
    }
    default:
      return null;
  }
}

/** Text runs with their marks, neighbours of the same format joined; edge spaces of the block trimmed. */
function nodeInline(node: PMNode): Inline[] {
  const runs: Inline[] = [];
  node.forEach((child) => {
    if (!child.isText || !child.text) return;
    const marks = child.marks
      .map((mark) => mark.type.name)
      .filter((name): name is 'em' | 'strong' => name === 'em' || name === 'strong')
      .sort();
    const link = child.marks.find((mark) => mark.type.name === 'link');
    const href = link ? String(link.attrs['href']) : undefined;
    const previous = runs.at(-1);
    if (previous && previous.href === href && (previous.marks ?? []).join() === marks.join()) {
      previous.text += child.text;
      return;
    }
    runs.push({ text: child.text, ...(marks.length > 0 ? { marks } : {}), ...(href ? { href } : {}) });
  });
  const first = runs[0];
  if (first) first.text = first.text.trimStart();
  const last = runs.at(-1);
  if (last) last.text = last.text.trimEnd();
  return runs.filter((run) => run.text.length > 0);
}
