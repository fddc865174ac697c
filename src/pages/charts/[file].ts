// /charts/<id>.<svg|png|csv|json>: the downloads of each chart on the current dataset.
import { chartDownloadPaths, currentDownload } from "../../render/download-routes.ts";

export const getStaticPaths = chartDownloadPaths;
export const GET = currentDownload;
