import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use above which a finished batch is followed by a full collection. */
const SOFT_LIMIT_BYTES = 64 * 1024 * 1024;
/** Room left above what survives a collection, so a large live heap is not collected every batch. */
const HEADROOM_BYTES = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let threshold = SOFT_LIMIT_BYTES;

/**
 * Called between batches of a long import: a full garbage collection when the heap in use passed a
 * soft limit. Each batch's planned stories live long enough to be promoted to V8's old space, and
 * V8 lets that garbage grow to 150 MB and more before it collects, which is most of what keeps an
 * importer's resident memory above the 300 MB goal ([Archive]). A collection every few thousand
 * stories costs about 1 % of the import.
 */
export function collectGarbageWhenLarge(): void {
  const gc = garbageCollector();
  if (!gc || getHeapStatistics().used_heap_size < threshold) return;
  gc();
  threshold = Math.max(SOFT_LIMIT_BYTES, getHeapStatistics().used_heap_size + HEADROOM_BYTES);
}

/** V8's own collector, exposed at run time (a process started without --expose-gc has none). */
function garbageCollector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}
