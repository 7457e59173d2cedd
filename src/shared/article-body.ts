import { z } from 'zod';

/**
 * An article body is structured content, never HTML: a list of blocks whose text is plain and is
 * escaped when rendered. Links are the only markup that carries a URL, and only safe schemes pass.
 */
const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i;

const InlineSchema = z.object({
  text: z.string().min(1).max(10_000),
  marks: z
    .array(z.enum(['em', 'strong']))
    .max(2)
    .optional(),
  href: z.string().max(2000).regex(SAFE_HREF, 'links must be http(s), mailto or site-relative').optional(),
});

const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(InlineSchema).min(1).max(500) }),
  z.object({ type: z.literal('heading'), text: z.string().min(1).max(300) }),
  z.object({ type: z.literal('quote'), text: z.string().min(1).max(2000), attribution: z.string().max(300).optional() }),
  z.object({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.array(InlineSchema).min(1)).min(1).max(200),
  }),
  z.object({ type: z.literal('figure'), mediaId: z.string().min(1).max(64) }),
]);

export const ArticleBodySchema = z.array(BlockSchema).max(2000);

export type Inline = z.infer<typeof InlineSchema>;
export type BodyBlock = z.infer<typeof BlockSchema>;
export type ArticleBody = z.infer<typeof ArticleBodySchema>;

/** Reads a stored body; stored bodies were validated on the way in, so a failure here is a bug. */
export function parseStoredBody(json: string): ArticleBody {
  return ArticleBodySchema.parse(JSON.parse(json));
}

export function serializeBody(body: ArticleBody): string {
  return JSON.stringify(ArticleBodySchema.parse(body));
}

export function inlineText(content: Inline[]): string {
  return content.map((part) => part.text).join('');
}

/** The words of a body, for descriptions, word counts and (later) search and relatedness. */
export function bodyPlainText(body: ArticleBody): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineText(block.content);
        case 'heading':
        case 'quote':
          return block.text;
        case 'list':
          return block.items.map(inlineText).join('\n');
        case 'figure':
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

export function bodyFigureIds(body: ArticleBody): string[] {
  return body.flatMap((block) => (block.type === 'figure' ? [block.mediaId] : []));
}
