// /deals/<id>/cite.ris: the deal record's citation for reference managers, naming the current release.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../dataset/index.ts";
import { citationsFor } from "../../../lib/cite.ts";
import { absoluteUrl, paths } from "../../../lib/urls.ts";
import { SITE } from "../../../site.config.ts";

export function getStaticPaths() {
  return currentRelease().dataset.deals.map((deal) => ({ params: { id: deal.id }, props: { title: deal.title } }));
}

export const GET: APIRoute = ({ params, props }) => {
  const release = currentRelease();
  const { ris } = citationsFor({
    kind: "deal",
    id: params.id!,
    title: (props as { title: string }).title,
    authors: [SITE.publisher],
    issued: release.released,
    url: absoluteUrl(paths.deal(params.id!)),
    datasetVersion: release.version,
  });
  return new Response(ris, { headers: { "Content-Type": "application/x-research-info-systems" } });
};
