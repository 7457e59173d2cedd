import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
import { ArticleBodySchema, type ArticleBody, type BodyBlock, type Inline } from '../../shared/article-body.js';
import { checkText } from '../../shared/text.js';
import { bodyCharactersError } from './article-input.js';

/**
 * Markdown ⇄ ArticleBody, so editors write Markdown while the body stays structured data. We walk
 * markdown-it's token stream rather than its HTML: nothing the parser emits is ever kept as markup.
 * `html: false` makes raw HTML plain text, which the site escapes when it renders.
 */
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false });
// CommonMark has no tables or strike-through; images have no inline form in the body, so `![…](…)` stays text.
markdown.disable(['image']);

/** A figure on a line of its own: `[[figure:MEDIA_ID]]` (ids are UUIDs or slug-like). */
const FIGURE_LINE = /^\[\[figure:([A-Za-z0-9_-]{1,64})\]\]$/;
/** An embed (a link card) on a line of its own: `[[embed:https://…]]`. */
const EMBED_LINE = /^\[\[embed:(https?:\/\/[^\s\]]+)\]\]$/i;
/** The last line of a quote that names who said it. */
const ATTRIBUTION_PREFIX = '— ';

type Mark = 'em' | 'strong';

/**
 * Parses Markdown into a body. The result still needs ArticleBodySchema's limits (the save validates).
 * Throws ArticleInputError (ERR_STORY_INPUT_INVALID, on `body`) when the source has control characters
 * or lone surrogates: markdown-it would turn NUL into U+FFFD, hiding it from the body's own check.
 */
export function markdownToBody(source: string): ArticleBody {
  if (!checkText(source, { multiline: true, trim: false }).ok) throw bodyCharactersError();
  const tokens = markdown.parse(source, {});
  const blocks: BodyBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const line = inline?.content.trim() ?? '';
        const figure = FIGURE_LINE.exec(line);
        const embed = EMBED_LINE.exec(line);
        if (figure?.[1]) blocks.push({ type: 'figure', mediaId: figure[1] });
        else if (embed?.[1]) blocks.push({ type: 'embed', url: embed[1] });
        else pushParagraph(blocks, inlineContent(inline?.children ?? [], ' '));
        i = skipTo(tokens, i, 'paragraph_close');
        break;
      }
      case 'heading_open': {
        const text = plainText(inlineContent(tokens[i + 1]?.children ?? [], ' '));
        if (text) blocks.push({ type: 'heading', text });
        i = skipTo(tokens, i, 'heading_close');
        break;
      }
      case 'blockquote_open': {
        const end = skipTo(tokens, i, 'blockquote_close');
        pushQuote(blocks, tokens.slice(i + 1, end));
        i = end;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = skipTo(tokens, i, token.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close');
        // Nested lists are flattened into the outer one: the body has one level of list.
        const items = tokens
          .slice(i + 1, end)
          .filter((candidate) => candidate.type === 'inline')
          .map((inline) => inlineContent(inline.children ?? [], ' '))
          .filter((content) => content.length > 0);
        if (items.length > 0) blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
        i = end;
        break;
      }
      case 'hr':
        blocks.push({ type: 'divider' });
        break;
      case 'fence':
      case 'code_block':
        // No code block in the body: keep the words as a plain paragraph.
        pushParagraph(blocks, token.content.trim() ? [{ text: token.content.trim() }] : []);
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Writes a body as Markdown that `markdownToBody` reads back to the same body, except that spaces at
 * the edge of an em/strong run move outside it (Markdown emphasis cannot start or end with a space).
 */
export function bodyToMarkdown(body: ArticleBody): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return escapeLineStart(inlineToMarkdown(block.content));
        case 'heading':
          return `## ${escapeText(oneLine(block.text))}`;
        case 'quote': {
          const text = `> ${escapeLineStart(escapeText(oneLine(block.text)))}`;
          return block.attribution ? `${text}\n>\n> ${ATTRIBUTION_PREFIX}${escapeText(oneLine(block.attribution))}` : text;
        }
        case 'list':
          return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${escapeLineStart(inlineToMarkdown(item))}`).join('\n');
        case 'figure':
          return `[[figure:${block.mediaId}]]`;
        case 'divider':
          return '---';
        case 'embed':
          return `[[embed:${block.url}]]`;
      }
    })
    .join('\n\n');
}

function skipTo(tokens: Token[], from: number, type: string): number {
  let depth = 0;
  const open = type.replace('_close', '_open');
  for (let i = from; i < tokens.length; i++) {
    const candidate = tokens[i]!;
    if (candidate.type === open) depth++;
    if (candidate.type === type && --depth === 0) return i;
  }
  return tokens.length - 1;
}

function pushParagraph(blocks: BodyBlock[], content: Inline[]): void {
  if (content.length > 0) blocks.push({ type: 'paragraph', content });
}

/** A quote's lines; when the last of several starts with "— ", it is the attribution. */
function pushQuote(blocks: BodyBlock[], inner: Token[]): void {
  const lines = inner
    .filter((token) => token.type === 'inline')
    .flatMap((inline) => plainText(inlineContent(inline.children ?? [], '\n')).split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.at(-1);
  const attribution = lines.length > 1 && last?.startsWith(ATTRIBUTION_PREFIX) ? last.slice(ATTRIBUTION_PREFIX.length).trim() : '';
  const text = (attribution ? lines.slice(0, -1) : lines).join(' ');
  if (text) blocks.push({ type: 'quote', text, ...(attribution ? { attribution } : {}) });
}

/** Inline tokens → text runs with em/strong marks and safe links; anything else is its text. */
function inlineContent(children: Token[], lineBreak: string): Inline[] {
  const runs: Inline[] = [];
  const marks: Mark[] = [];
  let href: string | undefined;
  const push = (text: string) => {
    if (!text) return;
    const run: Inline = { text, ...(marks.length > 0 ? { marks: [...new Set(marks)].sort() } : {}), ...(href ? { href } : {}) };
    const previous = runs.at(-1);
    if (previous && sameFormat(previous, run)) previous.text += text;
    else runs.push(run);
  };
  for (const token of children) {
    switch (token.type) {
      case 'em_open':
      case 'strong_open':
        marks.push(token.type === 'em_open' ? 'em' : 'strong');
        break;
      case 'em_close':
      case 'strong_close':
        marks.splice(marks.lastIndexOf(token.type === 'em_close' ? 'em' : 'strong'), 1);
        break;
      case 'link_open': {
        // Unsafe schemes (javascript:, data:…) lose the link and keep their words.
        const candidate = String(token.attrGet('href') ?? '');
        href = isSafeHref(candidate) ? candidate : undefined;
        break;
      }
      case 'link_close':
        href = undefined;
        break;
      case 'softbreak':
      case 'hardbreak':
        push(lineBreak);
        break;
      default:
        push(token.content);
    }
  }
  const [first] = runs;
  if (first) first.text = first.text.trimStart();
  const last = runs.at(-1);
  if (last) last.text = last.text.trimEnd();
  return runs.filter((run) => run.text.length > 0);
}

function sameFormat(a: Inline, b: Inline): boolean {
  return a.href === b.href && (a.marks ?? []).join() === (b.marks ?? []).join();
}

/** The body schema is the one judge of a safe link. */
function isSafeHref(href: string): boolean {
  return ArticleBodySchema.safeParse([{ type: 'paragraph', content: [{ text: 'x', href }] }]).success;
}

function plainText(content: Inline[]): string {
  return content.map((run) => run.text).join('');
}

function inlineToMarkdown(content: Inline[]): string {
  return content
    .map((run) => {
      const text = oneLine(run.text);
      const lead = /^\s*/.exec(text)?.[0] ?? '';
      const trail = /\s*$/.exec(text)?.[0] ?? '';
      const core = text.trim();
      if (!core) return text;
      let out = escapeText(core);
      if (run.marks?.includes('em')) out = `*${out}*`;
      if (run.marks?.includes('strong')) out = `**${out}**`;
      if (run.href) out = `[${out}](<${run.href.replace(/[<>]/g, encodeURIComponent)}>)`;
      // Emphasis delimiters must touch the words, so surrounding spaces go outside them.
      return `${lead}${out}${trail}`;
    })
    .join('');
}

/** Stored text may hold line breaks; a Markdown paragraph is one line here. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Backslash-escapes every character Markdown could read as syntax inside a line. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>!#&~|]/g, (c) => `\\${c}`);
}

/** Characters that mean "list", "quote" or "heading underline" only at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}
