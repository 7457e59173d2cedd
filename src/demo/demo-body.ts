import type { ArticleBody, BodyBlock } from '../shared/article-body.js';
import { HOUR_MS } from '../shared/clock.js';
import type { DemoArticle } from './content/demo-content.types.js';

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

/**
 * The columns of a demo story that its content decides — text, type, dates, corrections, views —
 * the same in every edition; the seeder adds where the story is filed (section, authors, tags,
 * series, pictures, edition).
 */
export function demoStoryColumns(story: DemoArticle, publishedAt: Date, viewCount: number, figureMediaId: string | undefined) {
  return {
    slug: story.slug,
    headline: story.headline,
    standfirst: story.standfirst,
    body: bodyFromParagraphs(story.body, figureMediaId),
    seriesPart: story.series?.part ?? null,
    typeLabel: story.typeLabel,
    status: 'published' as const,
    publishedAt,
    updatedAt: story.updatedHoursAfter ? new Date(publishedAt.getTime() + story.updatedHoursAfter * HOUR_MS) : null,
    viewCount,
    corrections: (story.corrections ?? []).map((correction) => ({
      kind: correction.kind,
      text: correction.text,
      createdAt: new Date(publishedAt.getTime() + correction.hoursAfter * HOUR_MS),
    })),
  };
}
