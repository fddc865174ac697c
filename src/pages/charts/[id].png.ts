// /charts/<id>.png: download of the chart on the current dataset.
import { chartDownloadPaths, currentDownload } from "../../render/download-routes.ts";

export const getStaticPaths = chartDownloadPaths;
export const GET = currentDownload("png");
