import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/** What a prepared query's arguments may be: values bound as they are, or lists of them (`in (…)`). */
type Argument = string | number | null | readonly string[];

/** Where a compiled query's parameter comes from: an argument (an element of a list one), or a constant. */
type Slot = { argument: number; element: number | null } | { constant: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const MARK = '\u0000prepared-query-argument:';

/**
 * Longer lists are built afresh each time: every length is a shape of its own, and an importer's
 * thousands of ids would otherwise keep thousands of ever longer SQL texts.
 */
const MAX_PREPARED_LIST = 256;

/**
 * A query built with Kysely's builder once per shape and reused. Building and compiling a query
 * costs about as much as SQLite takes to run a simple one (a tenth of an uncached article page,
 * profiled), and the reading path runs the same few shapes all day. `build` is called once per
 * database dialect and per shape (the lengths of its list arguments) with stand-ins for the
 * arguments; later calls only bind the real values to the SQL compiled then.
 *
 * So `build` must use each argument only as a value to bind (`where(column, '=', x)`, `in` a list,
 * `limit(n)`), never to decide the query's shape or compute something else: that is checked on the
 * first call (a stand-in found in the SQL text, or one missing from the parameters, throws).
 * The statement still goes through the handle's executor: the statement log sees it as any other.
 * Kysely plugins' `transformQuery` does not (the query is compiled once, without them): the
 * application uses none; count statements with the statement log, not a plugin.
 */
export function preparedQuery<Args extends Argument[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  // Per adapter (SQLite's and PostgreSQL's compile differently), shared by a handle and its transactions.
  const templates = new WeakMap<object, Map<string, Template>>();
  return async (db, ...args) => {
    if (args.some((argument) => Array.isArray(argument) && argument.length > MAX_PREPARED_LIST))
      return (await db.executeQuery(build(db, ...args))).rows;
    const adapter = db.getExecutor().adapter;
    let byShape = templates.get(adapter);
    if (!byShape) templates.set(adapter, (byShape = new Map<string, Template>()));
    const shape = args.map((argument) => (Array.isArray(argument) ? `[${argument.length}]` : argument === null ? 'null' : typeof argument)).join(',');
    let template = byShape.get(shape);
    if (!template) byShape.set(shape, (template = compileTemplate(db, build, args)));
    const parameters = template.slots.map((slot) => ('constant' in slot ? slot.constant : valueOf(args[slot.argument], slot.element)));
    const result = await db.executeQuery<Row>({ ...template.compiled, parameters });
    return result.rows;
  };
}

function valueOf(argument: Argument | undefined, element: number | null): unknown {
  return element === null ? argument : (argument as readonly string[])[element];
}

function compileTemplate<Args extends Argument[], Row>(db: Db, build: (db: Db, ...args: Args) => Compilable<Row>, args: Args): Template {
  // Nulls stay nulls: `is null` compiles differently from `= ?`, so null is part of the shape.
  const standIns = args.map((argument, index) =>
    Array.isArray(argument) ? argument.map((_, element) => `${MARK}${index}.${element}`) : argument === null ? null : `${MARK}${index}`,
  ) as unknown as Args;
  const compiled = build(db, ...standIns).compile();
  if (compiled.sql.includes(MARK)) throw new Error(`preparedQuery: an argument became part of the SQL text, not a bound value: ${compiled.sql}`);
  const slotOf = new Map<string, Slot>();
  standIns.forEach((standIn, argument) => {
    if (Array.isArray(standIn)) standIn.forEach((element: string, index) => slotOf.set(element, { argument, element: index }));
    else if (standIn !== null) slotOf.set(standIn as string, { argument, element: null });
  });
  const used = new Set<string>();
  const slots = compiled.parameters.map((parameter): Slot => {
    if (typeof parameter !== 'string' || !parameter.includes(MARK)) return { constant: parameter };
    const slot = slotOf.get(parameter);
    if (!slot) throw new Error(`preparedQuery: an argument was changed before being bound: ${JSON.stringify(parameter)}`);
    used.add(parameter);
    return slot;
  });
  const unused = [...slotOf.keys()].filter((standIn) => !used.has(standIn));
  if (unused.length > 0) throw new Error(`preparedQuery: arguments not bound as values (unused): ${unused.join(', ')}`);
  return { compiled, slots };
}
