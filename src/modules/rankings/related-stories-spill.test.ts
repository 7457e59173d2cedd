import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FileSpill, MemorySpill, type TermSpill } from './related-stories-spill.js';

/** Stories of every size, one far larger than the file spill's 4 MB blocks. */
function stories(): Array<{ termNos: Uint32Array; tf: Float32Array }> {
  const sizes = [0, 1, 40, 3, 600_000, 7, 0, 250];
  return sizes.map((size, s) => ({
    termNos: Uint32Array.from({ length: size }, (_, i) => (i * 7919 + s) % 1_000_003),
    tf: Float32Array.from({ length: size }, (_, i) => 1 + Math.log(1 + ((i + s) % 13)) * 0.3),
  }));
}

function replayed(spill: TermSpill): Array<{ termNos: number[]; tf: number[] }> {
  // The arrays handed out may be reused: copied as they come.
  return Array.from(spill.replay(), ({ termNos, tf }) => ({ termNos: [...termNos], tf: [...tf] }));
}

describe('related stories: the terms spilled between the build’s two passes', () => {
  it('replays every story as appended, from memory and from a file, and the file goes with close()', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'spill-test-'));
    try {
      const expected = stories().map(({ termNos, tf }) => ({ termNos: [...termNos], tf: [...tf] }));
      const memory = new MemorySpill();
      const file = new FileSpill(directory);
      for (const story of stories()) {
        memory.append(story.termNos, story.tf);
        file.append(story.termNos, story.tf);
      }
      assert.deepEqual(replayed(memory), expected);
      assert.deepEqual(replayed(file), expected);
      assert.equal(readdirSync(directory).length, 1);
      file.close();
      file.close();
      assert.deepEqual(readdirSync(directory), []);
    } finally {
      rmSync(directory, { recursive: true, force: true });
      assert.equal(existsSync(directory), false);
    }
  });
});
