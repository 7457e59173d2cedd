import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-address.js';

export interface PinnedPost {
  url: URL;
  /** The addresses resolved and checked for this send: the connection goes to one of them and nowhere else. */
  addresses: readonly [ResolvedAddress, ...ResolvedAddress[]];
  headers: Record<string, string>;
  body: string;
  /** Aborts the request (connecting, sending, waiting for the status line). */
  signal: AbortSignal;
}

/**
 * POSTs `body` to `url` over a connection made to one of `addresses`, the ones the caller checked.
 * `fetch` would resolve the name again and could be answered with another address (DNS rebinding):
 * here the socket's look-up is answered with the checked addresses, while the Host header, TLS SNI and
 * the certificate check still use the URL's name. Resolves with the status code; redirects are
 * never followed (node:http does not), and the response body is never read, so a receiver cannot
 * make us hold any amount of it. A fresh connection each time (`agent: false`): a pooled one could
 * have been made to another address for the same name.
 */
export function postToPinnedAddress(post: PinnedPost): Promise<number> {
  const { url, addresses } = post;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const lookup: LookupFunction = (_name, options, callback) => {
    // Node asks for every address when it may try several in turn (autoSelectFamily), else for one.
    if ((options as { all?: boolean }).all) (callback as (error: null, all: ResolvedAddress[]) => void)(null, [...addresses]);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = transport.request({
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
      agent: false,
      lookup,
      // SNI names the host, as for any HTTPS client; for a literal address there is no name to send.
      ...(url.protocol === 'https:' && !isIP(hostname) ? { servername: hostname } : {}),
      signal: post.signal,
    });
    request.once('error', reject);
    request.once('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.end(post.body);
  });
}
