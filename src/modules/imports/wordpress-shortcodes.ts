import type { Warnings } from './html-blocks-inline.js';

/**
 * WordPress shortcodes (`[caption …]…[/caption]`, `[gallery ids="1,2"]` …) turned into the HTML
 * WordPress would have drawn for them, before the HTML is read, as WordPress itself does: a caption
 * wraps an image and its text in one shortcode, so only the source text shows what belongs together.
 * What comes out is HTML the block reader already knows (figures, embeds), with the attachment id in
 * `data-wp-attachment`. Unknown shortcodes are removed and their enclosed text kept.
 *
 * A scanner rather than WordPress's regular expression: JavaScript has no possessive quantifiers,
 * and a post of unbalanced brackets must not take quadratic time.
 */

/** Shortcodes recognised even without attributes or a closing tag (`[gallery]`, `[embed]`). */
const KNOWN_NAMES = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video', 'playlist']);
const NAME = /[A-Za-z][\w-]*/y;
/** WordPress's attribute forms: name="v", name='v', name=v, "v", 'v', v. */
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s"']+)|"([^"]*)"|'([^']*)'|(\S+)/g;
/** An opening tag longer than this is prose in brackets, not a shortcode. */
const LONGEST_OPENING_TAG = 2000;
/** Captions within captions within…: past this depth the rest is left as it is. */
const DEEPEST_NESTING = 8;
const MEDIA_SOURCES = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mp3', 'ogg', 'oga', 'wav', 'm4a', 'wma', 'flac'];

interface Shortcode {
  name: string;
  /** Read only for the shortcodes that use them: removing a thousand unknown ones should cost little. */
  attributeText: string;
  /** Text between `[name]` and `[/name]`; null for a shortcode without a closing tag. */
  content: string | null;
  /** Index just past the opening tag. */
  openingEnd: number;
  /** Where its closing tag starts, or -1. */
  closingAt: number;
  /** Index just past the shortcode, its closing tag included. */
  end: number;
}

/** What a shortcode becomes, and where the scan goes on: past it, or into the text it enclosed. */
interface Expansion {
  html: string;
  resumeAt: number;
}

export function expandShortcodes(source: string, warnings: Warnings, depth = 0): string {
  return new ShortcodeScanner(source, warnings, depth).expand();
}

class ShortcodeScanner {
  /** The next `]` at or after a position, remembered so that brackets never closed cost one search. */
  private bracket = { from: Infinity, at: -1 };
  /** Per name, where the last search found its closing tag (or -1: none after that point). */
  private readonly closings = new Map<string, number>();
  /** Closing tags of removed shortcodes, by position, to drop when the scan reaches them. */
  private readonly droppedClosings = new Map<number, number>();

  constructor(
    private readonly source: string,
    private readonly warnings: Warnings,
    private readonly depth: number,
  ) {}

  expand(): string {
    const { source } = this;
    const parts: string[] = [];
    let copied = 0;
    const next = /[[<]/g;
    for (let match = next.exec(source); match; match = next.exec(source)) {
      const at = match.index;
      if (source[at] === '<') {
        // Brackets inside tags and comments (`<!-- wp:gallery {"ids":[1,2]} -->`) are not shortcodes.
        next.lastIndex = this.endOfMarkup(at);
        continue;
      }
      const expansion = this.expandAt(at);
      if (!expansion) continue;
      parts.push(source.slice(copied, at), expansion.html);
      copied = expansion.resumeAt;
      next.lastIndex = copied;
    }
    parts.push(source.slice(copied));
    return parts.join('');
  }

  private expandAt(at: number): Expansion | null {
    const droppedLength = this.droppedClosings.get(at);
    if (droppedLength !== undefined) return { html: '', resumeAt: at + droppedLength };
    // `[[name]]` is WordPress's way of writing a shortcode as text: one pair of brackets goes.
    if (this.source[at + 1] === '[') {
      const inner = this.readShortcode(at + 1);
      return inner && this.source[inner.end] === ']' ? { html: this.source.slice(at + 1, inner.end), resumeAt: inner.end + 1 } : null;
    }
    const shortcode = this.readShortcode(at);
    return shortcode && this.render(shortcode);
  }

  private endOfMarkup(at: number): number {
    const { source } = this;
    if (source.startsWith('<!--', at)) return endOrLength(source.indexOf('-->', at + 4), 3, source.length);
    if (!/[A-Za-z/!]/.test(source[at + 1] ?? '')) return at + 1;
    return endOrLength(source.indexOf('>', at + 1), 1, source.length);
  }

  /** A shortcode starting at `at`, or null when the bracket there is text ("[sic]", "[1]"). */
  private readShortcode(at: number): Shortcode | null {
    const { source } = this;
    NAME.lastIndex = at + 1;
    const name = NAME.exec(source)?.[0];
    if (!name) return null;
    const afterName = NAME.lastIndex;
    if (!/[\s\]/]/.test(source[afterName] ?? '')) return null;
    const close = this.nextClosingBracket(afterName);
    if (close < 0 || close - at > LONGEST_OPENING_TAG) return null;
    const inside = source.slice(afterName, close);
    if (inside.includes('[')) return null;
    const selfClosing = inside.endsWith('/');
    const closingAt = selfClosing ? -1 : this.closingTag(name, close + 1);
    const content = closingAt >= 0 ? source.slice(close + 1, closingAt) : null;
    const end = closingAt >= 0 ? closingAt + name.length + 3 : close + 1;
    const attributeText = selfClosing ? inside.slice(0, -1) : inside;
    if (!selfClosing && content === null && !KNOWN_NAMES.has(name) && !attributeText.includes('=')) return null;
    return { name, attributeText, content, openingEnd: close + 1, closingAt, end };
  }

  private nextClosingBracket(from: number): number {
    if (from < this.bracket.from || (this.bracket.at >= 0 && this.bracket.at < from)) {
      this.bracket = { from, at: this.source.indexOf(']', from) };
    }
    return this.bracket.at;
  }

  private closingTag(name: string, from: number): number {
    const known = this.closings.get(name);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = this.source.indexOf(`[/${name}]`, from);
    this.closings.set(name, at);
    return at;
  }

  private render(shortcode: Shortcode): Expansion {
    if (!KNOWN_NAMES.has(shortcode.name)) return this.remove(shortcode);
    const attributes = parseAttributes(shortcode.attributeText);
    const html = this.knownShortcode(shortcode, attributes);
    return html === null ? this.remove(shortcode) : { html, resumeAt: shortcode.end };
  }

  private knownShortcode(shortcode: Shortcode, attributes: Map<string, string>): string | null {
    switch (shortcode.name) {
      case 'caption':
      case 'wp_caption':
        return this.caption(shortcode.content, attributes);
      case 'gallery':
        return this.gallery(attributes);
      case 'embed':
        return embedFigure((shortcode.content ?? '').trim() || (attributes.get('src') ?? ''));
      case 'audio':
      case 'video':
        return mediaElement(shortcode.name, shortcode.content, attributes);
      default:
        return null;
    }
  }

  /** `[caption id="attachment_12"]<a><img></a> Caption text[/caption]`: a figure, as WordPress draws it. */
  private caption(content: string | null, attributes: Map<string, string>): string {
    const inner = this.depth < DEEPEST_NESTING ? expandShortcodes(content ?? '', this.warnings, this.depth + 1) : (content ?? '');
    const parts = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    const image = parts?.[1] ?? inner;
    const caption = attributes.get('caption') ?? parts?.[2] ?? '';
    const id = /(\d+)$/.exec(attributes.get('id') ?? '')?.[1];
    const idAttribute = id ? ` data-wp-attachment="${id}"` : '';
    return `<figure class="wp-caption"${idAttribute}>${image}<figcaption>${caption}</figcaption></figure>`;
  }

  /** `[gallery ids="1,2,3"]`: one figure per attachment; without ids it meant "this post's images", unknown here. */
  private gallery(attributes: Map<string, string>): string {
    const ids = (attributes.get('ids') ?? attributes.get('include') ?? '').split(',').map((id) => id.trim());
    const known = ids.filter((id) => /^\d+$/.test(id));
    if (known.length === 0) {
      this.warnings.add('dropped a [gallery] shortcode that names no image ids');
      return '';
    }
    const figures = known.map((id) => `<figure class="wp-block-image" data-wp-attachment="${id}"><img data-wp-attachment="${id}"></figure>`);
    return `<figure class="wp-block-gallery">${figures.join('')}</figure>`;
  }

  /** Any other shortcode: its tags go, and the scan goes on into the text it enclosed (shortcodes there included). */
  private remove({ name, openingEnd, closingAt }: Shortcode): Expansion {
    this.warnings.add(`removed the [${name}] shortcode (its text kept)`);
    if (closingAt >= 0) this.droppedClosings.set(closingAt, name.length + 3);
    return { html: '', resumeAt: openingEnd };
  }
}

/** `[video src="…"]`, `[audio mp3="…"]`: the HTML element, which the block reader turns into a link. */
function mediaElement(name: string, content: string | null, attributes: Map<string, string>): string | null {
  const source = MEDIA_SOURCES.map((key) => attributes.get(key)).find(Boolean) ?? (content ?? '').trim();
  return source ? `<${name} src="${escapeAttribute(source)}"></${name}>` : null;
}

/** The markup of a block-editor embed, which the block reader turns into a link paragraph. */
function embedFigure(url: string): string {
  return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${url}</div></figure>`;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? match[3] ?? match[5];
    const value = match[2] ?? match[4] ?? match[6];
    if (name !== undefined && value !== undefined) attributes.set(name.toLowerCase(), value);
  }
  return attributes;
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&(?![#\w]+;)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function endOrLength(found: number, length: number, sourceLength: number): number {
  return found < 0 ? sourceLength : found + length;
}
