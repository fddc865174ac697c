// /deals/<id>/cite.ris: the deal record's citation for reference managers, naming the current release.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../dataset/index.ts";
import { citationsFor } from "../../../lib/cite.ts";
import { dealCitation } from "../../../page-data/deal-page.ts";

export function getStaticPaths() {
  return currentRelease().dataset.deals.map((deal) => ({ params: { id: deal.id }, props: { title: deal.title } }));
}

export const GET: APIRoute = ({ params, props }) => {
  const { ris } = citationsFor(dealCitation(currentRelease(), { id: params.id!, title: (props as { title: string }).title }));
  return new Response(ris, { headers: { "Content-Type": "application/x-research-info-systems" } });
};
