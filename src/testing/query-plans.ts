import { CompiledQuery } from 'kysely';
import type { Db, LoggedStatement } from '../db/database.js';

/**
 * Query plans of recorded statements, and what is wrong with them at archive scale: a full scan of
 * a large table, or a whole-table range (every published story) that is sorted or aggregated.
 * Used by the reading path's EXPLAIN test; tables that stay small whatever the archive's size
 * (sections, settings, static pages…) are named by the caller and may be scanned.
 */
export interface PlanReview {
  plan: string;
  problems: string[];
}

export type Engine = 'sqlite' | 'postgres';

export async function reviewPlan(db: Db, engine: Engine, statement: LoggedStatement, smallTables: ReadonlySet<string>): Promise<PlanReview> {
  return engine === 'sqlite' ? reviewSqlite(db, statement, smallTables) : reviewPostgres(db, statement, smallTables);
}

// ---- SQLite: EXPLAIN QUERY PLAN --------------------------------------------------------------

interface SqlitePlanRow {
  id: number;
  parent: number;
  detail: string;
}

/**
 * `SCAN t` (with or without an index) reads all of t. `SEARCH t USING … (a=? AND b<?)` reads a
 * range: bounded when it has an equality on a selective column, or when the rows come in the
 * index's order and a LIMIT stops them; a range on the timeline alone (`published_at<?`) feeding a
 * sort (`USE TEMP B-TREE FOR ORDER BY`) or an aggregate reads every published story. A full-text
 * match (`SCAN … VIRTUAL TABLE`) feeding a sort ranks every match: a word found in most stories
 * reads most of the archive (the index must give matches in order, newest first, and a LIMIT stop
 * them); and each match may only look up rows by key, not read a range (a section's stories) each.
 */
async function reviewSqlite(db: Db, statement: LoggedStatement, smallTables: ReadonlySet<string>): Promise<PlanReview> {
  const result = await db.executeQuery<SqlitePlanRow>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
  const rows = result.rows;
  const plan = rows.map((row) => `${row.parent}/${row.id} ${row.detail}`).join('\n');
  const problems: string[] = [];
  const aggregate = /^\s*select\s+(count|max|min|sum)\(/i.test(statement.sql) || /\bgroup by\b/i.test(statement.sql);
  const sortsAll = rows.some((row) => /^USE TEMP B-TREE FOR (ORDER BY|GROUP BY|DISTINCT)$/.test(row.detail));
  const fullText = rows.some((row) => /^SCAN \w+ VIRTUAL TABLE/.test(row.detail));
  // A subquery's rows (`SCAN posting` of a co-routine): bounded by its own plan, reviewed here too.
  const tables = new Set(
    (await db.executeQuery<{ name: string }>(CompiledQuery.raw(`select name from sqlite_master where type = 'table'`))).rows.map((row) => row.name),
  );
  for (const { detail } of rows) {
    if (sortsAll && /^SCAN \w+ VIRTUAL TABLE/.test(detail)) problems.push(`sorts every full-text match: ${detail}`);
    if (fullText && /^SEARCH /.test(detail) && !/\((id|search_rowid|rowid)=\?/.test(detail))
      problems.push(`reads a range for every full-text match: ${detail}`);
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
    if (scan && !detail.includes('VIRTUAL TABLE') && tables.has(scan[1] ?? '') && isLarge(scan[1], smallTables)) {
      problems.push(`full scan: ${detail}`);
      continue;
    }
    const search = /^SEARCH (\w+) USING (?:COVERING |PRIMARY KEY |INTEGER PRIMARY KEY )?(?:INDEX (\w+) )?\((.*)\)$/.exec(detail);
    if (search && isLarge(search[1], smallTables) && !hasSelectiveEquality(search[3] ?? '')) {
      const unused = keyFilters(statement.sql, search[1] ?? '').filter((column) => !usesColumn(search[3] ?? '', column));
      if (sortsAll) problems.push(`sorts a whole-table range: ${detail}`);
      else if (aggregate) problems.push(`aggregates a whole-table range: ${detail}`);
      // `id in (…)` checked row by row along the timeline: the LIMIT stops nothing until enough match.
      else if (unused.length > 0) problems.push(`walks a whole-table range filtering by ${unused.join(', ')}: ${detail}`);
    }
  }
  return { plan, problems };
}

/** Columns whose equality narrows nothing: nearly every row has the same few values. */
const UNSELECTIVE = new Set(['status']);

function hasSelectiveEquality(constraints: string): boolean {
  return constraints.split(' AND ').some((term) => {
    const equality = /^(\w+)=\?$/.exec(term.trim());
    return equality !== null && !UNSELECTIVE.has(equality[1] ?? '');
  });
}

/** Columns of `table` the statement compares to a key (`"t"."c" = ?`, `"t"."c" in (…)`), but for unselective ones. */
function keyFilters(sql: string, table: string): string[] {
  const pattern = new RegExp(`"${table}"\\."(\\w+)" (?:=|in) `, 'g');
  return [...sql.matchAll(pattern)].flatMap((match) => (match[1] && !UNSELECTIVE.has(match[1]) ? [match[1]] : []));
}

function usesColumn(constraints: string, column: string): boolean {
  return constraints
    .split(' AND ')
    .some((term) => term.trim().startsWith(`${column}=`) || term.trim().startsWith(`${column}>`) || term.trim().startsWith(`${column}<`));
}

function isLarge(table: string | undefined, smallTables: ReadonlySet<string>): boolean {
  return table !== undefined && !smallTables.has(table) && !table.startsWith('sqlite_');
}

// ---- PostgreSQL: EXPLAIN (FORMAT JSON) -------------------------------------------------------

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  'Plan Rows'?: number;
  Plans?: PgNode[];
}

/**
 * Planned after ANALYZE with sequential scans, hash joins and merge joins priced out, so the plan
 * says whether index lookups can serve the statement at all, whatever the test archive's size (on a
 * few thousand rows PostgreSQL rightly reads small tables whole and hashes them): a Seq Scan of a
 * large table, or an index read from end to end with no condition and no LIMIT, means they cannot.
 * A Sort or an Aggregate whose input is estimated at half the table or more (and more than a few
 * hundred rows) sorts or counts (nearly) every row.
 */
const PRICED_OUT = ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'];
const BOUNDED_ROWS = 200;

async function reviewPostgres(db: Db, statement: LoggedStatement, smallTables: ReadonlySet<string>): Promise<PlanReview> {
  const result = await db.connection().execute(async (connection) => {
    for (const setting of PRICED_OUT) await connection.executeQuery(CompiledQuery.raw(`set ${setting} = off`));
    try {
      return await connection.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PgNode }> }>(
        CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]),
      );
    } finally {
      for (const setting of PRICED_OUT) await connection.executeQuery(CompiledQuery.raw(`reset ${setting}`));
    }
  });
  const root = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!root) return { plan: '(no plan)', problems: ['no plan'] };
  const sizes = await tableSizes(db, relations(root));
  const problems: string[] = [];
  const lines: string[] = [];
  const visit = (node: PgNode, depth: number, limited: boolean) => {
    lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    const relation = node['Relation Name'];
    const large = relation !== undefined && !smallTables.has(relation);
    if (large && node['Node Type'] === 'Seq Scan') problems.push(`full scan: ${describe(node)}`);
    if (large && /Index/.test(node['Node Type']) && !node['Index Cond'] && !limited) problems.push(`reads a whole index: ${describe(node)}`);
    // An index range with no equality, filtering by primary key: `id = ANY (…)` checked row by row
    // along the timeline, which a LIMIT does not stop until enough rows match. (Filtering by a
    // section along the timeline is PostgreSQL's costed choice from its statistics, and fine.)
    const cond = node['Index Cond'] ?? node['Recheck Cond'] ?? '';
    if (large && /\(id = /.test(node.Filter ?? '') && !/ = /.test(cond)) problems.push(`filters by id along a range: ${describe(node)}`);
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Aggregate') {
      const input = node.Plans?.[0];
      for (const scanned of input ? relations(input) : []) {
        const size = sizes.get(scanned) ?? 0;
        const rows = input?.['Plan Rows'] ?? 0;
        // A few hundred rows (a page, a story's links) are bounded whatever share of a table they are.
        if (!smallTables.has(scanned) && size > 0 && rows >= size / 2 && rows >= BOUNDED_ROWS) {
          problems.push(`${node['Node Type'] === 'Sort' ? 'sorts' : 'aggregates'} most of ${scanned} (${input?.['Plan Rows']} of ${size} rows)`);
        }
      }
    }
    const stillLimited = node['Node Type'] === 'Limit' || (limited && node['Node Type'] !== 'Sort' && node['Node Type'] !== 'Aggregate');
    for (const child of node.Plans ?? []) visit(child, depth + 1, stillLimited);
  };
  visit(root, 0, false);
  return { plan: lines.join('\n'), problems };
}

function describe(node: PgNode): string {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const index = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const cond = node['Index Cond'] ? ` (${node['Index Cond']})` : '';
  return `${node['Node Type']}${on}${index}${cond} rows=${node['Plan Rows'] ?? '?'}`;
}

function relations(node: PgNode): string[] {
  return [...(node['Relation Name'] ? [node['Relation Name']] : []), ...(node.Plans ?? []).flatMap(relations)];
}

async function tableSizes(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(tables)];
  if (unique.length === 0) return new Map();
  const result = await db.executeQuery<{ relname: string; reltuples: number | string }>(
    CompiledQuery.raw(
      `select relname, reltuples from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace and relname = any($1)`,
      [unique],
    ),
  );
  return new Map(result.rows.map((row) => [row.relname, Number(row.reltuples)]));
}
