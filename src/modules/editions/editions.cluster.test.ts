import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postForm, signInStaff } from '../../testing/newsroom-client.js';
import { eventually } from '../../testing/node-process.js';
import type { TestApp } from '../../testing/test-app.js';
import { CLUSTER_TEST_SKIP, createTestCluster, type TestCluster } from '../../testing/test-cluster.js';

// Two nodes in this process, one PostgreSQL schema and one Redis: each EditionService holds the
// rows in its own memory, so a change made on A reaches B only through `editions.changed`.
describe('an edition changed on one node is seen by the other', { skip: CLUSTER_TEST_SKIP }, () => {
  let cluster: TestCluster;
  let a: TestApp;
  let b: TestApp;

  before(async () => {
    cluster = await createTestCluster({ nodes: 2 });
    [a, b] = cluster.nodes as [TestApp, TestApp];
  });
  after(() => cluster.close());

  const onB = <T>(check: () => T | undefined, what: string) => eventually(async () => check(), 5_000, what);

  it('added, changed and switched off on A (through the Editions page), then seen by B’s EditionService', async () => {
    const admin = await signInStaff(a, 'admin', '/newsroom/settings/editions');
    const korean = { _csrf: admin.csrf, code: 'ko', 'path-prefix': 'ko', name: '더 데일리', tagline: '', 'time-zone': 'Asia/Seoul' };
    assert.equal((await postForm(a.app, '/newsroom/settings/editions', korean, { cookie: admin.cookie })).statusCode, 303);
    const ko = await onB(() => b.deps.editions.byPrefix('ko'), 'B to know the new edition');
    assert.equal(ko.name, '더 데일리');

    const url = `/newsroom/settings/editions/${ko.id}`;
    assert.equal((await postForm(a.app, url, { ...korean, name: '데이트라인 데일리' }, { cookie: admin.cookie })).statusCode, 303);
    await onB(() => (b.deps.editions.find(ko.id).name === '데이트라인 데일리' ? true : undefined), 'B to see the new name');

    assert.equal((await postForm(a.app, `${url}/switch`, { _csrf: admin.csrf, to: 'off' }, { cookie: admin.cookie })).statusCode, 303);
    await onB(() => (b.deps.editions.byPrefix('ko') === undefined ? true : undefined), 'B to see it switched off');
    assert.equal(b.deps.editions.find(ko.id).enabled, false);

    // And back the other way: B's change reaches A, and B refuses what A just took.
    await b.deps.editions.setEnabled(ko.id, true);
    await eventually(async () => a.deps.editions.byPrefix('ko'), 5_000, 'A to see it switched on');
    const other = await signInStaff(b, 'admin', '/newsroom/settings/editions');
    const taken = await postForm(b.app, '/newsroom/settings/editions', { ...korean, _csrf: other.csrf, code: 'ja' }, { cookie: other.cookie });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.headers['x-error-code'], 'ERR_EDITION_TAKEN');
  });
});
