// Types for scripts/check-boundaries.mjs, so TypeScript (the boundary test) can import it.

/** A folder-level cycle: the folders in it and the imports between them. */
export interface FolderCycle {
  folders: string[];
  imports: Array<{ from: string; to: string; count: number; examples: string[] }>;
}

export interface BoundaryViolation {
  /** A rule name from .dependency-cruiser.mjs, or `no-folder-cycle`. */
  rule: string;
  from: string;
  to: string;
  /** For `no-circular`: the files of the cycle, the first one again at the end. */
  cycle?: string[];
  /** For `no-folder-cycle`. */
  folderCycle?: FolderCycle;
}

export interface BoundaryReport {
  violations: BoundaryViolation[];
  fileCount: number;
  durationMs: number;
}

export const FOLDER_CYCLE_RULE: 'no-folder-cycle';
/** The folder-graph node of a file (`src/modules/search`, `src/db`, `src/*` for files directly in src/). */
export function folderOf(file: string): string | undefined;
/** Checks the import boundaries of the src/ folder under `rootDir`. */
export function checkBoundaries(rootDir: string): Promise<BoundaryReport>;
/** The report as readable text. */
export function formatReport(report: BoundaryReport): string;
