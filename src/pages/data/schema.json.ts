// /data/schema.json: the dataset's JSON Schema, generated from the zod schema the build validates with.
import type { APIRoute } from "astro";
import { datasetJsonSchema } from "../../dataset/export.ts";

export const GET: APIRoute = () => new Response(JSON.stringify(datasetJsonSchema(), null, 2) + "\n", { headers: { "Content-Type": "application/schema+json" } });
