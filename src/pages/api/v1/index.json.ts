// /api/v1/index.json: every deal, company and chart the API serves, with the dataset version and licence.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../dataset/index.ts";
import { apiIndex } from "../../../page-data/api.ts";

export const GET: APIRoute = () => Response.json(apiIndex(currentRelease()));
