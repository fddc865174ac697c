// The dataset's record schema: the single definition that releases are validated against
// and that TypeScript types, the JSON Schema download and the /data/ schema table come from.
import { z } from "zod";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A stable record id: lowercase kebab-case, never reused. */
export const Id = z.string().regex(KEBAB, "must be lowercase kebab-case, e.g. nvidia-openai-2025-09");

/** A calendar date that exists, written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, "must be an ISO date YYYY-MM-DD")
  .refine(isRealDate, "is not a real calendar date");

export const Basis = z
  .enum(["committed", "up-to", "reported", "estimated"])
  .describe(
    "committed: a firm figure the parties announced; up-to: a ceiling or milestone-dependent figure; reported: from press reports the parties did not confirm; estimated: computed by analysts or by us",
  );

export const EntityKind = z.enum(["company", "fund", "government", "consortium"]);

export const DealType = z.enum([
  "equity",
  "cloud-commitment",
  "chip-purchase",
  "warrants",
  "capacity-backstop",
  "loan",
  "vendor-financing",
  "partnership",
]);

export const DealStatus = z.enum(["announced", "signed", "closed", "cancelled"]);
export const Era = z.enum(["ai-2020s", "telecom-1990s"]);
export const DatePrecision = z.enum(["day", "month", "quarter", "year"]);

export const Source = z.strictObject({
  /** Who published the page that was read. */
  publisher: z.string().min(1),
  /** The page's title as seen. */
  title: z.string().min(1),
  /** Publication date; month or year alone when that is all that is known. */
  date: z.string().regex(PARTIAL_DATE, "must be YYYY-MM-DD, YYYY-MM or YYYY"),
  /** The address of the page that was read. */
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  /** The original outlet, when the page is a reprint (Reuters, Bloomberg…). */
  via: z.string().min(1).optional(),
});

export const Entity = z.strictObject({
  /** Stable id, e.g. "nvidia". */
  id: Id,
  /** Display name. */
  name: z.string().min(1),
  /** What sort of party this is. */
  kind: EntityKind,
  /** Stock ticker at the time of the deals, if listed. */
  ticker: z.string().min(1).optional(),
  /** ISO 3166-1 alpha-2 country of headquarters. */
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code").optional(),
  /** Other names readers search for. */
  aliases: z.array(z.string().min(1)).default([]),
  /** One plain sentence on what the entity is. */
  description: z.string().min(1),
});

export const Amount = z.strictObject({
  /** US dollars, as a plain number. */
  usd: z.number().nonnegative("must not be negative").finite(),
  /** How firm the figure is. */
  basis: Basis,
  /** The wording of the figure when it was not plain USD ("£500M", "160M shares"). */
  original: z.string().min(1).optional(),
});

export const Compute = z.strictObject({
  /** Gigawatts of compute capacity bought in this deal. */
  gw: z.number().positive("must be positive").finite().optional(),
  /** The chips or systems named, in words. */
  chips: z.string().min(1).optional(),
});

export const Deal = z.strictObject({
  /** Stable id: <from>-<to>-<yyyy>-<mm>[-suffix]. */
  id: Id,
  /** Short human label. */
  title: z.string().min(1).max(90),
  /** Date announced or first reported. */
  announced: IsoDate,
  /** How exact "announced" is. */
  datePrecision: DatePrecision.default("day"),
  /** Entity that pays, invests, finances or grants. */
  from: Id,
  /** Entity that receives the money, shares or financing. */
  to: Id,
  /** What kind of flow this is. */
  type: DealType,
  /** The amount in USD and how firm it is; null when undisclosed. */
  amount: Amount.nullable(),
  /** Compute bought, where stated. */
  compute: Compute.optional(),
  /** Contract length in years. */
  termYears: z.number().positive().finite().optional(),
  /** Where the deal stands. */
  status: DealStatus,
  /** Which boom the deal belongs to. */
  era: Era,
  /** A later deal that replaced this one, so totals do not count both. */
  supersededBy: Id.optional(),
  /** Pages the facts were read from; at least one. */
  sources: z.array(Source).min(1, "needs at least one source"),
  /** What is uncertain, conflicting or reported. */
  notes: z.string().default(""),
});

export const Metric = z.strictObject({
  /** Stable id, e.g. "openai-revenue-2025-h1". */
  id: Id,
  /** The entity measured. */
  entity: Id,
  /** What is measured. */
  metric: z.enum(["revenue", "cash-burn", "valuation", "capex", "compute-commitments", "customer-financing"]),
  /** The period ("2025", "2025-H1", "2025-Q3") or a date for point-in-time values. */
  period: z.string().regex(/^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$/, "must be YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD"),
  /** The value, in "unit". */
  value: z.number().nonnegative("must not be negative").finite(),
  /** Unit of the value. */
  unit: z.enum(["usd", "percent", "gw"]),
  /** How firm the figure is. */
  basis: Basis,
  /** Where it was read. */
  source: Source,
  /** What is uncertain. */
  notes: z.string().optional(),
});

export const Dataset = z.strictObject({
  /** Major version of this schema; a change here is a MAJOR dataset release. */
  schemaVersion: z.literal(1),
  entities: z.array(Entity).min(1),
  deals: z.array(Deal),
  metrics: z.array(Metric).default([]),
});

export type Source = z.infer<typeof Source>;
export type Entity = z.infer<typeof Entity>;
export type Amount = z.infer<typeof Amount>;
export type Deal = z.infer<typeof Deal>;
export type Metric = z.infer<typeof Metric>;
export type Dataset = z.infer<typeof Dataset>;
export type Basis = z.infer<typeof Basis>;
export type DealType = z.infer<typeof DealType>;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Lock file: version → hash, release date and notes. */
export const ReleaseLock = z.record(
  z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semver version like 1.0.0"),
  z.strictObject({
    sha256: z.string().regex(/^[a-f0-9]{64}$/, "must be a hex SHA-256"),
    released: IsoDate,
    notes: z.string().min(1),
  }),
);
export type ReleaseLock = z.infer<typeof ReleaseLock>;
