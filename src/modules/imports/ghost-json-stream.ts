/**
 * A Ghost export (`{"db":[{"meta":…,"data":{"posts":[…],"tags":[…],…}}]}`, or the same without the
 * outer `db`) read as a stream of rows, so a file of any size costs one row's text at a time. The
 * scanner follows the JSON's structure character by character (strings are skipped in jumps), checks
 * its punctuation, and hands out each row of the tables asked for as its own JSON text, which the
 * caller parses; the rest is passed over. A structural error (a missing comma, an unclosed bracket)
 * stops the reading with its line, column and JSON path: nothing after it can be trusted.
 */

/** What the caller wants of a table's rows: their text, only their number, or nothing. */
export type TableMode = 'read' | 'count' | 'skip';

export interface JsonRow {
  /** The table (`posts`, `tags` …), or `meta` for the export's meta object (asked for as a table). */
  table: string;
  /** The row's place in its table (0 for meta). */
  index: number;
  /** Its JSON text; null when it was only counted, or was over the size limit. */
  text: string | null;
  tooLarge: boolean;
  /** Where it starts in the file (1-based), for reports. */
  line: number;
  column: number;
  /** `db[0].data.posts[41]`. */
  path: string;
}

/** The file is not well-formed JSON: where, and how. */
export class JsonStructureError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly path: string,
  ) {
    super(`line ${line}, column ${column} (${path || 'the top'}): ${reason}`);
  }
}

/** What the whole file turned out to be, known at its end. */
export interface JsonShape {
  /** The root's kind: 'object', 'array', 'string', 'number' … */
  root: string;
  /** The tables found at a Ghost export's place for them. */
  tables: Set<string>;
}

/** A row larger than this (a post with its Lexical, HTML and plain text) is a crafted or broken file. */
export const MAX_ROW_CHARS = 64 * 1024 * 1024;
const MAX_SCALAR_CHARS = 1000;
const SCALAR = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

const enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  Nothing,
}

interface Frame {
  array: boolean;
  key: string | null;
  index: number;
}

class JsonScanner {
  private readonly frames: Frame[] = [];
  private expect = Expect.Value;
  private inString = false;
  private stringIsKey = false;
  private escapePending = false;
  private key = '';
  private scalar: string | null = null;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private rootKind = '';
  readonly tables = new Set<string>();
  /** The row being read: where it started, its pieces so far and its mode. */
  private row: {
    table: string;
    index: number;
    depth: number;
    mode: TableMode;
    parts: string[];
    size: number;
    line: number;
    column: number;
    path: string;
  } | null = null;
  private rowStart = 0;
  private readonly out: JsonRow[] = [];

  constructor(private readonly modeOf: (table: string) => TableMode) {}

  write(chunk: string): JsonRow[] {
    const s = this.offset === 0 ? chunk.replace(/^\uFEFF/, '') : chunk;
    const length = s.length;
    let i = 0;
    this.rowStart = 0;
    while (i < length) {
      if (this.inString) {
        i = this.readString(s, i);
        continue;
      }
      if (this.scalar !== null) {
        i = this.readScalar(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.offset + i + 1;
        i++;
        continue;
      }
      this.token(s, i, c);
      i++;
    }
    this.keepRowPart(s, length);
    this.offset += length;
    return this.out.splice(0);
  }

  end(): JsonShape {
    if (this.scalar !== null) this.endScalar(0);
    if (this.inString) this.fail('the file ends inside a string', 0);
    if (this.frames.length > 0 || this.expect !== Expect.Nothing) this.fail('the file ends before its JSON does', 0);
    return { root: this.rootKind, tables: this.tables };
  }

  private token(s: string, i: number, c: number): void {
    switch (this.expect) {
      case Expect.Value:
      case Expect.ValueOrClose:
        if (c === 0x5d && this.expect === Expect.ValueOrClose) return this.close(s, i, true);
        return this.startValue(s, i, c);
      case Expect.Key:
      case Expect.KeyOrClose:
        if (c === 0x7d && this.expect === Expect.KeyOrClose) return this.close(s, i, false);
        if (c !== 0x22) return this.fail(`expected a property name in double quotes, found ${shown(s[i])}`, i);
        this.inString = true;
        this.stringIsKey = true;
        this.key = '';
        return;
      case Expect.Colon:
        if (c !== 0x3a) return this.fail(`expected ":" after a property name, found ${shown(s[i])}`, i);
        this.expect = Expect.Value;
        return;
      case Expect.CommaOrClose: {
        const top = this.frames.at(-1);
        if (top && c === 0x2c) {
          if (top.array) top.index++;
          this.expect = top.array ? Expect.Value : Expect.Key;
          return;
        }
        if (top && c === (top.array ? 0x5d : 0x7d)) return this.close(s, i, top.array);
        return this.fail(`expected "," or "${top?.array ? ']' : '}'}", found ${shown(s[i])}`, i);
      }
      case Expect.Nothing:
        return this.fail(`unexpected ${shown(s[i])} after the end of the JSON`, i);
    }
  }

  private startValue(s: string, i: number, c: number): void {
    if (this.frames.length === 0) this.rootKind = c === 0x7b ? 'object' : c === 0x5b ? 'array' : c === 0x22 ? 'string' : 'value';
    if (!this.row) this.maybeStartRow(i);
    if (c === 0x7b || c === 0x5b) {
      this.frames.push({ array: c === 0x5b, key: null, index: 0 });
      this.expect = c === 0x5b ? Expect.ValueOrClose : Expect.KeyOrClose;
    } else if (c === 0x22) {
      this.inString = true;
      this.stringIsKey = false;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      this.scalar = s[i] ?? '';
    } else {
      this.fail(`expected a value, found ${shown(s[i])}`, i);
    }
  }

  private close(s: string, i: number, array: boolean): void {
    const top = this.frames.pop();
    if (!top || top.array !== array) return this.fail(`unexpected ${shown(s[i])}`, i);
    this.valueEnded(s, i + 1);
  }

  /** After a value: the row it completes is handed out, and the parent expects a comma or its end. */
  private valueEnded(s: string, end: number): void {
    if (this.row && this.frames.length === this.row.depth) this.finishRow(s, end);
    this.expect = this.frames.length === 0 ? Expect.Nothing : Expect.CommaOrClose;
  }

  /**
   * Reads on to the string's closing quote, jumping from quote to quote (an `indexOf` costs nothing
   * next to a character loop, and Lexical held in a string escapes every quote of its own): a quote
   * after an odd run of backslashes is escaped. A backslash ending the chunk escapes the next one's first character.
   */
  private readString(s: string, start: number): number {
    const from = this.escapePending ? start + 1 : start;
    this.escapePending = false;
    let i = from;
    for (;;) {
      const quote = s.indexOf('"', i);
      if (quote < 0) {
        this.escapePending = backslashesBefore(s, s.length, from) % 2 === 1;
        if (this.stringIsKey) this.key += s.slice(start);
        return s.length;
      }
      if (backslashesBefore(s, quote, from) % 2 === 1) {
        i = quote + 1;
        continue;
      }
      this.inString = false;
      if (this.stringIsKey) {
        this.key += s.slice(start, quote);
        this.setKey(quote);
      } else {
        this.valueEnded(s, quote + 1);
      }
      return quote + 1;
    }
  }

  private setKey(at: number): void {
    let key = this.key;
    if (key.includes('\\')) {
      try {
        key = JSON.parse(`"${key}"`) as string;
      } catch {
        this.fail('a property name with a broken escape', at);
      }
    }
    const top = this.frames.at(-1);
    if (top) top.key = key;
    this.key = '';
    this.expect = Expect.Colon;
    // A table of the export: `db[n].data.<name>` or `data.<name>`.
    if (this.isDataObject(this.frames.length - 1)) this.tables.add(key);
  }

  private readScalar(s: string, start: number): number {
    let i = start;
    while (i < s.length && !isDelimiter(s.charCodeAt(i))) i++;
    this.scalar += s.slice(start, i);
    if (this.scalar !== null && this.scalar.length > MAX_SCALAR_CHARS) this.fail('a value too long to be a number or a literal', start);
    if (i < s.length) this.endScalar(i, s);
    return i;
  }

  private endScalar(at: number, s = ''): void {
    const scalar = this.scalar ?? '';
    this.scalar = null;
    if (!SCALAR.test(scalar)) this.fail(`unexpected ${shown(scalar.slice(0, 40))}`, at);
    this.valueEnded(s, at);
  }

  /** Whether frames[depth] is an export's `data` object: the root's `data`, or `db[n].data`. */
  private isDataObject(depth: number): boolean {
    const f = this.frames;
    if (depth === 1) return f[0]?.array === false && f[0].key === 'data' && f[1]?.array === false;
    if (depth !== 3) return false;
    return f[0]?.key === 'db' && f[1]?.array === true && f[2]?.array === false && f[2].key === 'data' && f[3]?.array === false;
  }

  /** A value starting at a row's place (`…data.<table>[n]`), or the meta object, starts a row. */
  private maybeStartRow(i: number): void {
    const depth = this.frames.length;
    const f = this.frames;
    let table: string | null = null;
    let index = 0;
    const tableArray = f[depth - 1];
    if (tableArray?.array && this.isDataObject(depth - 2)) {
      table = f[depth - 2]?.key ?? null;
      index = tableArray.index;
    } else if ((depth === 1 && f[0]?.key === 'meta') || (depth === 3 && f[0]?.key === 'db' && f[1]?.array && f[2]?.key === 'meta')) {
      table = 'meta';
    }
    if (table === null) return;
    const mode = this.modeOf(table);
    if (mode === 'skip') return;
    const column = this.offset + i - this.lineStart + 1;
    this.row = { table, index, depth, mode, parts: [], size: 0, line: this.line, column, path: this.path() };
    this.rowStart = i;
  }

  private keepRowPart(s: string, end: number): void {
    const row = this.row;
    if (!row || row.mode !== 'read' || row.size > MAX_ROW_CHARS) return;
    const part = s.slice(this.rowStart, end);
    row.size += part.length;
    if (row.size <= MAX_ROW_CHARS) row.parts.push(part);
    else row.parts = [];
  }

  private finishRow(s: string, end: number): void {
    const row = this.row;
    if (!row) return;
    this.keepRowPart(s, end);
    const tooLarge = row.size > MAX_ROW_CHARS;
    const text = row.mode === 'read' && !tooLarge ? row.parts.join('') : null;
    this.out.push({ table: row.table, index: row.index, text, tooLarge, line: row.line, column: row.column, path: row.path });
    this.row = null;
  }

  private path(): string {
    let path = '';
    for (const frame of this.frames) {
      if (frame.array) path += `[${frame.index}]`;
      else if (frame.key !== null) path += path ? `.${frame.key}` : frame.key;
    }
    return path;
  }

  private fail(reason: string, i: number): never {
    throw new JsonStructureError(reason, this.line, this.offset + i - this.lineStart + 1, this.path());
  }
}

/** How many backslashes stand right before `end` (none before `from` counts). */
function backslashesBefore(s: string, end: number, from: number): number {
  let k = end;
  while (k > from && s.charCodeAt(k - 1) === 0x5c) k--;
  return end - k;
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || c === 0x3a || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x22;
}

function shown(text: string | undefined): string {
  return text === undefined || text === '' ? 'the end' : JSON.stringify(text);
}

/**
 * The rows of the tables `modeOf` asks for, in file order, then the file's shape.
 * @param source decoded text (a stream read with `encoding: 'utf8'` keeps characters whole)
 */
export async function* ghostJsonRows(source: AsyncIterable<string>, modeOf: (table: string) => TableMode): AsyncGenerator<JsonRow, JsonShape> {
  const scanner = new JsonScanner(modeOf);
  for await (const chunk of source) yield* scanner.write(chunk);
  return scanner.end();
}

/** Where in a row a JSON.parse error is, as the row's line and column in the file. */
export function parseRow(row: JsonRow): { value: unknown } | { error: string; line: number; column: number } {
  try {
    return { value: JSON.parse(row.text ?? 'null') as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message)?.[1];
    if (at === undefined) return { error: tidyParseError(message), line: row.line, column: row.column };
    const before = (row.text ?? '').slice(0, Number(at));
    const lines = before.split('\n');
    const line = row.line + lines.length - 1;
    const column = lines.length === 1 ? row.column + before.length : (lines.at(-1)?.length ?? 0) + 1;
    return { error: tidyParseError(message), line, column };
  }
}

/** V8's message without its position (given as line and column instead) or its quotation of the text. */
function tidyParseError(message: string): string {
  return (
    message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*$/s, '')
      .trim() || message
  );
}
