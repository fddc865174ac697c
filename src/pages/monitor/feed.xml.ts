// /monitor/feed.xml: an Atom entry for each release that moved an indicator, with the records that moved it.
import type { APIRoute } from "astro";
import { atomXml } from "../../lib/atom.ts";
import { absoluteUrl, paths } from "../../lib/urls.ts";
import { SITE } from "../../site.config.ts";
import { monitorFeedEntries } from "../../page-data/monitor.ts";

export const GET: APIRoute = () =>
  new Response(
    atomXml({
      id: absoluteUrl(paths.monitorFeed()),
      title: `${SITE.name}: the monitor`,
      subtitle: "Each release that moves an indicator of how circular AI financing is: by how much, and which records moved it.",
      self: absoluteUrl(paths.monitorFeed()),
      alternate: absoluteUrl(paths.monitor()),
      author: SITE.publisher,
      rights: SITE.contentLicence.name,
      entries: monitorFeedEntries(),
    }),
    { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } },
  );
