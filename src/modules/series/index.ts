// The series module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export type { Series } from './series.types.js';
export { SeriesService } from './series.service.js';
export { findSeriesByIds } from './series.repository.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importSeries } from './series-import.service.js';
