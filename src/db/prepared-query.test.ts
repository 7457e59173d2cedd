import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { preparedQuery } from './prepared-query.js';

describe('prepared queries', () => {
  let t: TestApp;
  const slugs = ['alpha', 'bravo', 'charlie', 'delta'];
  before(async () => {
    t = await createTestApp();
    for (const [index, slug] of slugs.entries()) await t.factories.section({ slug, name: `Section ${index}` });
  });
  after(() => t.close());

  const sectionsBySlug = preparedQuery((db, slugList: readonly string[], limit: number) =>
    db.selectFrom('sections').select(['slug', 'name']).where('slug', 'in', slugList).orderBy('slug').limit(limit),
  );

  it('binds each call’s own values to the SQL compiled once per shape, and is logged like any statement', async () => {
    const { statements, result } = await t.deps.database.statements.record(async () => [
      await sectionsBySlug(t.deps.db, ['alpha', 'charlie'], 10),
      await sectionsBySlug(t.deps.db, ['bravo', 'delta'], 1),
      await sectionsBySlug(t.deps.db, ['delta', 'charlie', 'nope'], 10),
    ]);
    assert.deepEqual(
      result.map((rows) => rows.map((row) => row.slug)),
      [['alpha', 'charlie'], ['bravo'], ['charlie', 'delta']],
    );
    assert.deepEqual(statements[1]?.parameters, ['bravo', 'delta', 1]);
    assert.equal(statements[0]?.sql, statements[1]?.sql, 'the same shape, the same SQL');
    assert.notEqual(statements[2]?.sql, statements[0]?.sql, 'a longer list is a shape of its own');
  });

  it('keeps constants of the query beside the arguments, and takes null as a shape of its own', async () => {
    const named = preparedQuery((db, slug: string | null) => {
      const query = db.selectFrom('sections').select('slug').where('name', '!=', 'nothing is called this');
      return slug === null ? query.where('slug', 'is', null) : query.where(sql`slug`, '=', slug);
    });
    assert.deepEqual(await named(t.deps.db, 'bravo'), [{ slug: 'bravo' }]);
    assert.deepEqual(await named(t.deps.db, null), []);
    assert.deepEqual(await named(t.deps.db, 'delta'), [{ slug: 'delta' }]);
  });

  it('answers lists longer than it keeps shapes for, built afresh', async () => {
    const many = [...Array.from({ length: 300 }, (_, index) => `missing-${index}`), 'alpha'];
    assert.deepEqual(
      (await sectionsBySlug(t.deps.db, many, 5)).map((row) => row.slug),
      ['alpha'],
    );
  });

  it('refuses a query that uses an argument as anything but a bound value', async () => {
    // As SQL text (here a column name): the stand-in would be compiled into every later call's SQL.
    const byColumn = preparedQuery((db, column: string) => db.selectFrom('sections').select(sql.ref(column).as('value')));
    await assert.rejects(byColumn(t.deps.db, 'slug'), /part of the SQL text/);
    // Changed before use: the value bound would not be the caller's.
    const prefixed = preparedQuery((db, slug: string) => db.selectFrom('sections').select('slug').where('slug', 'like', `${slug}%`));
    await assert.rejects(prefixed(t.deps.db, 'al'), /changed before being bound/);
    // Not used at all: the caller's value would be ignored.
    const ignored = preparedQuery((db, _slug: string) => db.selectFrom('sections').select('slug'));
    await assert.rejects(ignored(t.deps.db, 'alpha'), /not bound as values/);
  });
});
