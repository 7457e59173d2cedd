import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every story's weighted terms between the full build's two passes: its profile needs the document
 * frequencies of the whole archive, known only once every story has been read. Stories are appended
 * in reading order and replayed once, in the same order. At 100,000 stories this is the largest
 * thing a build holds (8 bytes per distinct term of each story, ~120 MB), so the builder process
 * keeps it in a temporary file instead of its memory; a small build on the main thread keeps it in
 * memory.
 */
export interface TermSpill {
  append(termNos: Uint32Array, tf: Float32Array): void;
  /**
   * Each story's terms, in the order appended. The arrays handed out may be reused for the next
   * story: use them before asking for the next.
   */
  replay(): Generator<{ termNos: Uint32Array; tf: Float32Array }>;
  /** Frees what it holds (removes the file). */
  close(): void;
}

export class MemorySpill implements TermSpill {
  private stories: Array<{ termNos: Uint32Array; tf: Float32Array }> = [];

  append(termNos: Uint32Array, tf: Float32Array): void {
    this.stories.push({ termNos, tf });
  }

  *replay(): Generator<{ termNos: Uint32Array; tf: Float32Array }> {
    yield* this.stories;
  }

  close(): void {
    this.stories = [];
  }
}

/** Words (4 bytes) buffered before a write, and read at a time: 4 MB. */
const BUFFER_WORDS = 1 << 20;

/**
 * The spill in a temporary file, written and read in 4 MB blocks. A story is one record of 4-byte
 * words: its term count n, n term numbers, n single-precision weights (the precision `termWeights`
 * rounds them to, so nothing is lost). The file is created in its own private directory under the
 * system's temporary directory and removed by `close`.
 */
export class FileSpill implements TermSpill {
  private readonly directory: string;
  private readonly file: string;
  private fd: number;
  private buffer = new Uint32Array(BUFFER_WORDS);
  private used = 0;
  private written = 0;

  constructor(directory = tmpdir()) {
    this.directory = mkdtempSync(path.join(directory, 'dateline-related-'));
    this.file = path.join(this.directory, 'terms.bin');
    this.fd = openSync(this.file, 'w+', 0o600);
  }

  append(termNos: Uint32Array, tf: Float32Array): void {
    const words = 1 + 2 * termNos.length;
    if (this.used + words > this.buffer.length) this.flush();
    if (words > this.buffer.length) this.buffer = new Uint32Array(words);
    const at = this.used;
    this.buffer[at] = termNos.length;
    this.buffer.set(termNos, at + 1);
    new Float32Array(this.buffer.buffer, (at + 1 + termNos.length) * 4, tf.length).set(tf);
    this.used += words;
  }

  *replay(): Generator<{ termNos: Uint32Array; tf: Float32Array }> {
    this.flush();
    let block = new Uint32Array(BUFFER_WORDS);
    let held = 0; // words in `block`
    let next = 0; // first word not yet handed out
    let position = 0; // bytes of the file read so far
    const fill = () => {
      // What is left of the block moves to its start, then the file fills the rest.
      block.copyWithin(0, next, held);
      held -= next;
      next = 0;
      const bytes = readSync(this.fd, block, held * 4, (block.length - held) * 4, position);
      position += bytes;
      held += bytes / 4;
      return bytes > 0;
    };
    for (;;) {
      if (next >= held && !fill()) return;
      if (next >= held) return;
      const count = block[next] as number;
      const words = 1 + 2 * count;
      if (next + words > held) {
        if (words > block.length) {
          const larger = new Uint32Array(words);
          larger.set(block.subarray(next, held));
          held -= next;
          next = 0;
          block = larger;
        }
        if (!fill() || next + words > held) throw new Error('The related-stories spill file ended inside a record');
      }
      yield {
        termNos: block.subarray(next + 1, next + 1 + count),
        tf: new Float32Array(block.buffer, (next + 1 + count) * 4, count),
      };
      next += words;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.buffer = new Uint32Array(0);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.used * 4;
    for (let done = 0; done < bytes;) {
      done += writeSync(this.fd, this.buffer, done, bytes - done, this.written + done);
    }
    this.written += bytes;
    this.used = 0;
  }
}
