// The series module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export type { Series } from './series.types.js';
export { SeriesService } from './series.service.js';
export { findSeriesByIds, findSeriesBySlug, listSeries } from './series.repository.js';
