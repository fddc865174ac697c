// The dataset's record schema: the single definition that releases are validated against
// and that TypeScript types, the JSON Schema download and the /data/ schema table come from.
import { z } from "zod";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A stable record id: lowercase kebab-case, never reused. */
export const Id = z.string().regex(KEBAB, "must be lowercase kebab-case, e.g. nvidia-openai-2025-09");

/** A calendar date that exists, written YYYY-MM-DD. */
export const IsoDate = z.string().regex(ISO_DATE, "must be an ISO date YYYY-MM-DD").refine(isRealDate, "is not a real calendar date");

export const Basis = z
  .enum(["committed", "up-to", "reported", "estimated"])
  .describe(
    "committed: a firm figure the parties announced; up-to: a ceiling or milestone-dependent figure; reported: from press reports the parties did not confirm; estimated: computed by analysts or by us",
  );

export const EntityKind = z.enum(["company", "fund", "government", "consortium", "bank", "investors", "vehicle"]);
/**
 * Where a party sits in the AI supply chain (schema 1.27), by what it mainly sells in the records: "hardware" (chips,
 * memory, servers, networking and the tools that make them), "cloud" (clouds, data-centre developers and operators, and
 * their power), "model" (model developers and AI applications), "capital" (investors, funds, investor groups,
 * governments), "other" (a buyer or investor outside the chain: media, consumer electronics, cars). A hyperscaler that
 * also trains models or designs chips is "cloud": that is what its deals in the records mostly are.
 */
export const EntityLayer = z.enum(["hardware", "cloud", "model", "capital", "other"]);

/**
 * How strong a source is, strongest first. A deal's evidence is its strongest source kind.
 * Added in schema 1.1: optional in the schema so release 1.0.0 still validates, required from 1.1.0 on.
 */
export const SourceKind = z
  .enum(["filing", "company", "wire", "press", "aggregator"])
  .describe(
    "filing: the text of a regulatory filing or exhibit; company: the company's own statement; wire: a wire service or major outlet (also when republished verbatim); press: other news outlets and trade press; aggregator: reposts, summary sites, message boards",
  );

export const DealType = z.enum(["equity", "cloud-commitment", "chip-purchase", "warrants", "capacity-backstop", "loan", "vendor-financing", "partnership"]);

export const DealStatus = z.enum(["announced", "signed", "closed", "cancelled"]);
export const Era = z.enum(["ai-2020s", "telecom-1990s"]);
export const DatePrecision = z.enum(["day", "month", "quarter", "year"]);

export const Source = z.strictObject({
  /** Who published the page that was read. */
  publisher: z.string().min(1).describe("Who published the page that was read."),
  /** The page's title as seen. */
  title: z.string().min(1).describe("The page's title as seen."),
  /** Publication date; month or year alone when that is all that is known. */
  date: z.string().regex(PARTIAL_DATE, "must be YYYY-MM-DD, YYYY-MM or YYYY").describe("Publication date; month or year alone when that is all that is known."),
  /** The address of the page that was read. */
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).describe("The address of the page that was read."),
  /** The original outlet, when the page is a reprint (Reuters, Bloomberg…). */
  via: z.string().min(1).optional().describe("The original outlet, when the page is a reprint (Reuters, Bloomberg…)."),
  /** How strong the source is (schema 1.1). */
  kind: SourceKind.optional().describe("How strong the source is: filing, company, wire, press or aggregator. Required from release 1.1.0."),
  /** Why this page is graded differently from other pages on the same site with the same "via" (schema 1.3). */
  gradeNote: z.string().min(1).optional().describe('Why this page is graded differently from other pages on the same site with the same "via" (schema 1.3).'),
});

export const Entity = z.strictObject({
  /** Stable id, e.g. "nvidia". */
  id: Id.describe('Stable id, e.g. "nvidia".'),
  /** Display name. */
  name: z.string().min(1).describe("Display name."),
  /** What sort of party this is. */
  kind: EntityKind.describe("What sort of party this is."),
  /** Stock ticker at the time of the deals, if listed. */
  ticker: z.string().min(1).optional().describe("Stock ticker at the time of the deals, if listed."),
  /** ISO 3166-1 alpha-2 country of headquarters. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
    .optional()
    .describe("ISO 3166-1 alpha-2 country of headquarters."),
  /** Other names readers search for. */
  aliases: z.array(z.string().min(1)).default([]).describe("Other names readers search for."),
  /** One plain sentence on what the entity is. */
  description: z.string().min(1).describe("One plain sentence on what the entity is."),
  /** Where it sits in the AI supply chain (schema 1.27); once any entity has one, every party to an active AI-era deal must. */
  layer: EntityLayer.optional().describe(
    'Where it sits in the AI supply chain (schema 1.27): "hardware", "cloud", "model", "capital" or "other". Once any entity has one, every party to an active AI-era deal must.',
  ),
});

export const Amount = z.strictObject({
  /** US dollars, as a plain number. */
  usd: z.number().nonnegative("must not be negative").finite().describe("US dollars, as a plain number."),
  /** How firm the figure is. */
  basis: Basis.describe("How firm the figure is."),
  /** The wording of the figure when it was not plain USD ("£500M", "160M shares"). */
  original: z.string().min(1).optional().describe('The wording of the figure when it was not plain USD ("£500M", "160M shares").'),
});

export const Compute = z.strictObject({
  /** Gigawatts of compute capacity bought in this deal. */
  gw: z.number().positive("must be positive").finite().optional().describe("Gigawatts of compute capacity bought in this deal."),
  /** The chips or systems named, in words. */
  chips: z.string().min(1).optional().describe("The chips or systems named, in words."),
});

export const Deal = z.strictObject({
  /** Stable id: <from>-<to>-<yyyy>-<mm>[-suffix]. */
  id: Id.describe("Stable id: <from>-<to>-<yyyy>-<mm>[-suffix]."),
  /** Short human label. */
  title: z.string().min(1).max(90).describe("Short human label."),
  /** Date announced or first reported. */
  announced: IsoDate.describe("Date announced or first reported."),
  /** How exact "announced" is. */
  datePrecision: DatePrecision.default("day").describe('How exact "announced" is.'),
  /** Entity that pays, invests, finances or grants. */
  from: Id.describe("Entity that pays, invests, finances or grants."),
  /** Entity that receives the money, shares or financing. */
  to: Id.describe("Entity that receives the money, shares or financing."),
  /** What kind of flow this is. */
  type: DealType.describe("What kind of flow this is."),
  /** The amount in USD and how firm it is; null when undisclosed. */
  amount: Amount.nullable().describe("The amount in USD and how firm it is; null when undisclosed."),
  /** Compute bought, where stated. */
  compute: Compute.optional().describe("Compute bought, where stated."),
  /** Contract length in years. */
  termYears: z.number().positive().finite().optional().describe("Contract length in years."),
  /** Where the deal stands. */
  status: DealStatus.describe("Where the deal stands."),
  /** Which boom the deal belongs to. */
  era: Era.describe("Which boom the deal belongs to."),
  /** A later deal that replaced this one, so totals do not count both. */
  supersededBy: Id.optional().describe("A later deal that replaced this one, so totals do not count both."),
  /** Pages the facts were read from; at least one. */
  sources: z.array(Source).min(1, "needs at least one source").describe("Pages the facts were read from; at least one."),
  /** What is uncertain, conflicting or reported. */
  notes: z.string().default("").describe("What is uncertain, conflicting or reported."),
});

export const MetricKind = z.enum([
  "revenue",
  "revenue-run-rate",
  "revenue-target",
  "cash-burn",
  "valuation",
  "capex",
  "capex-guidance",
  "backlog",
  "debt",
  "compute-commitments",
  "customer-financing",
  // Schema 1.2 (additive):
  "ownership",
  "net-loss",
  "outside-estimate",
  // Schema 1.3 (additive): what the loops do to earnings and cash, and what the companies in them issue and buy back.
  "equity-gain",
  "net-income",
  "operating-cash-flow",
  "free-cash-flow",
  "buybacks",
  "share-issuance",
  // Schema 1.5 (additive): what a stake is carried at, so a gain can be set against the holding it marks.
  "stake-value",
  // Schema 1.19 (additive): what a lender set aside in a period for customers who may not pay (a provision for bad
  // debts or credit losses), the measure of what vendor financing cost when it went wrong.
  "credit-loss-provision",
  // Schema 1.26 (additive): the terms of stock a company pays customers with (a warrant's share count and the share
  // prices its tranches vest at) and what they are measured against (shares outstanding, the share price on a date),
  // so a dilution or a warrant's value at a hurdle is worked from records, never by hand.
  "shares-outstanding",
  "warrant-shares",
  "price-target",
  "share-price",
  // Schema 1.46 (additive): the reserve a lender holds on a date against loans it has made (an allowance for credit
  // losses), so what it had already written down can be set against what was drawn.
  "credit-loss-allowance",
  // Schema 1.54 (additive): what customers owe a supplier on a date (accounts receivable, net), so credit given on
  // the sale itself, such as longer payment terms, can be seen beside the loans, guarantees and stakes.
  "receivables",
  // Schema 1.55 (additive): what the market charges for a borrower's credit on a date (a five-year credit-default-swap
  // spread, in percent of principal a year), the running estimate of the default the bust test waits for.
  "credit-spread",
  // Schema 1.55 (additive): the US consumer price index (CPI-U, 1982-84 = 100) for a month, in its own unit "index",
  // so a sum of the telecom years can be put in today's dollars from two records, never by hand.
  "consumer-price-index",
  // Schema 1.59 (additive): a company's total stockholders' equity on a date (book value, from its balance sheet), so a
  // holding, a commitment or a gain can be set against what the company's owners have in it.
  "stockholders-equity",
  // Schema 1.60 (additive): a company's operating income (or loss) for a period, in total or for a segment the notes
  // name, so a gain outside operations can be set against what the business itself earned.
  "operating-income",
]);

/** The one unit each share or price-index kind is measured in; every other kind is measured in dollars, percent or GW. */
export const FIXED_METRIC_UNITS: Readonly<Partial<Record<MetricKind, MetricUnit>>> = {
  "shares-outstanding": "shares",
  "warrant-shares": "shares",
  "price-target": "usd-per-share",
  "share-price": "usd-per-share",
  "consumer-price-index": "index",
};

/**
 * Kinds whose value may fall below zero: a loss on a stake, a quarter that lost money (after tax or in operations), cash
 * that flowed out, and stockholders' equity, which buybacks and losses can take below zero.
 */
export const SIGNED_METRIC_KINDS: ReadonlySet<MetricKind> = new Set([
  "equity-gain",
  "net-income",
  "operating-cash-flow",
  "free-cash-flow",
  "stockholders-equity",
  "operating-income",
]);

/** Calendar periods, fiscal periods (FY2026, FY2026-Q3) and points in time; months and days must exist. */
export const Period = z
  .string()
  .regex(/^(FY)?\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$/, "must be a period: YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, FYYYYY or FYYYYY-Q1")
  .refine(isRealPeriod, "is not a real period (month 01–12, a day that exists, quarters only in fiscal years)");

export const MetricUnit = z.enum(["usd", "percent", "gw", "shares", "usd-per-share", "index"]);
export type MetricUnit = z.infer<typeof MetricUnit>;

export const Metric = z
  .strictObject({
    /** Stable id, e.g. "openai-revenue-2025-h1". */
    id: Id.describe('Stable id, e.g. "openai-revenue-2025-h1".'),
    /** The entity measured. */
    entity: Id.describe("The entity measured."),
    /** What is measured. */
    metric: MetricKind.describe("What is measured."),
    /** The period ("2025", "2025-H1", "2025-Q3", "FY2026") or a date for point-in-time values. */
    period: Period.describe('The period ("2025", "2025-H1", "2025-Q3", "FY2026") or a date for point-in-time values.'),
    /** When the figure was stated or first reported (schema 1.1), as opposed to the period it measures. */
    stated: IsoDate.optional().describe("When the figure was stated or first reported, as opposed to the period it measures."),
    /** The value, in "unit"; below zero only for the signed kinds (a loss, an outflow). */
    value: z.number().finite().describe('The value, in "unit"; below zero only for gains, income and cash flows (a loss, an outflow).'),
    /** Unit of the value. */
    unit: MetricUnit.describe(
      'Unit of the value: "shares" (a count of shares) and "usd-per-share" (a price) from schema 1.26; "index" (a price index level) from 1.55.',
    ),
    /** How firm the figure is. */
    basis: Basis.describe("How firm the figure is."),
    /** Where it was read. */
    source: Source.describe("Where it was read."),
    /** What is uncertain. */
    notes: z.string().optional().describe("What is uncertain."),
  })
  .superRefine((metric, ctx) => {
    const fixedUnit = FIXED_METRIC_UNITS[metric.metric];
    if (fixedUnit !== undefined && metric.unit !== fixedUnit)
      ctx.addIssue({ code: "custom", path: ["unit"], message: `must be "${fixedUnit}" for a ${metric.metric} metric` });
    if (fixedUnit === undefined && Object.values(FIXED_METRIC_UNITS).includes(metric.unit))
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: `"${metric.unit}" is only for ${Object.keys(FIXED_METRIC_UNITS).join(", ")} metrics, not ${metric.metric}`,
      });
    if (metric.value < 0 && !SIGNED_METRIC_KINDS.has(metric.metric))
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `must not be negative for a ${metric.metric} metric (only ${[...SIGNED_METRIC_KINDS].join(", ")} may be)`,
      });
  });

export const FinancingInstrument = z
  .enum(["bond", "loan", "vehicle", "guarantee", "equity-issuance"])
  .describe(
    "bond: notes sold to investors; loan: bank or private-credit lending; vehicle: a lease or special-purpose vehicle that raises money off the sponsor's balance sheet; guarantee: a residual-value, lease or capacity guarantee; equity-issuance: new shares or convertibles sold to raise money",
  );

/** The financing layer (schema 1.1): how the money in the deals is raised. A lender is not a customer. */
export const Financing = z.strictObject({
  /** Stable id, e.g. "oracle-bonds-2025-09". */
  id: Id.describe('Stable id, e.g. "oracle-bonds-2025-09".'),
  /** Short human label. */
  title: z.string().min(1).max(90).describe("Short human label."),
  /** Date announced or first reported. */
  announced: IsoDate.describe("Date announced or first reported."),
  /** How exact "announced" is. */
  datePrecision: DatePrecision.default("day").describe('How exact "announced" is.'),
  /** What sort of financing this is. */
  instrument: FinancingInstrument.describe("What sort of financing this is."),
  /** Lender, bond investors, guarantor or equity investors. */
  provider: Id.describe("Lender, bond investors, guarantor or equity investors."),
  /** Who receives the money, or whose obligation is guaranteed. */
  borrower: Id.describe("Who receives the money, or whose obligation is guaranteed."),
  /** Whose project or lease the financing ultimately supports, when that is not the borrower. */
  beneficiary: Id.optional().describe("Whose project or lease the financing ultimately supports, when that is not the borrower."),
  /** The amount in USD and how firm it is; null when undisclosed. */
  amount: Amount.nullable().describe("The amount in USD and how firm it is; null when undisclosed."),
  /** Length in years. */
  termYears: z.number().positive().finite().optional().describe("Length in years."),
  /** Coupon, maturity, collateral or structure, in a few words. */
  terms: z.string().min(1).optional().describe("Coupon, maturity, collateral or structure, in a few words."),
  /** Where the financing stands. */
  status: DealStatus.describe("Where the financing stands."),
  /** Deals whose spending this financing pays for. */
  relatedDeals: z.array(Id).default([]).describe("Deals whose spending this financing pays for."),
  /** Pages the facts were read from; at least one. */
  sources: z.array(Source).min(1, "needs at least one source").describe("Pages the facts were read from; at least one."),
  /** What is uncertain, conflicting or reported. */
  notes: z.string().default("").describe("What is uncertain, conflicting or reported."),
});

export const RecordList = z.enum(["entities", "deals", "metrics", "financing"]);

/** A record withdrawn from a release (schema 1.1): ids are never reused, and a drop must say why. */
export const Removal = z.strictObject({
  /** Which list the record was in. */
  list: RecordList.describe("Which list the record was in."),
  /** The withdrawn record's id. */
  id: Id.describe("The withdrawn record's id."),
  /** The release that first left it out. */
  since: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.1.0")
    .describe("The release that first left it out."),
  /** Why it was withdrawn. */
  reason: z.string().min(1, "must say why the record was withdrawn").describe("Why it was withdrawn."),
  /** The record that replaces it, if any. */
  replacedBy: Id.optional().describe("The record that replaces it, if any."),
});

/** Why a release changed a record (schema 1.1): what a reader of the changelog, a feed or a pinned article needs. */
export const Revision = z.strictObject({
  /** Which list the record is in. */
  list: RecordList.describe("Which list the record is in."),
  /** The revised record's id. */
  id: Id.describe("The revised record's id."),
  /** The release that made the change. */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.1.0")
    .describe("The release that made the change."),
  /** The top-level fields changed, e.g. ["amount", "announced"]. */
  fields: z.array(z.string().min(1)).min(1, "name at least one changed field").describe('The top-level fields changed, e.g. ["amount", "announced"].'),
  /** Why, with the better source that prompted it. */
  reason: z.string().min(1, "must say why the record changed").describe("Why, with the better source that prompted it."),
  /**
   * Records new in this release that carry parts split off this one (schema 1.48), in the same list: a figure that
   * summed this record in an earlier release sums them too, so a split is not read as a cut.
   */
  splitInto: z
    .array(Id)
    .min(1)
    .optional()
    .describe(
      "Records new in this release that carry parts split off this one (schema 1.48), in the same list: a figure that summed this record sums them too.",
    ),
});

export const Dataset = z.strictObject({
  /** Major version of this schema; a change here is a MAJOR dataset release. */
  schemaVersion: z.literal(1).describe("Major version of this schema; a change here is a MAJOR dataset release."),
  /**
   * The date of the newest reporting the release covers (schema 1.3): how current the evidence is, as opposed to
   * when the file was released. No source may be dated after it.
   */
  evidenceThrough: IsoDate.optional().describe(
    "The date of the newest reporting the release covers (schema 1.3): how current the evidence is, as opposed to when the file was released. No source may be dated after it.",
  ),
  /**
   * The date through which the company-by-month sweep is complete (schema 1.52). Evidence after it, up to
   * evidenceThrough, is only what later filings and statements could be read: the record is thin there, and every
   * "as of" line says so. Absent, the sweep runs to evidenceThrough.
   */
  sweptThrough: IsoDate.optional().describe(
    'The date through which the company-by-month sweep is complete (schema 1.52). Evidence after it, up to evidenceThrough, is only what later filings and statements could be read: the record is thin there, and every "as of" line says so. Absent, the sweep runs to evidenceThrough.',
  ),
  entities: z.array(Entity).min(1),
  deals: z.array(Deal),
  metrics: z.array(Metric).default([]),
  /** Bonds, loans, vehicles, guarantees and equity issuance (schema 1.1). */
  financing: z.array(Financing).default([]).describe("Bonds, loans, vehicles, guarantees and equity issuance (schema 1.1)."),
  /** Records withdrawn since an earlier release, with the reason (schema 1.1). */
  removed: z.array(Removal).default([]).describe("Records withdrawn since an earlier release, with the reason (schema 1.1)."),
  /** Why records were revised, release by release (schema 1.1). */
  revisions: z.array(Revision).default([]).describe("Why records were revised, release by release (schema 1.1)."),
});

export type Source = z.infer<typeof Source>;
export type Entity = z.infer<typeof Entity>;
export type EntityLayer = z.infer<typeof EntityLayer>;
export type Amount = z.infer<typeof Amount>;
export type Deal = z.infer<typeof Deal>;
export type Metric = z.infer<typeof Metric>;
export type Financing = z.infer<typeof Financing>;
export type Removal = z.infer<typeof Removal>;
export type Revision = z.infer<typeof Revision>;
export type SourceKind = z.infer<typeof SourceKind>;
export type MetricKind = z.infer<typeof MetricKind>;
export type FinancingInstrument = z.infer<typeof FinancingInstrument>;
export type Dataset = z.infer<typeof Dataset>;
export type Basis = z.infer<typeof Basis>;
export type DealType = z.infer<typeof DealType>;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isRealPeriod(value: string): boolean {
  const fiscal = value.startsWith("FY");
  const [year, part = ""] = [value.slice(fiscal ? 2 : 0, fiscal ? 6 : 4), value.slice(fiscal ? 7 : 5)];
  if (fiscal) return part === "" || /^(Q[1-4]|H[12])$/.test(part);
  if (/^\d{2}-\d{2}$/.test(part)) return isRealDate(`${year}-${part}`);
  if (/^\d{2}$/.test(part)) return Number(part) >= 1 && Number(part) <= 12;
  return true;
}

/** Lock file: version → hash, release date and notes. */
export const ReleaseLock = z.record(
  z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semver version like 1.0.0"),
  z
    .strictObject({
      sha256: z.string().regex(/^[a-f0-9]{64}$/, "must be a hex SHA-256"),
      released: IsoDate,
      /**
       * When the release was published, to the second (UTC), so feeds order releases of one day correctly. Added in
       * December 2026 for the earlier releases from the commits that published them; written by `npm run data:release`.
       */
      publishedAt: z.iso.datetime().optional(),
      notes: z.string().min(1),
    })
    .refine((e) => !e.publishedAt || e.publishedAt.slice(0, 10) === e.released, {
      message: "publishedAt must fall on the released date",
      path: ["publishedAt"],
    }),
);
export type ReleaseLock = z.infer<typeof ReleaseLock>;
