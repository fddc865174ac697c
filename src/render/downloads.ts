// The four downloads of a rendered chart, byte for byte what the page plots.
import type { RenderedChart } from "./chart-render.ts";
import { standaloneSvg, svgToPng } from "./png.ts";

export type DownloadExt = "svg" | "png" | "csv" | "json";
export const DOWNLOAD_EXTS: readonly DownloadExt[] = ["svg", "png", "csv", "json"];

const CONTENT_TYPE: Record<DownloadExt, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

export function downloadResponse(chart: RenderedChart, ext: DownloadExt): Response {
  const body: BodyInit =
    ext === "svg" ? standaloneSvg(chart.wide.svg) : ext === "png" ? new Uint8Array(svgToPng(chart.wide.svg)) : ext === "csv" ? chart.csv : chart.json;
  return new Response(body, { headers: { "Content-Type": CONTENT_TYPE[ext] } });
}
