/**
 * The first pass over pasted HTML, as a string (no DOM, so Node's test runner checks it): what must
 * never be parsed at all goes (scripts, styles, frames, Word's conditional comments and XML islands),
 * Google Docs' outer `<b style="font-weight:normal">` is unwrapped, and images are taken out, their
 * addresses kept for the media part. ProseMirror's parser then keeps only what the schema holds, so
 * styles and classes never reach the document.
 */
export interface CleanedPaste {
  html: string;
  /** http(s) addresses of the images the HTML showed, in order, each once. */
  imageUrls: string[];
}

const DROP_WITH_CONTENT =
  /<(script|style|iframe|object|embed|noscript|template|title|head|xml|svg|math|video|audio|canvas|form|select|button)\b[\s\S]*?<\/\1\s*>/gi;
const DROP_EMPTY = /<\/?(meta|link|base|iframe|object|embed|input|source|track|param|o:[\w-]+|v:[\w-]+|w:[\w-]+|m:[\w-]+)\b[^>]*>/gi;
/** Word's `<!--[if …]>…<![endif]-->`, `<![if !supportLists]>…<![endif]>` (list bullets as text) and plain comments. */
const CONDITIONAL = /<!(?:--)?\[if[^\]]*\]>[\s\S]*?<!\[endif\](?:--)?>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const GOOGLE_DOCS_WRAPPER = /<b\b[^>]*id=["']?docs-internal-guid[^>]*>([\s\S]*)<\/b>/i;
const IMAGE = /<img\b[^>]*>/gi;
/** A span holding no other span: Google Docs' runs, whose bold and italic are styles. */
const INNER_SPAN = /<span\b([^>]*)>((?:(?!<\/?span\b)[\s\S])*)<\/span\s*>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const BOLD_STYLE = /font-weight\s*:\s*(bold(er)?|[6-9]00)\b/i;
const ITALIC_STYLE = /font-style\s*:\s*italic\b/i;
const IMAGE_SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

export function cleanPastedHtml(html: string): CleanedPaste {
  const imageUrls: string[] = [];
  let out = html.replace(CONDITIONAL, '').replace(COMMENT, '');
  let previous;
  // Nested or repeated blocks (a script in a noscript …): again until nothing changes.
  do {
    previous = out;
    out = out.replace(DROP_WITH_CONTENT, '');
  } while (out !== previous);
  out = out.replace(DROP_EMPTY, '');
  out = out.replace(IMAGE, (tag) => {
    const match = IMAGE_SRC.exec(tag);
    const src = decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    if (/^https?:\/\//i.test(src) && !imageUrls.includes(src)) imageUrls.push(src);
    return '';
  });
  const wrapper = GOOGLE_DOCS_WRAPPER.exec(out);
  if (wrapper?.[1] !== undefined) out = out.replace(wrapper[0], wrapper[1]);
  return { html: styledSpansToTags(out), imageUrls };
}

/**
 * Bold and italic given as styles on spans (Google Docs, some web pages) become <strong> and <em>.
 * Done here, on the string, because the newsroom's Content-Security-Policy forbids inline styles, so
 * the browser never applies them to the pasted elements ProseMirror reads.
 */
function styledSpansToTags(html: string): string {
  let out = html;
  let previous;
  do {
    previous = out;
    out = out.replace(INNER_SPAN, (_whole, attributes: string, inner: string) => {
      const match = STYLE_ATTRIBUTE.exec(attributes);
      const style = match?.[1] ?? match?.[2] ?? '';
      let result = inner;
      if (ITALIC_STYLE.test(style)) result = `<em>${result}</em>`;
      if (BOLD_STYLE.test(style)) result = `<strong>${result}</strong>`;
      return result;
    });
  } while (out !== previous);
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
