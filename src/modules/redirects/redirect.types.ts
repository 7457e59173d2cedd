import type { ErrorCode } from '../../shared/errors.js';

/** Where a redirect came from: an archive's import, or an admin in the newsroom. */
export type RedirectOrigin = 'import' | 'newsroom';

/** An old path (normalised: redirect-path.ts) and where it now lives. */
export interface Redirect {
  path: string;
  /** A path on this site (`/article/slug`) or a full http(s) address elsewhere. */
  target: string;
  origin: RedirectOrigin;
  createdAt: Date;
}

/** A path readers asked for that matched nothing, as the 404 log counts it. */
export interface NotFoundPath {
  path: string;
  hits: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** One old link as an importer hands it over: the old path (or full old URL) and the new address. */
export interface RedirectImportEntry {
  path: string;
  target: string;
}

/** What `importRedirects` did with the entries it was given. */
export interface RedirectImportResult {
  /** Stored now. */
  added: number;
  /** Left alone: the path had a redirect already (the first writer wins), or came earlier in the same list. */
  alreadyPresent: number;
  /** Not stored, each with the reason the newsroom would give for it. */
  refused: Array<{ path: string; target: string; code: ErrorCode }>;
}
