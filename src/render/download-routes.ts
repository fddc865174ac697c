// The two download endpoints (current and pinned): every chart × every format, one static file each.
import type { APIRoute } from "astro";
import { currentChart, pinnedChart, versionsWithChart, publishedCharts } from "./charts.ts";
import { DOWNLOAD_EXTS, downloadResponse, type DownloadExt } from "./downloads.ts";

const fileName = (id: string, ext: DownloadExt) => `${id}.${ext}`;

export function chartDownloadPaths() {
  return publishedCharts().flatMap((c) => DOWNLOAD_EXTS.map((ext) => ({ params: { file: fileName(c.id, ext) }, props: { id: c.id, ext } })));
}

export function pinnedDownloadPaths() {
  return publishedCharts().flatMap((c) =>
    versionsWithChart(c.id).flatMap((version) =>
      DOWNLOAD_EXTS.map((ext) => ({ params: { id: c.id, pinned: `v${version}`, file: fileName(c.id, ext) }, props: { id: c.id, ext } })),
    ),
  );
}

type DownloadProps = { id: string; ext: DownloadExt };

export const currentDownload: APIRoute = ({ props }) => {
  const { id, ext } = props as DownloadProps;
  return downloadResponse(currentChart(id), ext);
};

export const pinnedDownload: APIRoute = ({ params, props }) => {
  const { id, ext } = props as DownloadProps;
  return downloadResponse(pinnedChart(id, params.pinned!.slice(1)), ext);
};
