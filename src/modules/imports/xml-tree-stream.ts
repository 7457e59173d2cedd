import { SaxesParser, type SaxesTagNS } from 'saxes';

/** One element of an export, as a small tree: only the elements the importer keeps are built. */
export interface XmlNode {
  /** `prefix:local` as the export's namespaces mean it (`wp:post_id`, `content:encoded`), whatever prefixes the file chose. */
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Where the element starts in the file, for reports. */
  line: number;
}

/** A problem in the file, where it is. */
export interface XmlProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * What the stream yields: an element at the depth asked for, whole, with the first problem inside
 * it if any; or (node null) a problem outside every such element, e.g. the file ending early.
 */
export type XmlEntry = { node: XmlNode; problem: XmlProblem | null } | { node: null; problem: XmlProblem };

/** The file is not what the importer reads; nothing was taken from it. */
export class XmlRefusedError extends Error {}

/** Text longer than this in one element is a crafted or broken file; the element is reported, never kept whole. */
export const MAX_ELEMENT_TEXT = 16 * 1024 * 1024;

/**
 * Streams an XML file as whole elements at `depth` (1: the root's children; 2: theirs, as
 * `<item>` in `<rss><channel>`), so a 1 GB export
 * is read with one element in memory at a time. The parser never reads a DTD: a DOCTYPE is
 * refused outright, so no external entity is fetched and no entity is expanded ("billion laughs").
 * A well-formedness error inside an element is attached to that element (with its line and
 * column) and parsing goes on, so one broken item does not lose the rest.
 * @param prefixes namespace URI prefix → the prefix used in names (e.g. 'http://wordpress.org/export/' → 'wp')
 * @param checkRoot called with the root's name and namespaces: throw XmlRefusedError to refuse the file
 */
export async function* xmlElements(
  /** Decoded text (a stream read with `encoding: 'utf8'` decodes characters split between chunks). */
  source: AsyncIterable<string>,
  options: {
    depth: number;
    prefixes: ReadonlyArray<readonly [uriStart: string, prefix: string]>;
    checkRoot: (name: string, namespaces: Record<string, string>) => void;
  },
): AsyncGenerator<XmlEntry> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let depth = 0;
  let problem: XmlProblem | null = null;
  let outsideProblem: XmlProblem | null = null;
  let ready: XmlEntry[] = [];
  // Set by the parser's callbacks; an object, so TypeScript does not narrow it to null in the loop below.
  const state: { refused: Error | null } = { refused: null };
  let sawRoot = false;

  const nameOf = (tag: SaxesTagNS): string => {
    if (!tag.uri) return tag.local;
    const known = options.prefixes.find(([uriStart]) => tag.uri.startsWith(uriStart));
    return known ? `${known[1]}:${tag.local}` : `{${tag.uri}}${tag.local}`;
  };

  parser.on('doctype', () => {
    state.refused ??= new XmlRefusedError('the file declares a DOCTYPE; exports have none, and entity declarations are refused');
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 1) {
      sawRoot = true;
      try {
        options.checkRoot(nameOf(tag), { ...tag.ns });
      } catch (error) {
        state.refused ??= error instanceof Error ? error : new Error(String(error));
      }
      return;
    }
    if (stack.length === 0 && depth !== options.depth + 1) return;
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const node: XmlNode = { name: nameOf(tag), attributes, text: '', children: [], line: parser.line };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const node = stack.at(-1);
    if (!node) return;
    if (node.text.length + text.length > MAX_ELEMENT_TEXT) {
      problem ??= {
        line: parser.line,
        column: parser.column,
        message: `<${node.name}> holds more than ${MAX_ELEMENT_TEXT / 1024 / 1024} MB of text`,
      };
      return;
    }
    node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    depth -= 1;
    const node = stack.pop();
    if (node && stack.length === 0) {
      ready.push({ node, problem });
      problem = null;
    }
  });
  parser.on('error', (error) => {
    const found = { line: parser.line, column: parser.column, message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') };
    if (stack.length > 0) problem ??= found;
    else outsideProblem ??= found;
  });

  for await (const chunk of source) {
    parser.write(chunk);
    if (state.refused) throw state.refused;
    yield* ready;
    ready = [];
  }
  parser.close();
  if (state.refused) throw state.refused;
  if (!sawRoot) throw new XmlRefusedError('the file is empty or is not XML');
  yield* ready;
  const unfinished = stack[0];
  const end = { line: parser.line, column: parser.column, message: 'the file ends inside this element' };
  if (unfinished) yield { node: unfinished, problem: problem ?? end };
  else if (outsideProblem) yield { node: null, problem: outsideProblem };
}
