// /charts/<id>/v<version>/<id>.csv: download of the chart pinned to a released version.
import { pinnedDownloadPaths, pinnedDownload } from "../../../../render/download-routes.ts";

export const getStaticPaths = pinnedDownloadPaths;
export const GET = pinnedDownload("csv");
