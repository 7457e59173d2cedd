import { z } from 'zod';
import { text } from './text.js';
import { isHttpUrl, MAX_HREF_LENGTH, SAFE_EMBED_URL, SAFE_HREF } from './safe-url.js';

export { embedHost, isHttpUrl, isSafeHref } from './safe-url.js';

/**
 * An article body is structured content, never HTML: a list of blocks whose text is plain and is
 * escaped when rendered. Links are the only markup that carries a URL, and only safe schemes pass
 * (their rules live in safe-url.ts, which the browser's editor shares).
 */

/**
 * The body's shape. Text is checked by src/shared/text.ts when a body comes in (`ArticleBodySchema`:
 * no control characters, NFC); a stored body is read with plain strings (`StoredBodySchema`), so a
 * body saved before that rule still shows rather than failing the page.
 */
function bodySchema(strict: boolean) {
  // Every part of a body may hold line breaks and tabs; edge spaces separate runs, so nothing is trimmed.
  const words = (min: number, max: number): z.ZodType<string, string> =>
    strict ? text({ min, max, multiline: true, trim: false }) : z.string().min(min).max(max);
  const InlineSchema = z.object({
    text: words(1, 10_000),
    marks: z
      .array(z.enum(['em', 'strong']))
      .max(2)
      .optional(),
    href: z.string().max(MAX_HREF_LENGTH).regex(SAFE_HREF, 'links must be http(s), mailto or site-relative').optional(),
  });
  const BlockSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: z.array(InlineSchema).min(1).max(500) }),
    z.object({ type: z.literal('heading'), text: words(1, 300) }),
    z.object({ type: z.literal('quote'), text: words(1, 2000), attribution: words(0, 300).optional() }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      items: z.array(z.array(InlineSchema).min(1)).min(1).max(200),
    }),
    z.object({ type: z.literal('figure'), mediaId: z.string().min(1).max(64) }),
    z.object({ type: z.literal('divider') }),
    z.object({
      type: z.literal('embed'),
      url: z
        .string()
        .max(MAX_HREF_LENGTH)
        .regex(SAFE_EMBED_URL, 'embeds must be http(s) addresses')
        .refine(isHttpUrl, 'embeds must be http(s) addresses'),
    }),
  ]);
  return { InlineSchema, BlockSchema, BodySchema: z.array(BlockSchema).max(2000) };
}

const strictBody = bodySchema(true);
const StoredBodySchema = bodySchema(false).BodySchema;

/** A body as it comes in: from the story form (via Markdown), an import or a restored revision. */
export const ArticleBodySchema = strictBody.BodySchema;

export type Inline = z.infer<typeof strictBody.InlineSchema>;
export type BodyBlock = z.infer<typeof strictBody.BlockSchema>;
export type ArticleBody = z.infer<typeof ArticleBodySchema>;

/** Reads a stored body; stored bodies were validated on the way in, so a failure here is a bug. */
export function parseStoredBody(json: string): ArticleBody {
  return StoredBodySchema.parse(JSON.parse(json));
}

/** For writing: checked (and normalised) again, so an importer cannot store what the story form refuses. */
export function serializeBody(body: ArticleBody): string {
  return JSON.stringify(ArticleBodySchema.parse(body));
}

export function inlineText(content: Inline[]): string {
  return content.map((part) => part.text).join('');
}

/**
 * The words of a body as readers see them, for search (and its snippets), relatedness and word
 * counts. A quote keeps its credit line (`— Name, role`), so the people quoted can be searched for.
 */
export function bodyPlainText(body: ArticleBody): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineText(block.content);
        case 'heading':
          return block.text;
        case 'quote':
          return block.attribution ? `${block.text}\n— ${block.attribution}` : block.text;
        case 'list':
          return block.items.map(inlineText).join('\n');
        case 'figure':
        case 'divider':
        case 'embed':
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

export function bodyFigureIds(body: ArticleBody): string[] {
  return body.flatMap((block) => (block.type === 'figure' ? [block.mediaId] : []));
}
