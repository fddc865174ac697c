// Atom feed of one company's new and revised records.
import type { APIRoute } from "astro";
import { currentRelease, getHistory } from "../../../dataset/index.ts";
import { activeEntities } from "../../../dataset/selectors.ts";
import { companyFeed } from "../../../page-data/feeds.ts";

export function getStaticPaths() {
  return activeEntities(currentRelease().dataset).map((e) => ({ params: { id: e.id } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(companyFeed(getHistory().releases, params.id!), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
