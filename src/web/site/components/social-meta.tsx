import type { SiteContext } from '../../shared/site-context.js';
import { serializeJsonLd, type JsonLd, type ShareImage } from '../structured-data.js';

/** OpenGraph (Facebook, LinkedIn, messengers) and X card data for a page. */
export interface OpenGraph {
  type: 'website' | 'article';
  image?: ShareImage;
  /** `article:*` properties; only for `type: 'article'`. */
  article?: {
    /** ISO 8601 with the publication's offset. */
    publishedTime: string;
    modifiedTime: string;
    section: string;
    tags: readonly string[];
    /** Absolute URLs of the authors' pages. */
    authors: readonly string[];
  };
}

/**
 * The form og:locale takes, language_TERRITORY: `en-GB` → `en_GB`, and a bare language gets its
 * likeliest territory (`ko` → `ko_KR`, `en` → `en_US`), since Facebook reads no bare language.
 */
export function openGraphLocale(language: string): string {
  try {
    const locale = new Intl.Locale(language);
    const region = locale.region ?? locale.maximize().region;
    return region ? `${locale.language}_${region}` : locale.language;
  } catch {
    return language.replace(/-/g, '_');
  }
}

/**
 * The `og:` and `twitter:` tags. Every page gets them (a link to any page previews well);
 * a large card only when there is an image to show.
 */
export function SocialMeta({
  site,
  title,
  description,
  url,
  openGraph,
  otherLanguages = [],
}: {
  site: SiteContext;
  title: string;
  description: string;
  url: string | undefined;
  openGraph: OpenGraph;
  /** The languages this page is also published in (its translations' editions). */
  otherLanguages?: readonly string[];
}) {
  const { image, article } = openGraph;
  return (
    <>
      <meta property="og:site_name" content={site.publication.name} />
      <meta property="og:locale" content={openGraphLocale(site.publication.language)} />
      {otherLanguages.map((language) => (
        <meta key={language} property="og:locale:alternate" content={openGraphLocale(language)} />
      ))}
      <meta property="og:type" content={openGraph.type} />
      <meta property="og:title" content={title} />
      {description && <meta property="og:description" content={description} />}
      {url !== undefined && <meta property="og:url" content={url} />}
      {image && (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          <meta property="og:image:alt" content={image.alt} />
        </>
      )}
      {article && (
        <>
          <meta property="article:published_time" content={article.publishedTime} />
          <meta property="article:modified_time" content={article.modifiedTime} />
          <meta property="article:section" content={article.section} />
          {article.authors.map((author) => (
            <meta key={author} property="article:author" content={author} />
          ))}
          {article.tags.map((tag) => (
            <meta key={tag} property="article:tag" content={tag} />
          ))}
        </>
      )}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      {description && <meta name="twitter:description" content={description} />}
      {image && (
        <>
          <meta name="twitter:image" content={image.url} />
          <meta name="twitter:image:alt" content={image.alt} />
        </>
      )}
    </>
  );
}

/** One data block per object. Browsers never run `application/ld+json`, so the CSP allows it. */
export function StructuredData({ items }: { items: readonly JsonLd[] }) {
  return (
    <>
      {items.map((item, index) => (
        <script key={index} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }} />
      ))}
    </>
  );
}
