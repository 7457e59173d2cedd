/**
 * The words of a page that look English when the page should be in another language: each text
 * node, and each `aria-label`, `title`, `placeholder` and `alt` value, holding a run of three or
 * more Latin letters once the `allow`ed strings (the test's own content: names, headlines, codes)
 * are taken out. Script, style, code, kbd, samp and textarea contents are skipped. A test of a Korean page expects [].
 */
export function untranslatedText(html: string, allow: readonly string[] = []): string[] {
  // Scripts and styles are no text; code, keyboard keys and a text area's content are the user's or
  // the machine's words, the same in every language.
  const body = html.replace(/<(script|style|code|kbd|samp|textarea)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const found = new Set<string>();
  const consider = (raw: string) => {
    let text = decodeEntities(raw).trim();
    for (const allowed of [...allow, ...ALWAYS_ALLOWED]) text = text.split(allowed).join(' ');
    if (/[A-Za-z]{3,}/.test(text)) found.add(decodeEntities(raw).trim());
  };
  for (const match of body.matchAll(/>([^<>]+)</g)) consider(match[1] ?? '');
  for (const match of body.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)) consider(match[1] ?? '');
  return [...found];
}

/** Names that stay as they are in every language. */
const ALWAYS_ALLOWED = [
  'Dateline',
  'RSS',
  'Atom',
  'API',
  'URL',
  'CSV',
  'JSON',
  'HTML',
  'JPEG',
  'PNG',
  'WebP',
  'AVIF',
  'WordPress',
  'Ghost',
  'English',
  'https',
  'http',
];

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ');
}
