// Formats money the same way everywhere on the site: $38B, $1.2T, $350M.

const UNITS = [
  { value: 1e12, suffix: "T" },
  { value: 1e9, suffix: "B" },
  { value: 1e6, suffix: "M" },
  { value: 1e3, suffix: "K" },
] as const;

/** Compact USD: 38e9 → "$38B", 1.25e12 → "$1.25T", 3.5e8 → "$350M". At most three significant digits. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  // A loss or an outflow: the minus sign before the currency, as in "−$2.3B".
  if (usd < 0) return `−${formatUsd(-usd)}`;
  const unit = UNITS.find((u) => Math.abs(usd) >= u.value);
  if (!unit) return `$${Math.round(usd)}`;
  const scaled = usd / unit.value;
  const digits = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  return `$${trimZeros(scaled.toFixed(digits))}${unit.suffix}`;
}

/** USD in words for prose and screen readers: "$38 billion". */
export function formatUsdLong(usd: number): string {
  const words: Record<string, string> = { T: "trillion", B: "billion", M: "million", K: "thousand" };
  const short = formatUsd(usd);
  const match = /^(−?)\$([\d.]+)([TBMK])$/.exec(short);
  return match ? `${match[1]}$${match[2]} ${words[match[3] as string]}` : short;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** A count of shares in words: 160e6 → "160 million shares", 1.63e9 → "1.63 billion shares". */
export function formatShares(shares: number): string {
  const words = [
    { value: 1e9, word: "billion" },
    { value: 1e6, word: "million" },
  ];
  const unit = words.find((u) => Math.abs(shares) >= u.value);
  if (!unit) return `${Math.round(shares).toLocaleString("en-US")} shares`;
  const scaled = shares / unit.value;
  const digits = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  return `${trimZeros(scaled.toFixed(digits))} ${unit.word} shares`;
}

/** A price per share, to the cent where it has cents: 600 → "$600 a share", 203.71 → "$203.71 a share". */
export function formatPerShare(usd: number): string {
  return `$${Number.isInteger(usd) ? usd.toLocaleString("en-US") : usd.toFixed(2)} a share`;
}
