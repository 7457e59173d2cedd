import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * What every browser test checks with axe: WCAG 2.2 AA (2.0 and 2.1 A/AA included) plus axe's
 * best practices, which catch what AA alone lets through (content outside landmarks, two
 * landmarks with the same name, skipped heading levels). One list, so no test checks less.
 */
export const WCAG_TAGS: string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page as it stands, with WCAG_TAGS. */
export async function runAxe(page: Page): Promise<{ violations: Result[]; passes: Result[] }> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to merge per-frame
  // results: the same checks (these pages have no frames), in half the time.
  return new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
}

/** Every violation with what to fix and where, so a failing run says it all. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.map(String).join(' >> ')}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Fails with every violation described when axe finds any on the page as it stands. */
export async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await runAxe(page);
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  assert.equal(results.violations.length, 0, `${results.violations.length} axe violation(s) on ${what}:\n${describeViolations(results.violations)}`);
}
