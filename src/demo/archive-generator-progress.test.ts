import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, progressBar } from './archive-generator-progress.js';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('generate progress bar', () => {
  it('redraws one line on a terminal', () => {
    let now = 0;
    const { writes, stream } = recorder(true);
    const bar = progressBar(stream, 'stories', () => now);
    bar.update(0, 1000);
    now = 62_000;
    bar.update(450, 1000);
    bar.finish();
    assert.equal(writes.length, 3);
    assert.ok(writes.slice(0, 2).every((line) => line.startsWith('\r') && !line.includes('\n')));
    assert.match(writes[1] ?? '', /^\r\[#{14}-{16}\] {2}45% {2}450 \/ 1,000 stories {2}1m 02s/);
    assert.equal(writes[2], '\n');
  });

  it('writes plain lines at each tenth (or every ten seconds) elsewhere', () => {
    let now = 0;
    const { writes, stream } = recorder(false);
    const bar = progressBar(stream, 'stories', () => now);
    for (let done = 0; done <= 1000; done += 50) {
      now += 100;
      bar.update(done, 1000);
    }
    bar.finish();
    assert.equal(writes.length, 11);
    assert.ok(writes.every((line) => line.endsWith('\n') && !line.includes('\r')));
    assert.match(writes.at(-1) ?? '', /^100% {2}1,000 \/ 1,000 stories/);
  });

  it('says how long it took in words a person reads at a glance', () => {
    assert.equal(formatDuration(4_200), '4.2s');
    assert.equal(formatDuration(42_000), '42s');
    assert.equal(formatDuration(185_000), '3m 05s');
    assert.equal(formatDuration(3_720_000), '1h 02m');
  });
});
