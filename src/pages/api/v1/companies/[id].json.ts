// /api/v1/companies/<id>.json: one company with its deals, financing, metrics and loops.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../../dataset/index.ts";
import { activeEntities } from "../../../../dataset/selectors.ts";
import { apiCompany } from "../../../../page-data/api.ts";

export function getStaticPaths() {
  return activeEntities(currentRelease().dataset).map((e) => ({ params: { id: e.id } }));
}
export const GET: APIRoute = ({ params }) => Response.json(apiCompany(currentRelease(), params.id!));
