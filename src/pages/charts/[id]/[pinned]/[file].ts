// /charts/<id>/v<version>/<id>.<svg|png|csv|json>: the downloads of a chart pinned to a released version.
import { pinnedDownloadPaths, pinnedDownload } from "../../../../render/download-routes.ts";

export const getStaticPaths = pinnedDownloadPaths;
export const GET = pinnedDownload;
