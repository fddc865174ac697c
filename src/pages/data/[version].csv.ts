// /data/<version>.csv: the version's deals as one flat table (sources as a JSON column).
import type { APIRoute } from "astro";
import { getHistory, releaseByVersion } from "../../dataset/index.ts";
import { dealsToCsv } from "../../dataset/export.ts";

export function getStaticPaths() {
  return getHistory().releases.map((r) => ({ params: { version: r.version } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(dealsToCsv(releaseByVersion(params.version!).dataset.deals), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
