// The import-boundary check (`npm run check:boundaries`): runs dependency-cruiser once over src/
// with the rules in .dependency-cruiser.mjs, then collapses the file graph to folders and looks for
// cycles between them, which no dependency-cruiser rule can express. Prints every violation and
// exits non-zero on any.
//   node scripts/check-boundaries.mjs [root]     root defaults to the repository
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import boundaries from '../.dependency-cruiser.mjs';

export const FOLDER_CYCLE_RULE = 'no-folder-cycle';

/** Test files are leaves: nothing imports them, so their imports never make a folder depend on another. */
const TEST_FILE = /\.test\.tsx?$/;

/**
 * The node of the folder graph a file belongs to: each area of src/modules/ and src/web/ is one
 * node, every other folder directly under src/ (db, shared, cluster, …) is one, and the files
 * directly in src/ (app.ts, deps.ts, main.ts, …) are one together, `src/*`.
 * @param {string} file a path relative to the root, with forward slashes
 * @returns {string | undefined} undefined outside src/
 */
export function folderOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  if (parts.length === 2) return 'src/*';
  if ((parts[1] === 'modules' || parts[1] === 'web') && parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.slice(0, 2).join('/');
}

/**
 * Checks the import boundaries of the tree at `rootDir` (its src/ folder).
 * @param {string} rootDir
 * @returns {Promise<import('./check-boundaries.d.mts').BoundaryReport>}
 */
export async function checkBoundaries(rootDir) {
  const started = performance.now();
  const root = path.resolve(rootDir);
  const { tsConfig, ...options } = boundaries.options;
  const tsConfigFile = tsConfig?.fileName ? path.join(root, tsConfig.fileName) : undefined;
  const hasTsConfig = tsConfigFile !== undefined && fs.existsSync(tsConfigFile);
  const result = await cruise(
    ['src'],
    {
      ...options,
      ...(hasTsConfig ? { tsConfig: { fileName: tsConfigFile } } : {}),
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: boundaries.forbidden },
    },
    undefined,
    hasTsConfig ? { tsConfig: extractTSConfig(tsConfigFile) } : undefined,
  );
  const output = /** @type {import('dependency-cruiser').ICruiseResult} */ (result.output);
  const violations = [];
  const cyclesSeen = new Set();
  for (const violation of output.summary.violations) {
    if (violation.rule.severity !== 'error') continue;
    if (violation.type === 'cycle' && violation.cycle) {
      // dependency-cruiser reports a cycle once from each file on it; one report per cycle is enough.
      const files = [violation.from, ...violation.cycle.map((step) => step.name)];
      files.pop();
      const key = rotateToSmallest(files).join(' ');
      if (cyclesSeen.has(key)) continue;
      cyclesSeen.add(key);
      violations.push({ rule: violation.rule.name, from: violation.from, to: violation.to, cycle: [...files, violation.from] });
      continue;
    }
    violations.push({ rule: violation.rule.name, from: violation.from, to: violation.to });
  }
  const folderCycles = findFolderCycles(output.modules);
  for (const cycle of folderCycles) {
    violations.push({ rule: FOLDER_CYCLE_RULE, from: cycle.folders[0] ?? '', to: cycle.folders[1] ?? '', folderCycle: cycle });
  }
  return { violations, fileCount: output.modules.length, durationMs: Math.round(performance.now() - started) };
}

/**
 * Every strongly connected group of two or more folders, with the imports between its folders
 * (a few example files for each folder-to-folder edge).
 * @param {readonly import('dependency-cruiser').IModule[]} modules
 */
function findFolderCycles(modules) {
  /** @type {Map<string, Map<string, string[]>>} folder → folder → example "from → to" imports */
  const edges = new Map();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from || TEST_FILE.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map();
      edges.set(from, targets);
      const examples = targets.get(to) ?? [];
      targets.set(to, examples);
      examples.push(`${module.source} → ${dependency.resolved}`);
    }
  }
  return stronglyConnected(edges)
    .filter((group) => group.length > 1)
    .map((group) => {
      const members = new Set(group);
      const folders = [...group].sort();
      const imports = folders.flatMap((from) =>
        [...(edges.get(from) ?? new Map())]
          .filter(([to]) => members.has(to))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([to, examples]) => ({ from, to, count: examples.length, examples: examples.sort().slice(0, 3) })),
      );
      return { folders, imports };
    })
    .sort((a, b) => (a.folders[0] ?? '').localeCompare(b.folders[0] ?? ''));
}

/**
 * Tarjan's algorithm: the graph's strongly connected components.
 * @param {Map<string, Map<string, unknown>>} edges
 * @returns {string[][]}
 */
function stronglyConnected(edges) {
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets.keys()])]);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/** @param {string[]} items */
function rotateToSmallest(items) {
  const smallest = items.indexOf([...items].sort()[0]);
  return [...items.slice(smallest), ...items.slice(0, smallest)];
}

/**
 * The report as text: violations grouped by rule, then a count per rule.
 * @param {import('./check-boundaries.d.mts').BoundaryReport} report
 */
export function formatReport(report) {
  const lines = [];
  const byRule = new Map();
  for (const violation of report.violations) byRule.set(violation.rule, [...(byRule.get(violation.rule) ?? []), violation]);
  const comments = new Map(boundaries.forbidden.map((rule) => [rule.name, rule.comment]));
  comments.set(
    FOLDER_CYCLE_RULE,
    'Folders (each module, each web area, db, shared, …, and the files directly in src/) must not depend on each other in a loop.',
  );
  for (const [rule, violations] of byRule) {
    lines.push('', `✖ ${rule} (${violations.length}): ${comments.get(rule) ?? ''}`);
    for (const violation of violations) {
      if (violation.cycle) lines.push(`    ${violation.cycle.join(' → ')}`);
      else if (violation.folderCycle) {
        lines.push(`    ${violation.folderCycle.folders.join(', ')}:`);
        for (const edge of violation.folderCycle.imports) {
          lines.push(`      ${edge.from} → ${edge.to} (${edge.count} import${edge.count === 1 ? '' : 's'}), e.g. ${edge.examples[0]}`);
        }
      } else lines.push(`    ${violation.from} → ${violation.to}`);
    }
  }
  const summary = [...byRule].map(([rule, violations]) => `${rule} ${violations.length}`).join(', ');
  lines.push(
    '',
    report.violations.length === 0
      ? `Boundaries: ${report.fileCount} files checked, no violations (${report.durationMs} ms).`
      : `Boundaries: ${report.violations.length} violations in ${report.fileCount} files (${summary}) (${report.durationMs} ms).`,
  );
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const report = await checkBoundaries(root);
  console.log(formatReport(report));
  process.exitCode = report.violations.length === 0 ? 0 : 1;
}
