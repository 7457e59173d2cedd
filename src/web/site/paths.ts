/** Every public URL of the site, built in one place. */
export const paths = {
  home: () => '/',
  article: (slug: string) => `/article/${encodeURIComponent(slug)}`,
  /** A story's link inside a ranked list, marked so the view is not counted towards that list. */
  articleFromList: (slug: string, list: string) => `/article/${encodeURIComponent(slug)}?via=${encodeURIComponent(list)}`,
  /** Where the view beacon reports (POST), and the pixel for readers without JavaScript (GET). */
  views: () => '/views',
  viewPixel: (articleId: string) => `/views/pixel.gif?article=${encodeURIComponent(articleId)}`,
  section: (slug: string, page = 1) => withPage(`/section/${encodeURIComponent(slug)}`, page),
  author: (slug: string, page = 1) => withPage(`/author/${encodeURIComponent(slug)}`, page),
  tag: (slug: string, page = 1) => withPage(`/tag/${encodeURIComponent(slug)}`, page),
  series: (slug: string) => `/series/${encodeURIComponent(slug)}`,
  staticPage: (slug: string) => `/${encodeURIComponent(slug)}`,
  media: (file: string) => `/media/${encodeURIComponent(file)}`,
};

function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}
