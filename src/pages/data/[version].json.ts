// /data/<version>.json: the released file, byte for byte (its SHA-256 matches the lock).
import type { APIRoute } from "astro";
import { getHistory, releaseByVersion } from "../../dataset/index.ts";

export function getStaticPaths() {
  return getHistory().releases.map((r) => ({ params: { version: r.version } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(releaseByVersion(params.version!).text, { headers: { "Content-Type": "application/json" } });
