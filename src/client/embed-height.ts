// Shipped to browsers on embed pages only: tells the host page how tall the embed is, so the snippet's iframe
// fits the whole figure with no inner scrollbar at any width (the snippet listens; see src/lib/embed.ts).

export const EMBED_MESSAGE = "circularity:embed-height";

export function reportHeight(): void {
  if (window.parent === window) return;
  const post = () => window.parent.postMessage({ type: EMBED_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*");
  // Width changes rewrap the text, and opening the data table adds rows: both change the height.
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
