import { VIEW_BEACON_SCRIPT } from '../../http/inline-scripts.js';
import { paths } from '../../shared/paths.js';

/** The beacon, and a pixel for readers without JavaScript (browsers with it never load the pixel). */
export function ViewBeacon({ articleId }: { articleId: string }) {
  return (
    <>
      <script data-article={articleId} dangerouslySetInnerHTML={{ __html: VIEW_BEACON_SCRIPT }} />
      <noscript>
        <img class="view-pixel" src={paths.viewPixel(articleId)} alt="" width={1} height={1} />
      </noscript>
    </>
  );
}
