// Route helpers shared by the eight download endpoints (four formats, current and pinned).
import type { APIRoute } from "astro";
import { CHARTS } from "../charts/index.ts";
import { currentChart, pinnedChart, versionsWithChart } from "./charts.ts";
import { downloadResponse, type DownloadExt } from "./downloads.ts";

export function chartDownloadPaths() {
  return CHARTS.map((c) => ({ params: { id: c.id } }));
}

export function pinnedDownloadPaths() {
  return CHARTS.flatMap((c) => versionsWithChart(c.id).map((version) => ({ params: { id: c.id, pinned: `v${version}`, name: c.id } })));
}

export function currentDownload(ext: DownloadExt): APIRoute {
  return ({ params }) => downloadResponse(currentChart(params.id!), ext);
}

export function pinnedDownload(ext: DownloadExt): APIRoute {
  return ({ params }) => downloadResponse(pinnedChart(params.id!, params.pinned!.slice(1)), ext);
}
