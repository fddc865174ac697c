// The coverage sweep's grid (data/coverage/): which company-months were searched for deals, and what was found,
// so the next sweep starts where this one ended.
import { z } from "zod";
import { Id, IsoDate } from "./dataset.ts";

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");

export const CoverageCell = z.strictObject({
  /** The company swept, an entity id. */
  company: Id.describe("The company swept, an entity id."),
  /** The month searched. */
  month: Month.describe("The month searched."),
  /** Whether a search covered this company-month. */
  searched: z.boolean().describe("Whether a search covered this company-month."),
  /** The query that covered it ('' when not searched). */
  query: z.string().describe("The query that covered it ('' when not searched)."),
  /** Records of the working dataset that the search found or confirmed: deal, financing or metric ids. */
  found: z.array(Id).describe("Records of the working dataset that the search found or confirmed: deal, financing or metric ids."),
  /** What the search turned up, in a few words. */
  note: z.string().describe("What the search turned up, in a few words."),
});

export const CoverageSweep = z.strictObject({
  /** When the searches were made. */
  searchedOn: IsoDate.describe("When the searches were made."),
  /** The first and last month the sweep covers. */
  from: Month.describe("The first month the sweep covers."),
  through: Month.describe("The last month the sweep covers."),
  /** How the searches were made and what they could not reach. */
  method: z.string().min(1).describe("How the searches were made and what they could not reach."),
  /** Every company × month of the sweep, searched or not. */
  cells: z.array(CoverageCell).min(1),
});

export type CoverageSweep = z.infer<typeof CoverageSweep>;
