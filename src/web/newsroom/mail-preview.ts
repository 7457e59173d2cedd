import type { FastifyReply } from 'fastify';

/**
 * Mail's HTML shown inside the newsroom (the Outbox's messages, a newsletter issue's preview): in a
 * frame that is sandboxed twice (the iframe's `sandbox` and this CSP's), with no script, no form,
 * no plugin, no frame of its own, and images and styles only from inline or the site itself. Sent
 * from its own address because the newsroom page's own policy would strip the mail's inline styles.
 */
function previewPolicy(siteUrl: string): string {
  const origin = new URL(siteUrl).origin;
  return [
    "default-src 'none'",
    `img-src ${origin} data:`,
    "style-src 'unsafe-inline'",
    "frame-ancestors 'self'",
    "form-action 'none'",
    'sandbox',
  ].join('; ');
}

/** Answers with a message's HTML under the preview policy, never cached. */
export function sendMailPreview(reply: FastifyReply, siteUrl: string, html: string): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', previewPolicy(siteUrl))
    .header('cache-control', 'private, no-store')
    .send(html);
}
