// /charts/<id>/v<version>/<id>.json: download of the chart pinned to a released version.
import { pinnedDownloadPaths, pinnedDownload } from "../../../../render/download-routes.ts";

export const getStaticPaths = pinnedDownloadPaths;
export const GET = pinnedDownload("json");
