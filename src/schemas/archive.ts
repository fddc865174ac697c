// The format of an archived chart file (archive/charts/<id>/v<version>[-as-of-<date>].json), parsed on every read.
// Format 1: release 1.0.0's entries, whose downloads are the bare chart. Format 2: entries carry their frozen figure.
import { z } from "zod";

const Svg = z.strictObject({ svg: z.string().startsWith("<svg"), width: z.number().positive(), height: z.number().positive() });

export const ArchivedChart = z.strictObject({
  format: z.union([z.literal(1), z.literal(2)]),
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  title: z.string().min(1),
  subtitle: z.string(),
  caption: z.string(),
  sourceNote: z.string(),
  alt: z.string().min(1),
  wide: Svg,
  narrow: Svg,
  legend: z.array(z.strictObject({ label: z.string(), color: z.string(), shape: z.enum(["swatch", "line", "dash", "cross"]).optional() })),
  table: z.strictObject({
    headers: z.array(z.strictObject({ label: z.string(), numeric: z.boolean() })),
    rows: z.array(z.array(z.string())),
    /** Where each row's first cell links (from 2026-12; earlier archives have none). */
    links: z.array(z.string().nullable()).optional(),
  }),
  rows: z.array(z.strictObject({ key: z.string(), value: z.record(z.string(), z.unknown()) })),
  csv: z.string(),
  json: z.string(),
  dealIds: z.array(z.string()),
  figure: z.strictObject({ svg: z.string().startsWith("<svg"), width: z.number().positive(), height: z.number().positive() }).optional(),
  /** What a phone shows first for a chart too dense for a phone's width: its largest rows, ranked, with values. */
  phoneList: z
    .strictObject({
      heading: z.string(),
      items: z.array(z.strictObject({ label: z.string(), value: z.string(), highlight: z.boolean(), path: z.string().optional() })),
    })
    .optional(),
});
export type ArchivedChart = z.infer<typeof ArchivedChart>;
