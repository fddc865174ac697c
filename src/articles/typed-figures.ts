// Finds figures typed by hand in article prose: dollar amounts, percentages, power and multiples belong in <Fact>,
// <Computed> or <Indicator>, so that a revision of the data flags every sentence that uses them.
// What is not data (dates, forms, section and rule numbers, chip names) is allowed explicitly below.

export interface TypedFigure {
  line: number;
  text: string;
  kind: "dollar amount" | "percentage" | "power" | "multiple" | "share in words" | "multiple in words";
}

/**
 * Articles written or revised on or after this date are also checked for figures in words ("about two-thirds",
 * "more than twice", "several times its revenue"): writers used them to state hand-computed ratios the digit check
 * missed. Texts dated earlier are published and never change, so the rule applies from their next revision.
 */
export const WORD_FORMS_FROM = "2026-12-05";

/** Not data: masked before the search so they never count as typed figures. */
export const ALLOWED: readonly RegExp[] = [
  /\b(?:Form\s+)?(?:8-K|10-Q|10-K|S-1|S-3|6-K|20-F|424B\d|13F|DEF 14A)\b/g, // filings
  /\b(?:Rule|Item|Section|ASC|IFRS|Regulation)\s+\d+[A-Z]?(?:\.\d+)*[A-Za-z]?\b/g, // rules, items, standards
  /§\s?\d+(?:\.\d+)*/g, // section numbers
  /\b(?:GB|B|H|A|MI|TPU\s?v)\d{2,4}[A-Z]*\b/g, // chip names (GB200, H100, MI450, TPU v7)
  /\b(?:FY|Q[1-4]\s?)?(?:19|20)\d{2}(?:-Q[1-4]|-H[12])?\b/g, // years and periods
  // A scenario's assumption is not data, so no revision can flag it; it passes only when the text says it is assumed.
  /\b\d{1,3}% \(assumed\)/g,
];

const MASKS: readonly RegExp[] = [
  /^---\n[\s\S]*?\n---\n/, // frontmatter
  /```[\s\S]*?```/g, // code blocks
  /`[^`\n]*`/g, // inline code
  /<!--[\s\S]*?-->/g, // comments
  /<(?:Fact|Computed|Indicator|Chart)\b[^>]*?\/>/g, // components: the figures they render are data (a row's label may hold a figure)
  /\]\([^)\s]*\)/g, // link targets
  /https?:\/\/\S+/g, // bare URLs
];

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const WORD_NUMBER = "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|one hundred)";
const FIGURES: readonly { kind: TypedFigure["kind"]; re: RegExp }[] = [
  { kind: "dollar amount", re: new RegExp(String.raw`(?:US)?\$\s?${NUMBER}(?:\s?(?:[kKmMbBtT]n?|thousand|million|billion|trillion)\b)?`, "g") },
  // "160 million shares" is a count, not money; counts are not checked.
  {
    kind: "dollar amount",
    re: new RegExp(
      String.raw`\b${NUMBER}\s?(?:million|billion|trillion|bn)\b(?!\s+(?:[A-Z][\w&.-]*\s+)?(?:shares|warrants|users|subscribers|people|chips|GPUs|units|accelerators))(?:\s+(?:dollars|USD))?`,
      "gi",
    ),
  },
  { kind: "percentage", re: new RegExp(String.raw`\b${NUMBER}\s?(?:%|per\s?cent\b|percent\b)`, "gi") },
  { kind: "power", re: new RegExp(String.raw`\b${NUMBER}\s?(?:GW|MW|TW|gigawatts?|megawatts?)\b`, "g") },
  { kind: "multiple", re: new RegExp(String.raw`\b${NUMBER}\s?[x×](?![\w-])`, "g") },
  { kind: "multiple", re: new RegExp(String.raw`\b(?:${WORD_NUMBER}|${NUMBER})(?:[- ]and[- ]a[- ]half)?\s+times\b`, "gi") },
  // A verb or adjective of three times or more is a multiple too ("the round tripled", "a tenfold rise"). "Doubled" and
  // "twice" are left alone: the articles use them for method ("the first quarter, doubled"; "counted twice").
  {
    kind: "multiple",
    re: new RegExp(
      String.raw`\b(?:(?:tripl|quadrupl|quintupl)(?:ed|ing)|(?:three|four|five|six|seven|eight|nine|ten|twenty|a hundred|hundred|${NUMBER})[- ]?fold)\b`,
      "gi",
    ),
  },
];

const QUALIFIER = String.raw`(?:(?:more|less|fewer) than|nearly|almost|about|roughly|around|over|under|at least|at most|close to|just over|just under|well over|well under|some)`;
// The fractions a share can be written as: "a third", "under a twentieth", "three-tenths". One list for every rule below,
// so a fraction the checks learn ("a twentieth" slipped through) is caught in every form.
const ORDINAL = String.raw`(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|hundredth)`;
const ORDINALS = String.raw`(?:thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths|twentieths|hundredths)`;
const FRACTION = String.raw`(?:(?:a|one)[- ]${ORDINAL}|(?:two|three|four|five|six|seven|eight|nine)[- ]${ORDINALS})`;
/** Shares and multiples written in words: a ratio someone worked out by hand, so it belongs in <Computed>. */
const WORD_FIGURES: readonly { kind: TypedFigure["kind"]; re: RegExp }[] = [
  { kind: "share in words", re: new RegExp(String.raw`\b${QUALIFIER}\s+(?:half|a half|${FRACTION})\b`, "gi") },
  { kind: "share in words", re: new RegExp(String.raw`\b(?:a|one)[- ]${ORDINAL}\s+of\b`, "gi") },
  // "two-thirds", "three quarters of"; "the three quarters in which" counts periods.
  {
    kind: "share in words",
    re: new RegExp(String.raw`\b(?:two|three|four|five|six|seven|eight|nine)(?:-${ORDINALS}\b|\s${ORDINALS}\s+of\b)`, "gi"),
  },
  // "half of the backlog" is a share; "the first half of 2026" is a period.
  { kind: "share in words", re: /\b(?<!(?:first|second|latter|former|other|back)\s)half\s+(?:of|its|their|the)\b/gi },
  { kind: "share in words", re: /\bhalv(?:ed|ing)\b/gi },
  { kind: "multiple in words", re: new RegExp(String.raw`\b${QUALIFIER}\s+(?:twice|doubled?|doubles|doubling)\b`, "gi") },
  { kind: "multiple in words", re: /\b(?:twice|doubl(?:e|ed|es|ing))\s+(?:as|the|that|its|their|what|his|her)\b/gi },
  { kind: "multiple in words", re: /\b(?:several|many)\s+times\s+(?:as|the|its|their|that|what|larger|bigger|more|higher|greater|over)\b/gi },
];

/** The date the text was last written: `updated` if revised, else `published`, from the frontmatter. */
export function writtenOn(source: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? "";
  const date = (key: string) => new RegExp(String.raw`^${key}:\s*["']?(\d{4}-\d{2}-\d{2})`, "m").exec(front)?.[1];
  return date("updated") ?? date("published");
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** In a footnote definition, quoted titles and quotations are the source's words, not the article's figures. */
function maskFootnoteQuotes(text: string): string {
  // A straight single quote inside a word is an apostrophe ("Microsoft's"), not the start or end of a quotation.
  return text.replace(/^\[\^[^\]]+\]:.*$/gm, (line) => line.replace(/"[^"\n]*"|“[^”\n]*”|(?<!\w)'[^'\n]*'(?!\w)|‘[^’\n]*’/g, blank));
}

/** Figures typed by hand; `wordForms` also finds shares and multiples written in words (see WORD_FORMS_FROM). */
export function typedFigures(source: string, { wordForms = true }: { wordForms?: boolean } = {}): TypedFigure[] {
  let text = source;
  for (const re of MASKS) text = text.replace(re, blank);
  text = maskFootnoteQuotes(text);
  for (const re of ALLOWED) text = text.replace(re, blank);
  const found: (TypedFigure & { at: number })[] = [];
  for (const { kind, re } of wordForms ? [...FIGURES, ...WORD_FIGURES] : FIGURES) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split("\n").length;
      found.push({ line, text: m[0].trim(), kind, at: m.index });
    }
    // A figure counts once: "$30 billion" is not also "30 billion".
    text = text.replace(re, blank);
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _, ...f }) => f);
}

/** Throws naming the file, line and figure of every figure typed by hand. */
export function assertNoTypedFigures(file: string, source: string): void {
  const written = writtenOn(source);
  const found = typedFigures(source, { wordForms: written === undefined || written >= WORD_FORMS_FROM });
  if (found.length)
    throw new Error(
      `${file}: figures typed by hand in prose; use <Fact>, <Computed> or <Indicator> so a data revision flags them ` +
        `(or, if it is not data, allow it in src/articles/typed-figures.ts):\n` +
        found.map((f) => `  line ${f.line}: ${f.kind} "${f.text}"`).join("\n"),
    );
}
