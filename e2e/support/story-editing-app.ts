import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createFactories } from '../../src/testing/factories.js';
import { createTestDatabase } from '../../src/testing/test-database.js';
import { launchBrowser, openPage } from './browser.js';

/** A newsroom with one draft and editors signed in, each in a browser context of their own. */
export interface StoryEditingApp {
  deps: Deps;
  browser: Browser;
  storyId: string;
  /** One page per editor, in the order named. */
  pages: Page[];
  close(): Promise<void>;
}

export async function startStoryEditingApp(editorNames: string[]): Promise<StoryEditingApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
  const deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
  const app = await createApp(deps);
  const factories = createFactories(deps);
  const sectionId = (await factories.section({ name: 'World' })).id;
  const authorId = (await factories.author({ name: 'Ana Kim' })).id;
  const editors = [];
  for (const displayName of editorNames) editors.push(await factories.staffUser({ role: 'editor', displayName }));
  const first = editors[0];
  if (!first) throw new Error('name at least one editor');
  const storyId = await deps.editing.createDraft(
    { id: first.id, role: 'editor' },
    await factories.articleInput({
      headline: 'Harbour reopens',
      sectionId,
      authorIds: [authorId],
      body: [{ type: 'paragraph', content: [{ text: 'The port reopened on Monday.' }] }],
    }),
  );
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const pages: Page[] = [];
  for (const editor of editors) {
    const page = await openPage(browser, baseUrl);
    const session = await deps.sessions.create(editor.id);
    await page.context().addCookies([{ name: 'dateline_session', value: session.token, url: baseUrl }]);
    pages.push(page);
  }
  return {
    deps,
    browser,
    storyId,
    pages,
    close: async () => {
      await browser.close();
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}

/**
 * A StoryEditingApp for the browser suite it is called in: started before the suite's tests, closed
 * after them. Read `app` and `page` (the first editor's) inside the tests, not when the suite is built.
 */
export function storyEditingAppForSuite(editorNames: string[]): { readonly app: StoryEditingApp; readonly page: Page } {
  let started: StoryEditingApp | undefined;
  before(async () => {
    started = await startStoryEditingApp(editorNames);
  });
  after(() => started?.close());
  const app = (): StoryEditingApp => {
    if (!started) throw new Error('the story editing app starts before the suite’s tests');
    return started;
  };
  return {
    get app() {
      return app();
    },
    get page() {
      const first = app().pages[0];
      if (!first) throw new Error('name at least one editor');
      return first;
    },
  };
}
