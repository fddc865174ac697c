// /data/<version>/<table>.csv: each release as tidy tables (src/dataset/export.ts, tidyTable).
import type { APIRoute } from "astro";
import { getHistory, releaseByVersion } from "../../../dataset/index.ts";
import { TIDY_TABLES, tidyTable, type TidyTable } from "../../../dataset/export.ts";

export function getStaticPaths() {
  return getHistory().releases.flatMap((r) => TIDY_TABLES.map((table) => ({ params: { version: r.version, table } })));
}

export const GET: APIRoute = ({ params }) =>
  new Response(tidyTable(releaseByVersion(params.version!).dataset, params.table as TidyTable), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
