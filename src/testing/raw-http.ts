import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `request` byte for byte to 127.0.0.1:`port` and reads the answer until the server closes
 * the connection: for bodies no HTTP client would send (a cut-off multipart body, broken chunked
 * encoding, a Content-Length that lies). `halfCloseAfterMs` ends the client's side of the
 * connection that long after writing, as a client that gives up mid-body does; it still reads
 * the answer. Rejects when nothing came back within `timeoutMs`.
 */
export function sendRaw(port: number, request: string | Buffer, options: { halfCloseAfterMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 5000} ms`));
    }, options.timeoutMs ?? 5000);
    let halfClose: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may reset the connection right after answering: what arrived still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(halfClose);
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!match) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const headers: Record<string, string> = {};
      for (const line of (match[2] ?? '').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(match[1]), headers, body: match[3] ?? '' });
    });
    socket.write(request);
    if (options.halfCloseAfterMs !== undefined) halfClose = setTimeout(() => socket.end(), options.halfCloseAfterMs);
  });
}

/** A POST request's bytes; `contentLength` may lie on purpose (default: the body's real length). */
export function rawPost(
  path: string,
  body: string | Buffer,
  headers: Record<string, string | undefined>,
  contentLength: number | null = Buffer.byteLength(body),
): Buffer {
  const lines = [`POST ${path} HTTP/1.1`, 'Host: news.example', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) lines.push(`${name}: ${value}`);
  if (contentLength !== null) lines.push(`Content-Length: ${contentLength}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), Buffer.from(body)]);
}
