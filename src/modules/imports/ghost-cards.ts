import MarkdownIt from 'markdown-it';
import { cleanText } from './html-blocks-inline.js';
import { htmlToText } from './import-text.js';
import { ghostLinkPath, text, type BodyBuilder } from './ghost-body.js';

/**
 * Ghost's cards (the editor's blocks that are not text), Lexical's and Mobiledoc's alike: their
 * payloads have the same fields in both. Pictures become figures, embeds, bookmarks and buttons a
 * link on a line of its own, HTML and Markdown the blocks they show; what the body cannot hold is
 * dropped with a warning, never kept as markup.
 */
export type CardPayload = Record<string, unknown>;

/** Mobiledoc's names for the cards Lexical calls otherwise. */
const ALIASES: Record<string, string> = {
  codeblock: 'code',
  horizontalrule: 'hr',
  'card-markdown': 'markdown',
  'email-cta': 'email',
};

// Raw HTML in Markdown is kept for the HTML reader, which keeps none of it as markup.
const markdown = new MarkdownIt({ html: true, linkify: false });

export function addCard(name: string, payload: CardPayload, body: BodyBuilder): void {
  const kind = ALIASES[name] ?? name;
  switch (kind) {
    case 'image':
      return body.figure(payload.src, payload.alt, payload.caption);
    case 'gallery':
      return gallery(payload, body);
    case 'embed':
      return embed(payload, body);
    case 'bookmark': {
      const metadata = record(payload.metadata);
      body.link(text(payload.url) || text(metadata.url), text(metadata.title) || text(payload.url));
      return caption(payload.caption, body);
    }
    case 'html':
      return body.html(text(payload.html));
    case 'markdown':
      return body.html(markdown.render(cleanText(text(payload.markdown), body.warnings)));
    case 'hr':
      return body.warn('dropped a divider (the body has no divider)');
    case 'code': {
      const code = cleanText(text(payload.code), body.warnings).replace(/\s+$/, '');
      if (code) body.warn('kept a code block as a plain paragraph');
      body.paragraph([{ text: code }]);
      return caption(payload.caption, body);
    }
    case 'callout':
      return callout(payload, body);
    case 'toggle':
      body.paragraph([{ text: htmlToText(text(payload.heading)), marks: ['strong'] }]);
      return body.html(text(payload.content));
    case 'button':
      return body.link(text(payload.buttonUrl), text(payload.buttonText));
    case 'header':
      body.heading(htmlToText(text(payload.header)));
      body.html(paragraphOf(text(payload.subheader)));
      if (payload.buttonEnabled !== false && text(payload.buttonUrl)) body.link(text(payload.buttonUrl), text(payload.buttonText));
      return;
    case 'video':
    case 'audio':
    case 'file':
      return mediaLink(kind, payload, body);
    case 'product':
      return product(payload, body);
    case 'paywall':
      return body.warn('dropped the members-only marker (a paywall card): in Dateline the whole story is public');
    case 'email':
      return body.warn('dropped a Ghost email-only card (it was shown only in newsletters)');
    default:
      return body.warn(`dropped a Ghost ${name.replace(/[^\w-]/g, '').slice(0, 40) || 'unnamed'} card (the body has nothing like it)`);
  }
}

function gallery(payload: CardPayload, body: BodyBuilder): void {
  const images = Array.isArray(payload.images) ? payload.images.map(record) : [];
  for (const image of images) body.figure(image.src, image.alt, image.caption);
  // A gallery's caption belongs to no one picture: it stays as words under them, as in WordPress posts.
  caption(payload.caption, body);
}

function embed(payload: CardPayload, body: BodyBuilder): void {
  const url = text(payload.url) || text(record(payload.metadata).url);
  if (url) body.link(url, url);
  else body.html(text(payload.html));
  body.warn(url || text(payload.html).trim() ? 'kept an embed as a link to what it showed' : 'dropped an embed with no address');
  caption(payload.caption, body);
}

function callout(payload: CardPayload, body: BodyBuilder): void {
  const emoji = escapeHtml(cleanText(text(payload.calloutEmoji), body.warnings).trim());
  const words = text(payload.calloutText);
  const lead = emoji ? `${emoji} ` : '';
  // The emoji leads the callout's first paragraph rather than standing alone.
  body.html(/^\s*<p[\s>]/i.test(words) ? words.replace(/^\s*<p([^>]*)>/i, (open) => `${open}${lead}`) : `<p>${lead}${words}</p>`);
}

/** Video, audio and file cards: a link to the file on the old site, which a reader may still follow. */
function mediaLink(kind: string, payload: CardPayload, body: BodyBuilder): void {
  const path = ghostLinkPath(text(payload.src));
  const words = text(payload.title) || text(payload.fileTitle) || text(payload.fileName) || path.split('/').pop() || kind;
  const url = path.startsWith('/') ? (body.siteUrl ? `${body.siteUrl}${path}` : '') : path;
  if (!/^https?:\/\//i.test(url)) {
    body.warn(`dropped a Ghost ${kind} card: its file was on the old site, whose address is not known (give --site-url)`);
    return;
  }
  body.warn(`replaced a Ghost ${kind} card with a link to its file on the old site`);
  body.link(url, words);
  caption(payload.caption ?? payload.fileCaption, body);
}

function product(payload: CardPayload, body: BodyBuilder): void {
  const title = htmlToText(text(payload.productTitle));
  if (text(payload.productImageSrc)) body.figure(payload.productImageSrc, title, '');
  body.paragraph([{ text: title, marks: ['strong'] }]);
  body.html(text(payload.productDescription));
  if (payload.productButtonEnabled !== false && text(payload.productUrl)) body.link(text(payload.productUrl), text(payload.productButton));
  body.warn('kept a Ghost product card as its picture, words and link');
}

function caption(html: unknown, body: BodyBuilder): void {
  body.html(paragraphOf(text(html)));
}

function paragraphOf(html: string): string {
  return html.trim() ? `<p>${html}</p>` : '';
}

export function record(value: unknown): CardPayload {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as CardPayload) : {};
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
