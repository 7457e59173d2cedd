import type { Locator, Page } from 'playwright-core';

/** The story body's rich-text editor (client/editor): a textbox named "Body". */
export function bodyEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Body', exact: true });
}

/** Clicks at the end of the body and types, with keyboard shortcuts in between (`Control+i` …). */
export async function typeInBody(page: Page, ...steps: Array<string | { press: string }>): Promise<void> {
  const editor = bodyEditor(page);
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press('Control+End');
  for (const step of steps) {
    if (typeof step === 'string') await page.keyboard.type(step);
    else await page.keyboard.press(step.press);
  }
}
