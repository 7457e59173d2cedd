import { embedHost, type ArticleBody as Body, type Inline } from '../../../shared/article-body.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import { Figure } from './figure.js';

function InlineContent({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((part, index) => {
        let node = <>{part.text}</>;
        if (part.marks?.includes('em')) node = <em>{node}</em>;
        if (part.marks?.includes('strong')) node = <strong>{node}</strong>;
        // Stored hrefs were checked against a safe-scheme pattern when the body was validated.
        return part.href ? (
          <a key={index} href={part.href}>
            {node}
          </a>
        ) : (
          <span key={index}>{node}</span>
        );
      })}
    </>
  );
}

/** Renders structured blocks; every text node is escaped by Preact. */
export function ArticleBody({ body, figures }: { body: Body; figures: Map<string, MediaAsset> }) {
  return (
    <div class="article-body">
      {body.map((block, index) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={index}>
                <InlineContent content={block.content} />
              </p>
            );
          case 'heading':
            return <h2 key={index}>{block.text}</h2>;
          case 'quote':
            return (
              <blockquote key={index}>
                <p>{block.text}</p>
                {block.attribution && <footer>— {block.attribution}</footer>}
              </blockquote>
            );
          case 'list': {
            const items = block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineContent content={item} />
              </li>
            ));
            return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
          }
          case 'figure': {
            const asset = figures.get(block.mediaId);
            return asset ? <Figure key={index} asset={asset} /> : null;
          }
          case 'divider':
            return <hr key={index} />;
          case 'embed':
            // A link card, never the page itself: no third-party script or frame reaches a reader.
            return (
              <p key={index} class="embed-card">
                <a href={block.url} rel="noopener nofollow">
                  <span class="embed-card-host">{embedHost(block.url)}</span>
                  <span class="embed-card-url">{block.url}</span>
                </a>
              </p>
            );
        }
      })}
    </div>
  );
}
