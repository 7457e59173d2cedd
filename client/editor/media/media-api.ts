/**
 * The story editor's calls to the media endpoints (src/web/newsroom/media-json.routes.ts,
 * docs/editor-pictures.md). Every POST carries the form's CSRF token; every refusal comes back as
 * `{ errors: [{ code, message }] }`, turned here into a MediaApiError with that code and message.
 */
import type { EditorPictureJson, EditorPicturePageJson } from '../../../src/shared/editor-wire.types.js';
import { msg } from '../messages.js';

/** A picture as media-presenter.ts describes it. */
export type Picture = EditorPictureJson;

/** A page of the picker, as media-presenter.ts describes it. */
export type PicturePage = EditorPicturePageJson;

export type PictureDetails = Partial<Pick<Picture, 'alt' | 'caption' | 'credit'>>;

export class MediaApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MediaApi {
  search(q: string, after: string | null): Promise<PicturePage>;
  byIds(ids: readonly string[]): Promise<Picture[]>;
  upload(file: File, details?: PictureDetails): Promise<Picture>;
  saveDetails(id: string, details: PictureDetails): Promise<Picture>;
  fetchRemote(url: string, details?: PictureDetails): Promise<Picture>;
}

export function createMediaApi(form: HTMLFormElement): MediaApi {
  const csrf = () => form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const postJson = (url: string, body: Record<string, string>) =>
    answer<Picture>(
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _csrf: csrf(), ...body }),
      }),
    );
  return {
    search(q, after) {
      const query = new URLSearchParams();
      if (q) query.set('q', q);
      if (after) query.set('after', after);
      return answer<PicturePage>(fetch(`/newsroom/media.json?${query.toString()}`, { credentials: 'same-origin' }));
    },
    async byIds(ids) {
      if (ids.length === 0) return [];
      const query = new URLSearchParams({ ids: ids.slice(0, 100).join(',') });
      return (await answer<PicturePage>(fetch(`/newsroom/media.json?${query.toString()}`, { credentials: 'same-origin' }))).items;
    },
    upload(file, details = {}) {
      const body = new FormData();
      body.append('_csrf', csrf());
      for (const [name, value] of Object.entries(details)) if (value) body.append(name, value);
      body.append('file', file, file.name || 'pasted-image');
      return answer<Picture>(fetch('/newsroom/media/upload.json', { method: 'POST', credentials: 'same-origin', body }));
    },
    saveDetails: (id, details) => postJson(`/newsroom/media/${encodeURIComponent(id)}/details.json`, details),
    fetchRemote: (url, details = {}) => postJson('/newsroom/media/fetch.json', { url, ...(details as Record<string, string>) }),
  };
}

async function answer<T>(request: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch {
    throw new MediaApiError('ERR_NETWORK', msg('nr.editor.api.network'));
  }
  const data = (await response.json().catch(() => null)) as { errors?: Array<{ code: string; message: string }> } | null;
  if (!response.ok) {
    const first = data?.errors?.[0];
    if (response.status === 401 || response.redirected) throw new MediaApiError('ERR_NOT_SIGNED_IN', msg('nr.editor.api.signedOut'));
    throw new MediaApiError(first?.code ?? `HTTP_${response.status}`, first?.message ?? msg('nr.editor.api.status', { status: response.status }));
  }
  if (response.redirected || data === null) throw new MediaApiError('ERR_NOT_SIGNED_IN', msg('nr.editor.api.signedOut'));
  return data as T;
}
