/**
 * A browser's worth of HTTP for tests against real servers: a cookie jar shared across origins (the
 * nodes of one cluster are one site to a reader behind a load balancer), forms, no redirects followed.
 */
export class HttpBrowser {
  private readonly cookies = new Map<string, string>();

  /** `forwardedFor` is the reader's address, as a load balancer would pass it (nodes run with TRUST_PROXY). */
  constructor(private readonly options: { userAgent?: string; forwardedFor?: string } = {}) {}

  get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(url, { method: 'GET', headers });
  }

  postForm(url: string, fields: Record<string, string> | Array<[string, string]>, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  async send(url: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method,
      redirect: 'manual',
      ...(init.body !== undefined ? { body: init.body } : {}),
      headers: {
        'user-agent': this.options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
        ...(this.options.forwardedFor ? { 'x-forwarded-for': this.options.forwardedFor } : {}),
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** The CSRF token a page embeds in its forms, or undefined. */
export function formTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
