// Shipped to browsers on embed pages only: tells the host page how tall the embed is, so the snippet's iframe
// fits the whole figure with no inner scrollbar at any width (the snippet listens; see src/page-data/embed.ts).

export const EMBED_MESSAGE = "circularity:embed-height";

export function reportHeight(): void {
  if (window.parent === window) return;
  const post = () => window.parent.postMessage({ type: EMBED_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*");
  // Width changes rewrap the text, and opening the data table adds rows: both change the height.
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

/**
 * The theme the snippet asked for (?theme=light|dark|auto): light unless asked, so the embed matches a white host
 * page whatever the reader's own setting; auto follows the reader's setting.
 */
export function applyTheme(): void {
  const asked = new URLSearchParams(location.search).get("theme");
  if (asked === "dark") document.documentElement.dataset.theme = "dark";
  else if (asked === "auto") delete document.documentElement.dataset.theme;
}
