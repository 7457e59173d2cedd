import type { ErrorCode } from '../errors.js';

/**
 * The coded errors' messages in Korean, for the pages and forms shown in Korean (the reading site
 * of a Korean edition, the newsroom of a staff member who chose Korean). English is
 * ERROR_CATALOGUE's own text. The completeness check (i18n.test.ts) fails when a code lacks one.
 */
export const koErrors: Partial<Record<ErrorCode, string>> = {};
