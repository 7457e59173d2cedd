import { Parser } from 'htmlparser2';

/**
 * Text from an export made fit for a one-line field (headline, standfirst, a name): markup and
 * control characters removed, whitespace collapsed, NFC, and cut at a word boundary to `max`
 * characters. Each change an editor would want to know about is told to `warn`.
 */
export function importLine(raw: string, max: number, field: string, warn: (message: string) => void): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/gu;
  let text = raw.replace(/\p{Surrogate}/gu, '');
  if (text !== raw || controls.test(text)) warn(`${field}: removed control characters or broken characters`);
  text = text.replace(controls, ' ').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (text.includes('\uFFFD')) warn(`${field}: holds characters that were not valid UTF-8 in the export`);
  return cutAtWord(text, max, field, warn);
}

/** `text` cut to at most `max` characters (code points), at the last space when there is one near. */
export function cutAtWord(text: string, max: number, field: string, warn: (message: string) => void): string {
  const points = [...text];
  if (points.length <= max) return text;
  warn(`${field}: cut from ${points.length} to ${max} characters`);
  const cut = points.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The text of an HTML fragment (an excerpt, a comment), entities decoded, paragraphs kept as blank lines. */
export function htmlToText(html: string): string {
  let text = '';
  const parser = new Parser(
    {
      ontext: (chunk) => {
        text += chunk;
      },
      onopentag: (name) => {
        if (name === 'br') text += '\n';
        if (name === 'p' || name === 'div' || name === 'li' || name === 'blockquote') text += '\n\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
