import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

/**
 * "Share it on…" as plain links: no third-party script, nothing loaded from the networks until a
 * reader clicks. The copy-link and native-share buttons are hidden until site.js shows them, since
 * they need JavaScript (and the native sheet, a browser that has one).
 */
export function ShareLinks({ url, title, site }: { url: string; title: string; site: SiteContext }) {
  const { t } = siteTranslator(site);
  const u = encodeURIComponent(url);
  const encodedTitle = encodeURIComponent(title);
  const links = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${encodedTitle}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: t('share.email'), href: `mailto:?subject=${encodedTitle}&body=${u}`, email: true },
  ];
  // What site.js says after copying, in the page's language (it keeps English for a page without these).
  return (
    <section class="share" aria-labelledby="share-heading" data-msg-copied={t('script.linkCopied')} data-msg-copy-failed={t('script.copyFailed')}>
      <h2 id="share-heading">{t('share.heading')}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer" target={link.email ? undefined : '_blank'}>
              {link.name}
              {!link.email && <span class="visually-hidden"> {t('share.newWindow')}</span>}
            </a>
          </li>
        ))}
        <li>
          <button type="button" data-copy-link={url} hidden>
            {t('share.copyLink')}
          </button>
        </li>
        <li>
          <button type="button" data-native-share={url} data-share-title={title} hidden>
            {t('share.more')}
          </button>
        </li>
      </ul>
      <p class="share-status" role="status" aria-live="polite" />
    </section>
  );
}
