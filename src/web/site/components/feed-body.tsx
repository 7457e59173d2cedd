import type { ArticleBody as Body, BodyBlock, Inline } from '../../../shared/article-body.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import { shareImage } from '../structured-data.js';
import { ArticleBody } from './article-body.js';
import { Caption } from './caption.js';

const NO_FIGURES = new Map<string, MediaAsset>();

/**
 * A story's body for feed readers: the article page's own rendering (ArticleBody), except that
 * every URL is absolute (a feed reader has no page to resolve `/article/…` against) and figures
 * are a plain `<img>` of the JPEG, since feed readers drop `<picture>` sources. Preact escapes
 * every string, as on the page.
 */
export function FeedBody({
  hero,
  body,
  figures,
  siteUrl,
}: {
  hero: MediaAsset | null;
  body: Body;
  figures: Map<string, MediaAsset>;
  siteUrl: string;
}) {
  const absolute = (href: string) => (href.startsWith('/') ? `${siteUrl}${href}` : href);
  const runs = splitAtFigures(body.map((block) => withAbsoluteLinks(block, absolute)));
  return (
    <>
      {hero && <FeedFigure asset={hero} siteUrl={siteUrl} />}
      {runs.map((run, index) => {
        if (Array.isArray(run)) return <ArticleBody key={index} body={run} figures={NO_FIGURES} />;
        const asset = figures.get(run.mediaId);
        return asset ? <FeedFigure key={index} asset={asset} siteUrl={siteUrl} /> : null;
      })}
    </>
  );
}

function FeedFigure({ asset, siteUrl }: { asset: MediaAsset; siteUrl: string }) {
  const image = shareImage(asset, siteUrl);
  if (!image) return null;
  return (
    <figure>
      <img src={image.url} width={image.width} height={image.height} alt={asset.alt} />
      <Caption asset={asset} />
    </figure>
  );
}

type FigureBlock = Extract<BodyBlock, { type: 'figure' }>;

/** Text blocks in runs, each figure on its own, in order. */
function splitAtFigures(body: Body): Array<BodyBlock[] | FigureBlock> {
  const runs: Array<BodyBlock[] | FigureBlock> = [];
  for (const block of body) {
    const last = runs[runs.length - 1];
    if (block.type === 'figure') runs.push(block);
    else if (Array.isArray(last)) last.push(block);
    else runs.push([block]);
  }
  return runs;
}

function withAbsoluteLinks(block: BodyBlock, absolute: (href: string) => string): BodyBlock {
  const inline = (content: Inline[]) => content.map((part) => (part.href ? { ...part, href: absolute(part.href) } : part));
  switch (block.type) {
    case 'paragraph':
      return { ...block, content: inline(block.content) };
    case 'list':
      return { ...block, items: block.items.map(inline) };
    default:
      return block;
  }
}
