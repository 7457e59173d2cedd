/** Every public URL of the site, built in one place. */
export const paths = {
  home: () => '/',
  article: (slug: string) => `/article/${encodeURIComponent(slug)}`,
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
