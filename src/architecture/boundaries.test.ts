import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkBoundaries, folderOf, type BoundaryReport } from '../../scripts/check-boundaries.mjs';

/** Writes a tiny src/ tree (path → source) in a fresh temporary folder and returns its root. */
function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-boundaries-'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

const reported = (report: BoundaryReport, rule: string) =>
  report.violations.filter((violation) => violation.rule === rule).map((violation) => `${violation.from} -> ${violation.to}`);

/** A layered tree that keeps every rule: app → web → module index → service → repository → db → shared. */
const CLEAN: Record<string, string> = {
  'src/app.ts': "import { siteRoutes } from './web/site/site.routes.js';\nexport const app = siteRoutes;\n",
  'src/web/site/site.routes.ts': "import { articleTitle } from '../../modules/articles/index.js';\nexport const siteRoutes = articleTitle;\n",
  'src/modules/articles/index.ts': "export { articleTitle } from './article.service.js';\n",
  'src/modules/articles/article.service.ts':
    "import { tagName } from '../tags/index.js';\nimport type { ArticleRow } from './article.repository.js';\nexport const articleTitle = (row: ArticleRow) => row.title + tagName;\n",
  'src/modules/articles/article.repository.ts':
    "import type { Db } from '../../db/database.js';\nexport interface ArticleRow { title: string; db?: Db }\n",
  'src/modules/tags/index.ts': "export { tagName } from './tag.service.js';\n",
  'src/modules/tags/tag.service.ts': "import { clean } from '../../shared/text.js';\nexport const tagName = clean('tag');\n",
  'src/db/database.ts': "import { clean } from '../shared/text.js';\nexport type Db = { name: string };\nexport const dbName = clean('db');\n",
  'src/shared/text.ts': 'export const clean = (text: string) => text.trim();\n',
  // Tests may look inside what they test, even from the web layer.
  'src/web/site/site.routes.test.ts':
    "import type { ArticleRow } from '../../modules/articles/article.repository.js';\nimport { dbName } from '../../db/database.js';\nexport const row: ArticleRow = { title: dbName };\n",
};

describe('the import-boundary check (scripts/check-boundaries.mjs)', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });
  const check = (files: Record<string, string>) => {
    const root = fixture(files);
    roots.push(root);
    return checkBoundaries(root);
  };

  it('passes a tree that keeps every rule', async () => {
    const report = await check(CLEAN);
    assert.deepEqual(report.violations, []);
    assert.equal(report.fileCount, Object.keys(CLEAN).length);
  });

  it('reports the web layer reaching a repository or the database', async () => {
    const report = await check({
      ...CLEAN,
      'src/web/site/bad.routes.ts':
        "import { dbName } from '../../db/database.js';\nimport type { ArticleRow } from '../../modules/articles/article.repository.js';\nexport const bad: ArticleRow = { title: dbName };\n",
    });
    assert.deepEqual(reported(report, 'web-not-into-db').sort(), [
      'src/web/site/bad.routes.ts -> src/db/database.ts',
      'src/web/site/bad.routes.ts -> src/modules/articles/article.repository.ts',
    ]);
    assert.deepEqual(reported(report, 'outside-through-index'), ['src/web/site/bad.routes.ts -> src/modules/articles/article.repository.ts']);
  });

  it("reports a module importing another module's internals instead of its index.ts", async () => {
    const report = await check({
      ...CLEAN,
      'src/modules/articles/article.service.ts':
        "import { tagName } from '../tags/tag.service.js';\nexport const articleTitle = (title: string) => title + tagName;\n",
    });
    assert.deepEqual(reported(report, 'module-through-index'), ['src/modules/articles/article.service.ts -> src/modules/tags/tag.service.ts']);
  });

  it('reports a cycle between two files, once', async () => {
    const report = await check({
      ...CLEAN,
      'src/shared/one.ts': "import { two } from './two.js';\nexport const one = () => two();\n",
      'src/shared/two.ts': "import { one } from './one.js';\nexport const two = (): unknown => one;\n",
    });
    const cycles = report.violations.filter((violation) => violation.rule === 'no-circular');
    assert.equal(cycles.length, 1);
    assert.deepEqual(cycles[0]?.cycle, ['src/shared/one.ts', 'src/shared/two.ts', 'src/shared/one.ts']);
  });

  it('reports a cycle between folders that no two files form', async () => {
    const report = await check({
      ...CLEAN,
      'src/cluster/cluster.ts': "import { limit } from '../config/config.js';\nexport const cluster = limit;\n",
      'src/cluster/redis.ts': 'export const redisPort = 6379;\n',
      'src/config/config.ts': "import { redisPort } from '../cluster/redis.js';\nexport const limit = redisPort;\n",
    });
    assert.deepEqual(reported(report, 'no-circular'), []);
    const folderCycles = report.violations.flatMap((violation) => (violation.folderCycle ? [violation.folderCycle] : []));
    assert.deepEqual(
      folderCycles.map((cycle) => cycle.folders),
      [['src/cluster', 'src/config']],
    );
    assert.deepEqual(
      folderCycles[0]?.imports.map((edge) => edge.examples),
      [['src/cluster/cluster.ts → src/config/config.ts'], ['src/config/config.ts → src/cluster/redis.ts']],
    );
  });

  it('reports modules and shared code reaching up into the web layer or the wiring, and shared code into modules', async () => {
    const report = await check({
      ...CLEAN,
      'src/deps.ts': 'export const deps = {};\n',
      'src/modules/tags/tag-links.ts': "import { siteRoutes } from '../../web/site/site.routes.js';\nexport const links = siteRoutes;\n",
      'src/shared/wiring.ts':
        "import { deps } from '../deps.js';\nimport { tagName } from '../modules/tags/index.js';\nexport const wiring = [deps, tagName];\n",
    });
    assert.deepEqual(reported(report, 'core-not-into-edge').sort(), [
      'src/modules/tags/tag-links.ts -> src/web/site/site.routes.ts',
      'src/shared/wiring.ts -> src/deps.ts',
    ]);
    assert.deepEqual(reported(report, 'shared-not-into-modules'), ['src/shared/wiring.ts -> src/modules/tags/index.ts']);
  });

  it('collapses files to folders: one node per module, per web area, per other folder, and one for src/ itself', () => {
    assert.equal(folderOf('src/modules/search/search.service.ts'), 'src/modules/search');
    assert.equal(folderOf('src/web/site/components/masthead.tsx'), 'src/web/site');
    assert.equal(folderOf('src/db/dialects/full-text.ts'), 'src/db');
    assert.equal(folderOf('src/deps.ts'), 'src/*');
    assert.equal(folderOf('e2e/support/browser.ts'), undefined);
  });
});
