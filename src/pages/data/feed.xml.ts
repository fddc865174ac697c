// Atom feed of dataset releases.
import type { APIRoute } from "astro";
import { getHistory } from "../../dataset/index.ts";
import { datasetFeed } from "../../page-data/feeds.ts";

export const GET: APIRoute = () => new Response(datasetFeed(getHistory().releases), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
