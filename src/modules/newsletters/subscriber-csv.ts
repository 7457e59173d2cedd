import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { AppError } from '../../shared/errors.js';

/** One row of a CSV file, with its line number (1-based, of the line it starts on). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** What a CSV text was read into; `unclosedAt` is the line of a quote never closed (the rest unread). */
export interface ParsedCsv {
  rows: CsvRow[];
  unclosedAt?: number;
}

/**
 * Reads RFC 4180 CSV: commas, quoted cells with doubled quotes, CRLF or LF line ends, a quoted
 * cell may span lines. Empty lines are skipped. A quote left open is reported as `unclosedAt`.
 */
export function parseCsv(text: string): ParsedCsv {
  const rows: CsvRow[] = [];
  const reader = readCsv(text);
  for (let next = reader.next(); ; next = reader.next()) {
    if (next.done) return next.value === undefined ? { rows } : { rows, unclosedAt: next.value };
    rows.push(next.value);
  }
}

/**
 * `parseCsv` for a large text (an uploaded file): every `rowsPerTurn` rows the event loop gets a
 * turn, since a 5 MB file takes a few hundred milliseconds to read. Stops reading, and returns
 * `undefined`, once the text has more than `maxRows` rows.
 */
export async function parseCsvInTurns(text: string, options: { maxRows: number; rowsPerTurn: number }): Promise<ParsedCsv | undefined> {
  const rows: CsvRow[] = [];
  const reader = readCsv(text);
  for (let next = reader.next(); ; next = reader.next()) {
    if (next.done) return next.value === undefined ? { rows } : { rows, unclosedAt: next.value };
    if (rows.push(next.value) > options.maxRows) return undefined;
    if (rows.length % options.rowsPerTurn === 0) await nextTurnOfEventLoop();
  }
}

/** The rows of `text` one by one; returns the line of a quote left open, if any. */
function* readCsv(text: string): Generator<CsvRow, number | undefined> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  // The row just ended, unless it was an empty line.
  const endRow = (): CsvRow | undefined => {
    cells.push(cell);
    const row = cells.length === 1 && cells[0] === '' ? undefined : { line: rowLine, cells };
    cells = [];
    cell = '';
    return row;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      const row = endRow();
      if (row) yield row;
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return rowLine;
  const row = endRow();
  if (row) yield row;
  return undefined;
}

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed
 * with ' so a spreadsheet does not run it as a formula (CSV injection). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Names a CSV file may have: a spreadsheet's "Save as CSV" gives .csv, some mail tools .txt. */
const CSV_FILE_NAME = /\.(csv|txt)$/i;

/**
 * An uploaded file's text, or a coded refusal: empty (ERR_SUBSCRIBER_FILE_EMPTY), or not CSV text
 * (ERR_SUBSCRIBER_FILE_NOT_CSV): named as another kind of file (.xlsx, .json), holding a NUL byte
 * (a spreadsheet, a picture, UTF-16 text) or not valid UTF-8 (such as a Windows-1252 export, whose
 * accented letters would otherwise be stored garbled). A leading byte order mark is dropped.
 */
export function csvFileText(file: { name: string; bytes: Buffer }): string {
  const name = file.name.trim();
  if (name.includes('.') && !CSV_FILE_NAME.test(name)) throw new AppError('ERR_SUBSCRIBER_FILE_NOT_CSV', `named ${name.slice(-40)}`);
  if (file.bytes.includes(0)) throw new AppError('ERR_SUBSCRIBER_FILE_NOT_CSV', 'holds a NUL byte');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    throw new AppError('ERR_SUBSCRIBER_FILE_NOT_CSV', 'not UTF-8');
  }
  if (text.trim() === '') throw new AppError('ERR_SUBSCRIBER_FILE_EMPTY');
  return text;
}
