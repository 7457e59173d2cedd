// The site's own addresses for what an import brings in, as the CLI and the Import page pass them,
// for the importers' tests (a module's code may not import the web layer; its tests use this).
export { importTargets } from '../web/shared/import-targets.js';
