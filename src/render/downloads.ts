// The four downloads of a rendered chart: the image as a self-contained figure, the data exactly as plotted.
import type { RenderedChart } from "./chart-render.ts";
import { figureSvg, type Figure } from "./figure.ts";
import { figureToPng, standaloneSvg, svgToPng } from "./png.ts";
import { SITE, SITE_URL } from "../site.config.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";

export type DownloadExt = "svg" | "png" | "csv" | "json";
export const DOWNLOAD_EXTS: readonly DownloadExt[] = ["svg", "png", "csv", "json"];

const CONTENT_TYPE: Record<DownloadExt, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

/** PNGs are drawn at twice the SVG's size, for sharp text on high-density screens and in print. */
const PNG_SCALE = 2;

/**
 * The figure a chart's image downloads show. Archived charts carry their own frozen copy; charts archived before
 * figures existed (format 1, release 1.0.0) have none and keep their bare-chart downloads byte for byte.
 */
export function chartFigure(chart: RenderedChart): Figure | undefined {
  if (chart.figure) return chart.figure;
  if (chart.format < 2) return undefined;
  // The page's social-card size, the SVG and the PNG all ask for the same figure: draw it once per chart.
  let figure = drawn.get(chart);
  if (!figure) {
    // Marks link to deal and company pages with site-relative hrefs, which mean nothing in a downloaded file.
    const wide = { ...chart.wide, svg: chart.wide.svg.replaceAll('href="/', `href="${SITE_URL}/`) };
    figure = figureSvg(
      { ...chart, wide },
      {
        site: SITE.name,
        licence: SITE.contentLicence.name,
        pinnedUrl: absoluteUrl(chart.asOf ? paths.chartAsOf(chart.id, chart.version, chart.asOf) : paths.chartPinned(chart.id, chart.version)),
      },
    );
    drawn.set(chart, figure);
  }
  return figure;
}

const drawn = new WeakMap<RenderedChart, Figure>();

/** Pixel size of the PNG download, for social-card metadata. */
export function pngSize(chart: RenderedChart): { width: number; height: number } {
  const figure = chartFigure(chart);
  const { width, height } = figure ?? chart.wide;
  return { width: width * PNG_SCALE, height: height * PNG_SCALE };
}

export function downloadBody(chart: RenderedChart, ext: DownloadExt): string | Uint8Array {
  if (ext === "csv") return chart.csv;
  if (ext === "json") return chart.json;
  const figure = chartFigure(chart);
  if (!figure) return ext === "svg" ? standaloneSvg(chart.wide.svg) : new Uint8Array(svgToPng(chart.wide.svg, PNG_SCALE));
  return ext === "svg" ? `<?xml version="1.0" encoding="UTF-8"?>\n${figure.svg}\n` : new Uint8Array(figureToPng(figure.svg, PNG_SCALE));
}

export function downloadResponse(chart: RenderedChart, ext: DownloadExt): Response {
  const body = downloadBody(chart, ext);
  return new Response(body as BodyInit, { headers: { "Content-Type": CONTENT_TYPE[ext] } });
}
