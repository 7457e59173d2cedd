/**
 * The one catalogue of coded errors. Handlers throw `AppError`s; the site renders a readable
 * page and the API (later) renders `{ errors: [{ code, message }] }`. Tests assert codes and
 * statuses, never the wording.
 */
export const ERROR_CATALOGUE = {
  ERR_NOT_FOUND: { status: 404, message: 'We could not find that page.' },
  ERR_ARTICLE_NOT_FOUND: { status: 404, message: 'We could not find that story.' },
  ERR_ARTICLE_GONE: { status: 410, message: 'This story has been withdrawn and is no longer available.' },
  ERR_URL_TOO_LONG: { status: 400, message: 'That address is too long for us to read.' },
  ERR_URL_MALFORMED: {
    status: 400,
    message: 'That address contains characters we cannot read (broken percent-encoding or invalid UTF-8).',
  },
  ERR_INVALID_PAGE_NUMBER: { status: 400, message: 'The page number must be a whole number from 1 up.' },
  ERR_SEARCH_QUERY_TOO_LONG: { status: 400, message: 'Please shorten your search to 200 characters or fewer.' },
  ERR_BAD_REQUEST: { status: 400, message: 'We could not understand that request.' },
  ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'That kind of request is not supported here.' },
  ERR_DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The site is briefly unavailable. Please try again in a moment.',
  },
  ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side. Please try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }

  /** The message meant for the person who made the request. */
  get publicMessage(): string {
    return ERROR_CATALOGUE[this.code].message;
  }
}

/** A problem found while starting up: printed as one clear line, then the process exits non-zero. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
