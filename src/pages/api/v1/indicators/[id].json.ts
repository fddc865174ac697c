// /api/v1/indicators/<id>.json: one indicator on the current release: value, formula, inputs, evidence, history.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../../dataset/index.ts";
import { currentIndicators } from "../../../../render/indicators.ts";
import { apiIndicator } from "../../../../page-data/api.ts";

export function getStaticPaths() {
  return currentIndicators().map((i) => ({ params: { id: i.id } }));
}
export const GET: APIRoute = ({ params }) => Response.json(apiIndicator(currentRelease(), params.id!));
