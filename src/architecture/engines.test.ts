import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  os?: string[];
  cpu?: string[];
}

/** Whether npm installs this package here: prebuilt binaries for other systems (sharp's win32-ia32 …) are skipped. */
function installsHere(locked: LockedPackage): boolean {
  const allows = (list: string[] | undefined, value: string) =>
    !list || list.some((entry) => (entry.startsWith('!') ? entry.slice(1) !== value : entry === value));
  return allows(locked.os, process.platform) && allows(locked.cpu, process.arch);
}

/**
 * `npm install` warns (EBADENGINE) when a package's engines field excludes the running Node.js; a
 * user on any Node.js our own `engines` field admits must never see that, so our range has to sit
 * inside every installed package's range.
 */
describe('the engines field', () => {
  it('admits only Node.js versions that every installed package supports', () => {
    const ours = (readJson('package.json') as { engines: { node: string } }).engines.node;
    assert.ok(semver.validRange(ours), `package.json engines.node "${ours}" is not a valid range`);
    const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
    const narrower: string[] = [];
    for (const [location, locked] of Object.entries(lock.packages)) {
      if (location === '' || Array.isArray(locked.engines) || !installsHere(locked)) continue;
      const theirs = locked.engines?.node;
      if (theirs && !semver.subset(ours, theirs)) narrower.push(`${location}@${locked.version ?? '?'} needs node ${theirs}`);
    }
    assert.deepEqual(narrower, [], `packages that do not support every Node.js that package.json admits (${ours})`);
  });
});
