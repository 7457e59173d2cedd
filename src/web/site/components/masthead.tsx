import type { SiteContext } from '../site-context.js';
import { paths } from '../paths.js';

export function Masthead({ site }: { site: SiteContext }) {
  return (
    <header class="masthead">
      <div class="masthead-inner">
        <a class="masthead-name" href={paths.home()}>
          {site.publication.name}
        </a>
        <p class="masthead-tagline">{site.publication.tagline}</p>
        <form class="masthead-search" role="search" action="/search" method="get">
          <label for="masthead-search-q">Search</label>
          <input id="masthead-search-q" type="search" name="q" maxLength={200} autoComplete="off" />
          <button type="submit">Search</button>
        </form>
      </div>
      {site.navigation.length > 0 && (
        <nav class="section-nav" aria-label="Sections">
          <ul>
            {site.navigation.map((section) => (
              <li key={section.id}>
                <a href={paths.section(section.slug)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
