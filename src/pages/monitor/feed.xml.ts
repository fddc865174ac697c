// /monitor/feed.xml: an Atom entry for each release that moved an indicator, with the records that moved it.
import type { APIRoute } from "astro";
import { monitorFeed } from "../../page-data/feeds.ts";

export const GET: APIRoute = () => new Response(monitorFeed(), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
