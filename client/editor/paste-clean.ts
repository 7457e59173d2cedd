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
  return { html: out, imageUrls };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
