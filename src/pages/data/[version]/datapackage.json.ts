// /data/<version>/datapackage.json: the Frictionless Data Package descriptor of one release.
import type { APIRoute } from "astro";
import { getHistory, releaseByVersion } from "../../../dataset/index.ts";
import { datapackageFile } from "../../../page-data/datapackage.ts";

export function getStaticPaths() {
  return getHistory().releases.map((r) => ({ params: { version: r.version } }));
}
export const GET: APIRoute = ({ params }) => new Response(datapackageFile(releaseByVersion(params.version!)), { headers: { "Content-Type": "application/json" } });
