/**
 * The search page's loader (src/pages/search.astro): loads Pagefind's UI from this site's own
 * bundle, or, opened from disk where Pagefind cannot fetch its index, says so. Compiled into an
 * inline classic script like filters.ts (see src/lib/inline-scripts.ts).
 *
 * Markup contract: `#search` (hidden until the UI loads) carries `data-bundle`, the folder of
 * the Pagefind bundle relative to the page; `#search-status` receives any message. A `?q=`
 * parameter is typed into the search box.
 */

/** The part of Pagefind UI's constructor this page uses. */
type PagefindUIConstructor = new (options: {
  element: string;
  bundlePath: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
}) => unknown;

function startSearch(): void {
  const box = document.getElementById('search');
  const status = document.getElementById('search-status');
  if (!box || !status) return;
  if (location.protocol === 'file:') {
    status.textContent = 'Search is not available when the site is opened from disk; please use the links below.';
    return;
  }
  const bundle = box.getAttribute('data-bundle') ?? '';
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${bundle}pagefind-ui.css`;
  document.head.appendChild(css);
  const script = document.createElement('script');
  script.src = `${bundle}pagefind-ui.js`;
  script.onload = () => {
    const PagefindUI = (window as unknown as { PagefindUI: PagefindUIConstructor }).PagefindUI;
    box.hidden = false;
    new PagefindUI({
      element: '#search',
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
    });
    const input = box.querySelector('input');
    const query = new URLSearchParams(location.search).get('q');
    if (input && query) {
      input.value = query;
      input.dispatchEvent(new Event('input'));
    }
  };
  script.onerror = () => {
    status.textContent = 'Search could not be loaded; please use the links below.';
  };
  document.head.appendChild(script);
}

startSearch();
