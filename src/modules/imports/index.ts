// The archive importers' public face (docs/importing.md): the CLI and the newsroom import from here.
export { importWordPress } from './wordpress-import.service.js';
export type { WordPressImportOptions } from './wordpress-import.service.js';
export type { ImportDeps, ImportTargets } from './import.types.js';
export type { UnmappedCategories } from './wordpress-taxonomy.js';
export { summariseReport } from './import-report.js';
export type { ImportCounts, ImportProblem, ImportReport } from './import-report.js';
export { refuseOtherKinds } from './wordpress-export.js';
export { XmlRefusedError } from './xml-tree-stream.js';
export { countLedgerEntries } from './import-ledger.repository.js';
export { importGhost } from './ghost-import.service.js';
export type { GhostImportOptions } from './ghost-import.service.js';
export { GhostRefusedError, refuseNonGhost } from './ghost-export.js';
// The story editor fetches pasted pictures through the same guarded fetch (docs/editor-pictures.md).
export { loadImage } from './image-source.js';
export type { ImageBytes } from './image-source.js';
