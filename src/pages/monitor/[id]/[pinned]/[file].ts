// /monitor/<id>/v<version>/<id>.json (the archived value, byte for byte) and <id>.ris (its citation).
import type { APIRoute } from "astro";
import { INDICATORS } from "../../../../indicators/index.ts";
import { indicatorAt, indicatorVersions, readArchivedIndicatorText } from "../../../../render/indicators.ts";
import { releaseByVersion } from "../../../../dataset/index.ts";
import { citationsFor } from "../../../../lib/cite.ts";
import { indicatorCitation } from "../../../../page-data/monitor.ts";

export function getStaticPaths() {
  return INDICATORS.flatMap((i) =>
    indicatorVersions(i.id).flatMap((version) => ["json", "ris"].map((ext) => ({ params: { id: i.id, pinned: `v${version}`, file: `${i.id}.${ext}` } }))),
  );
}
export const GET: APIRoute = ({ params }) => {
  const version = params.pinned!.slice(1);
  const indicator = indicatorAt(params.id!, version)!;
  if (params.file!.endsWith(".ris"))
    return new Response(citationsFor(indicatorCitation(indicator, releaseByVersion(version))).ris, {
      headers: { "Content-Type": "application/x-research-info-systems" },
    });
  // The archived file itself once the release's indicators are archived, so the pinned download never changes.
  const text = readArchivedIndicatorText(params.id!, version) ?? JSON.stringify(indicator, null, 1) + "\n";
  return new Response(text, { headers: { "Content-Type": "application/json" } });
};
