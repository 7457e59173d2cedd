import type { ArticleBody, BodyBlock } from '../shared/article-body.js';

const QUOTE_ATTRIBUTION = /^(.*?)\s+[—–-]\s+([^—–]+)$/;

/**
 * Turns the demo's paragraph notation into body blocks: "## " a sub-heading, "> " a quote (with
 * " — Name, role" as its attribution), consecutive "- " lines a bullet list, "[figure]" the figure.
 */
export function bodyFromParagraphs(paragraphs: readonly string[], figureMediaId?: string): ArticleBody {
  const blocks: BodyBlock[] = [];
  for (const raw of paragraphs) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    if (paragraph === '[figure]') {
      if (figureMediaId) blocks.push({ type: 'figure', mediaId: figureMediaId });
    } else if (paragraph.startsWith('## ')) {
      blocks.push({ type: 'heading', text: paragraph.slice(3).trim() });
    } else if (paragraph.startsWith('> ')) {
      const text = paragraph.slice(2).trim();
      const match = QUOTE_ATTRIBUTION.exec(text);
      blocks.push(
        match?.[1] && match[2]
          ? { type: 'quote', text: stripQuotes(match[1]), attribution: match[2].trim() }
          : { type: 'quote', text: stripQuotes(text) },
      );
    } else if (paragraph.startsWith('- ')) {
      const item = [{ text: paragraph.slice(2).trim() }];
      const previous = blocks[blocks.length - 1];
      if (previous?.type === 'list' && !previous.ordered) previous.items.push(item);
      else blocks.push({ type: 'list', ordered: false, items: [item] });
    } else {
      blocks.push({ type: 'paragraph', content: [{ text: paragraph }] });
    }
  }
  return blocks;
}

function stripQuotes(text: string): string {
  return text.replace(/^["“]|["”]$/g, '').trim();
}
