// What an embedded chart shows and where it points: the live chart, or one pinned to a release (whose embed never
// changes). The snippets readers paste come from here too, so a chart page and its embed agree on every URL.
import type { RenderedChart } from "../render/chart-render.ts";
import { pngSize } from "../render/downloads.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE, SITE_URL } from "../site.config.ts";

/** Must match EMBED_MESSAGE in src/client/embed-height.ts, which posts it. */
const MESSAGE = "circularity:embed-height";
export const EMBED_THEMES = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/**
 * The chart's links, opened in the reader's window rather than the host's frame: an HTML <base target> does not
 * reach links inside an SVG, so each SVG link names its target.
 */
export function linksToTop(svg: string): string {
  return svg.replace(/<a (?![^>]*\btarget=)/g, '<a target="_top" ');
}

export function embedPage(chart: RenderedChart, pinned: boolean) {
  return {
    chart: { ...chart, wide: { ...chart.wide, svg: linksToTop(chart.wide.svg) }, narrow: { ...chart.narrow, svg: linksToTop(chart.narrow.svg) } },
    pinned,
    title: `${chart.title}${pinned ? ` (dataset v${chart.version})` : ""} | ${SITE.name}`,
    canonical: absoluteUrl(pinned ? paths.chartPinned(chart.id, chart.version) : paths.chart(chart.id)),
    permalinkPath: pinned ? paths.chartPinned(chart.id, chart.version) : undefined,
    credit: `${SITE.name}, dataset v${chart.version}`,
    licence: SITE.contentLicence.name,
  };
}
export type EmbedPageData = ReturnType<typeof embedPage>;

/**
 * The iframe snippet. The frame starts at `fallbackHeight`, the height of the tallest rendition's embed, so a host
 * that strips the script never cuts the figure; the listener then resizes every Circularity iframe on the page to
 * the height its content reports. Messages are trusted only from the site's own origin and only for the iframe
 * that sent them. `theme` is light unless asked (dark, or auto to follow the reader's setting).
 */
export function embedSnippet(src: string, title: string, fallbackHeight: number, theme: EmbedTheme = "light"): string {
  const origin = new URL(SITE_URL).origin;
  const iframe = `<iframe data-circularity-embed src="${src}?theme=${theme}" title="${escapeAttr(title)}" style="width:100%;height:${fallbackHeight}px;border:0" loading="lazy"></iframe>`;
  const listener =
    `<script>window.circularityEmbeds||(window.circularityEmbeds=addEventListener("message",function(e){` +
    `if(e.origin!=="${origin}"||!e.data||e.data.type!=="${MESSAGE}")return;` +
    `document.querySelectorAll("iframe[data-circularity-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})||1)</script>`;
  return `${iframe}\n${listener}`;
}

/** The embeds a chart page offers: the iframe (live, or pinned on a pinned page) and a static image for any host. */
export function chartEmbeds(chart: RenderedChart, pinned: boolean) {
  const src = absoluteUrl(pinned ? paths.embedPinned(chart.id, chart.version) : paths.embed(chart.id));
  // The phone rendition's embed is the taller one: its height plus the title, legend, notes and credit around it.
  const fallbackHeight = Math.max(chart.narrow.height, chart.wide.height) + 620;
  const png = absoluteUrl(paths.chartPinnedDownload(chart.id, chart.version, "png"));
  const { width, height } = pngSize(chart);
  return {
    iframe: embedSnippet(src, chart.title, fallbackHeight),
    image: `<a href="${absoluteUrl(paths.chartPinned(chart.id, chart.version))}"><img src="${png}" alt="${escapeAttr(chart.alt)}" width="${width / 2}" height="${height / 2}" style="max-width:100%;height:auto"></a>`,
    themes: EMBED_THEMES,
  };
}

function escapeAttr(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}
