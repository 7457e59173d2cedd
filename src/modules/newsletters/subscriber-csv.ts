/** One row of a CSV file, with its line number (1-based, of the line it starts on). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Reads RFC 4180 CSV: commas, quoted cells with doubled quotes, CRLF or LF line ends, a quoted
 * cell may span lines. Empty lines are skipped. A quote left open is reported as `unclosedAt`.
 */
export function parseCsv(text: string): { rows: CsvRow[]; unclosedAt?: number } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
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
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { rows, unclosedAt: rowLine };
  endRow();
  return { rows };
}

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed
 * with ' so a spreadsheet does not run it as a formula (CSV injection). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
