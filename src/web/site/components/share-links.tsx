/**
 * "Share it on…" as plain links: no third-party script, nothing loaded from the networks until a
 * reader clicks. The copy-link and native-share buttons are hidden until site.js shows them, since
 * they need JavaScript (and the native sheet, a browser that has one).
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share it on…</h2>
      <ul>
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer" target={link.name === 'E-mail' ? undefined : '_blank'}>
              {link.name}
              {link.name !== 'E-mail' && <span class="visually-hidden"> (opens in a new window)</span>}
            </a>
          </li>
        ))}
        <li>
          <button type="button" data-copy-link={url} hidden>
            Copy link
          </button>
        </li>
        <li>
          <button type="button" data-native-share={url} data-share-title={title} hidden>
            More ways to share
          </button>
        </li>
      </ul>
      <p class="share-status" role="status" aria-live="polite" />
    </section>
  );
}
