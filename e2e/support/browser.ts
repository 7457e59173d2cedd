import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere on other systems. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  // The narrowest phone still common (iPhone SE, mini): 375 CSS pixels wide.
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/**
 * A whole browser suite (seeding the demo included) must finish within this, so a page that never
 * settles fails the run instead of hanging it; node:test has no default timeout.
 */
export const SUITE_TIMEOUT_MS = 5 * 60_000;

/** Why browser tests cannot run here, or `false` when they can. */
export function browserTestsSkipReason(): string | false {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return false;
  } catch {
    return `Chromium not found at ${CHROMIUM_PATH} — install Debian's chromium package to run browser tests`;
  }
}

/**
 * A browser test suite, given SUITE_TIMEOUT_MS unless it says otherwise. Without Chromium it becomes one skipped test carrying the reason: Node 20
 * counts a skipped `describe` as no test at all, which would hide it in the totals.
 */
export function browserSuite(name: string, body: () => void, options: { timeoutMs?: number } = {}): void {
  const reason = browserTestsSkipReason();
  if (reason) it(name, { skip: reason }, () => {});
  else describe(name, { timeout: options.timeoutMs ?? SUITE_TIMEOUT_MS }, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies and cache) with a page at the given viewport. */
export async function openPage(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS.desktop, ...options });
  return context.newPage();
}

/** Goes to a path and returns the HTTP status, failing loudly when there was no response. */
export async function visit(page: Page, path: string): Promise<number> {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  return response.status();
}

/** Asserts that the located elements appear in the document in the order given. */
export async function assertInDocumentOrder(page: Page, named: Array<[name: string, locator: Locator]>): Promise<void> {
  const handles = [];
  for (const [name, locator] of named) {
    const handle = await locator.elementHandle();
    assert.ok(handle, `${name} is missing`);
    handles.push(handle);
  }
  const outOfOrder = await page.evaluate((elements) => {
    const wrong: number[] = [];
    for (let i = 1; i < elements.length; i++) {
      const previous = elements[i - 1] as Node;
      const current = elements[i] as Node;
      if (!(previous.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING)) wrong.push(i);
    }
    return wrong;
  }, handles);
  const names = named.map(([name]) => name);
  assert.deepEqual(
    outOfOrder.map((i) => `${names[i - 1]} → ${names[i]}`),
    [],
    `expected this order: ${names.join(' → ')}`,
  );
}

/**
 * Every <img> on the page has loaded (scrolled into view first, so lazy images are fetched) and is
 * either described by alt text or marked decorative with alt="". Returns what was checked.
 */
export async function assertAllImagesLoadedWithAlt(page: Page): Promise<Array<{ src: string; alt: string; naturalWidth: number }>> {
  const images = page.locator('img');
  const count = await images.count();
  const checked = [];
  for (let i = 0; i < count; i++) {
    const image = images.nth(i);
    await image.scrollIntoViewIfNeeded();
    // Wait for the image to settle; no named functions inside: tsx would wrap them in a helper
    // (`__name`) that does not exist in the page.
    await image.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          const img = element as HTMLImageElement;
          if (img.complete) return resolve();
          img.addEventListener('load', () => resolve(), { once: true });
          img.addEventListener('error', () => resolve(), { once: true });
        }),
    );
    const result = await image.evaluate((element) => {
      const img = element as HTMLImageElement;
      return { src: img.currentSrc || img.src, alt: img.getAttribute('alt'), naturalWidth: img.naturalWidth };
    });
    assert.ok(result.naturalWidth > 0, `image ${result.src} did not load`);
    assert.notEqual(result.alt, null, `image ${result.src} has no alt attribute (use alt="" when decorative)`);
    checked.push({ src: result.src, alt: result.alt ?? '', naturalWidth: result.naturalWidth });
  }
  return checked;
}

/** Whether the element's box lies inside the viewport (an off-screen skip link is "visible" to Playwright). */
export async function isInViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

// ─── Page objects: located by role and accessible name first ───

export class SiteChrome {
  constructor(readonly page: Page) {}

  get skipToMain(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content', exact: true });
  }
  get backToMainBottom(): Locator {
    return this.page.getByRole('link', { name: 'Back to the main page (bottom)', exact: true });
  }
  get main(): Locator {
    return this.page.getByRole('main');
  }
  get masthead(): Locator {
    return this.page.getByRole('banner');
  }
  get sectionNavigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections', exact: true });
  }
  /** A ranked list ("Popular Now", "Must-Reads"…), found by the heading that names its region. */
  rankedList(name: string | RegExp): Locator {
    return this.page.getByRole('region', typeof name === 'string' ? { name, exact: true } : { name });
  }
}

export class HomePage extends SiteChrome {
  async goto(): Promise<number> {
    return visit(this.page, '/');
  }
  /** The lead story is the first story on the front page, labelled by its own headline. */
  get leadStory(): Locator {
    return this.main.getByRole('article').first();
  }
  get leadHeadlineLink(): Locator {
    return this.leadStory.getByRole('heading', { level: 2 }).getByRole('link');
  }
}

export class ArticlePage extends SiteChrome {
  async goto(slug: string): Promise<number> {
    return visit(this.page, `/article/${encodeURIComponent(slug)}`);
  }
  get headline(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }
  /** The story itself: the <article> landmark named by its headline. */
  get article(): Locator {
    return this.main.getByRole('article').first();
  }
  get sectionLabelLink(): Locator {
    return this.article.locator('.section-label').getByRole('link');
  }
  get standfirst(): Locator {
    return this.article.locator('.article-header .standfirst');
  }
  get bylineAuthors(): Locator {
    return this.article.getByRole('list', { name: 'Authors', exact: true });
  }
  get bylineAuthorLinks(): Locator {
    return this.bylineAuthors.getByRole('link').and(this.page.locator('[href^="/author/"]'));
  }
  get bylineEmailLinks(): Locator {
    return this.bylineAuthors.getByRole('link').and(this.page.locator('[href^="mailto:"]'));
  }
  get publishedTime(): Locator {
    return this.article.getByText(/^Published /).locator('time');
  }
  get viewCount(): Locator {
    return this.article.getByText(/^Views [\d,]+$/);
  }
  get heroFigure(): Locator {
    return this.article.getByRole('figure').first();
  }
  get bodyParagraphs(): Locator {
    return this.article.locator('.article-body > p');
  }
  get corrections(): Locator {
    return this.page.getByRole('region', { name: 'Corrections and updates', exact: true });
  }
  get seriesNav(): Locator {
    return this.page.getByRole('navigation', { name: /^Series:/ });
  }
  get authorBox(): Locator {
    return this.page.getByRole('region', { name: /^About the authors?$/ });
  }
  get shareRegion(): Locator {
    return this.page.getByRole('region', { name: 'Share it on…', exact: true });
  }
  get commentsHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^Comments\b/ });
  }
  /** "[Asia] Latest Stories": the section's own latest-stories list. */
  get sectionLatest(): Locator {
    return this.rankedList(/^\[.+\] Latest Stories$/);
  }
}

export class SeriesPage extends SiteChrome {
  async goto(slug: string): Promise<number> {
    return visit(this.page, `/series/${encodeURIComponent(slug)}`);
  }
  get title(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }
  /** The headline links of every part, in the order the page lists them. */
  get partLinks(): Locator {
    return this.main.getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link');
  }
}
