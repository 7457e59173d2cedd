// The newsroom as bench/live-setup.mjs and bench/live-driver.mjs use it, the way an editor's
// browser does (the same steps as bench/publish-story.mjs): sign in, read the CSRF token from a
// form (it is derived from the session, so one token serves every form of that session), create
// and publish a story, post live updates.
const TIMEOUT_MS = 60_000;

export class BenchError extends Error {}

/** Signs in at `base` and returns the requests a signed-in editor can make. */
export async function newsroomSession(base, email, password) {
  const origin = new URL(base).origin;
  let cookie = '';

  /** One request as the browser makes it: our session cookie, same-origin, redirects not followed. */
  async function request(path, { form, method = form ? 'POST' : 'GET', signed = true } = {}) {
    const headers = { origin, ...(cookie && signed ? { cookie } : {}) };
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    for (const line of response.headers.getSetCookie()) {
      const match = /^(dateline_session=[^;]*)/.exec(line);
      if (match?.[1] && signed) cookie = match[1];
    }
    return response;
  }
  const refused = async (response, what) => {
    const code = response.headers.get('x-error-code') ?? 'no error code';
    await response.arrayBuffer();
    return new BenchError(`${what}: answered ${response.status} (${code})`);
  };
  const expectRedirect = async (response, what) => {
    if (response.status !== 303) throw await refused(response, what);
    await response.arrayBuffer();
    return response.headers.get('location') ?? '';
  };

  await expectRedirect(await request('/newsroom/sign-in', { form: { email, password, next: '/newsroom' } }), 'sign-in');
  if (!cookie) throw new BenchError('sign-in set no session cookie');

  // The new-story form: the CSRF token, a section and an author to file the story under.
  const formPage = await request('/newsroom/stories/new');
  const formHtml = await formPage.text();
  if (formPage.status !== 200) throw new BenchError(`GET /newsroom/stories/new answered ${formPage.status}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(formHtml)?.[1];
  const selectOf = (name) => new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(formHtml)?.[1] ?? '';
  const firstOption = (name) => /<option[^>]*value="([^"]+)"/.exec(selectOf(name))?.[1];
  const sectionId = firstOption('sectionId');
  const authorId = firstOption('authorIds');
  if (!csrf || !sectionId || !authorId) throw new BenchError('the new-story form has no CSRF token, section or author');

  return {
    request,

    /** A published story with the type label 'Live'; returns its id. */
    async createLiveStory(headline) {
      const created = await expectRedirect(
        await request('/newsroom/stories/new', {
          form: {
            _csrf: csrf,
            headline,
            standfirst: 'Live coverage opened by the live benchmark to time how fast its updates reach readers.',
            body: 'The live benchmark opened this coverage.\n\nIts updates follow below.',
            sectionId,
            authorIds: authorId,
            typeLabel: 'Live',
            commentsEnabledShown: '1',
          },
        }),
        'create the live story',
      );
      const id = /\/newsroom\/stories\/([^/?#]+)\/edit/.exec(created)?.[1];
      if (!id) throw new BenchError(`no story id in the redirect after creating the story (${created})`);
      await expectRedirect(await request(`/newsroom/stories/${id}/publish`, { form: { _csrf: csrf } }), 'publish the live story');
      return id;
    },

    /** Posts one live update; resolves once the server answered (303 or 2xx). */
    async postUpdate(articleId, text, { keyEvent = false, pinned = false } = {}) {
      const form = { _csrf: csrf, text };
      // The desk's checkboxes (src/web/newsroom/live-fields.tsx): name="key-event" / "pinned", value "yes".
      if (keyEvent) form['key-event'] = 'yes';
      if (pinned) form.pinned = 'yes';
      const response = await request(`/newsroom/stories/${articleId}/live/updates`, { form });
      if (response.status === 303 || (response.status >= 200 && response.status < 300)) {
        await response.arrayBuffer();
        return response.status;
      }
      throw await refused(response, `POST /newsroom/stories/${articleId}/live/updates`);
    },
  };
}

/** An update's text, about as long as a reporter's usual paragraph (~400 characters). */
export function updateText(n) {
  return (
    `Update ${n}: officials at the regional emergency centre said the evacuation of the coastal districts was continuing ` +
    `through the night, with buses leaving every twenty minutes from the central station. About 12,000 residents ` +
    `have moved to shelters so far, and the river is expected to crest shortly after 3 a.m. ` +
    `[The centre's statement](https://example.org/statement-${n}) lists the roads that stay closed.`
  );
}
