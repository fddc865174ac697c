// /api/v1/deals/<id>.json: one deal record with its evidence grade and financing.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../../dataset/index.ts";
import { apiDeal } from "../../../../page-data/api.ts";

export function getStaticPaths() {
  return currentRelease().dataset.deals.map((d) => ({ params: { id: d.id } }));
}
export const GET: APIRoute = ({ params }) => Response.json(apiDeal(currentRelease(), params.id!));
