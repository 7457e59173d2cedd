import type { UnmappedCategories } from '../imports/index.js';

/** The exports the Import page takes: a WordPress export (WXR, .xml) or a Ghost export (.json, .zip). */
export const IMPORT_KINDS = ['wordpress', 'ghost'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** queued (uploaded, waiting for this node's job) → running → finished | failed. */
export type ImportRunStatus = 'queued' | 'running' | 'finished' | 'failed';

/** What the admin chose on the form, kept with the run. */
export interface ImportRunOptions {
  /** Old category (slug or lower-cased name) → an existing section's slug, in the order given. */
  sectionMap: Array<[from: string, to: string]>;
  unmapped: UnmappedCategories;
  /** Whether pictures are fetched from the old site (else reported missing). */
  fetchImages: boolean;
  dryRun: boolean;
  /** The section for stories whose categories name none; null: the first section (or a new “News”). */
  defaultSection: string | null;
  /** WordPress: the zone of dates the export gives without GMT; null: the publication's. */
  timeZone: string | null;
  /** Ghost: the old site's address, for links in bodies; null: the export's own. */
  siteUrl: string | null;
  /** Refresh stories changed since they were imported (else they are left as they are). */
  update: boolean;
}

/** What a run recorded before a choice existed had it at its default. */
export const DEFAULT_RUN_OPTIONS: Omit<ImportRunOptions, 'sectionMap' | 'unmapped' | 'fetchImages' | 'dryRun'> = {
  defaultSection: null,
  timeZone: null,
  siteUrl: null,
  update: false,
};

/** One upload of an export and what became of it; every node reads the same from the database. */
export interface ImportRun {
  id: string;
  kind: ImportKind;
  /** The file's name as uploaded, cleaned. */
  fileName: string;
  fileBytes: number;
  status: ImportRunStatus;
  options: ImportRunOptions;
  /** Items (posts and pages) done and in all; `total` is 0 until the importer has read the file once. */
  done: number;
  total: number;
  startedBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Why a failed run stopped, for people. */
  error: string | null;
}

/** An upload on disk, checked, not yet handed to a run. */
export interface StoredUpload {
  /** The file under DATA_DIR/imports. */
  path: string;
  fileName: string;
  bytes: number;
  kind: ImportKind;
}
