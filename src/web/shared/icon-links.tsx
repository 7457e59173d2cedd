import type { IconLinks as Links } from './site-context.js';

/**
 * The site icon in a page's `<head>`, on the reading site and in the newsroom. The ICO says its size
 * so that browsers able to draw the SVG (the default icon) take that instead; phones take the PNG.
 */
export function IconLinks({ icons }: { icons: Links }) {
  return (
    <>
      <link rel="icon" href={icons.ico} sizes="32x32" />
      {icons.svg && <link rel="icon" href={icons.svg} type="image/svg+xml" />}
      <link rel="apple-touch-icon" href={icons.touch} />
    </>
  );
}
