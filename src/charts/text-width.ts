// Text widths without a DOM, so charts can size margins and place labels where they fit.
//
// Advance widths of DejaVu Sans, the font the PNGs are drawn in and wider than the system fonts the site uses,
// so a label that fits here also fits on the page. Measured once with resvg (hundredths of an em, ASCII 32–126).

const REGULAR =
  "32,40,46,84,64,95,78,28,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,53,100,71,69,70,77,63,57,78,75,30,30,66,56,86,75,79,60,79,70,64,59,73,68,99,69,61,69,39,34,39,84,50,50,61,64,55,64,62,34,64,63,28,28,58,28,97,63,61,64,64,39,52,39,63,59,82,59,59,53,64,34,64,84";
const BOLD =
  "35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,58,100,77,76,73,83,68,68,82,84,37,37,78,64,100,84,85,73,85,77,68,71,81,77,110,77,72,73,46,37,46,84,50,50,68,72,59,72,68,41,72,71,34,34,67,34,104,71,69,72,72,49,60,48,71,65,92,65,65,58,71,37,71,84";
const TABLE = { regular: REGULAR.split(",").map(Number), bold: BOLD.split(",").map(Number) };
/** Characters outside ASCII that chart labels use: arrows, dashes, ellipsis, accented letters. */
const EXTRA: Record<string, [number, number]> = { "→": [84, 84], "–": [50, 50], "—": [100, 100], "…": [100, 100], "×": [84, 84], "’": [32, 38] };

/** Width in pixels of one line of text at a font size; unknown characters count as wide (an em). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? TABLE.bold : TABLE.regular;
  let hundredths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    hundredths += code >= 32 && code <= 126 ? table[code - 32]! : (EXTRA[ch]?.[bold ? 1 : 0] ?? (/\p{L}/u.test(ch) ? 72 : 100));
  }
  return (hundredths / 100) * fontSize;
}

/**
 * Greedy word wrap to lines no wider than maxWidth. A word wider than that is broken after a slash or hyphen where it
 * has one ("Apollo/" "Blackstone-led"), since a narrow label has no room to let it run; one with neither keeps a
 * line of its own.
 */
export function wrapWords(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  // Each piece and whether a space goes before it when it shares a line with the previous piece.
  const pieces: { text: string; spaced: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = textWidth(word, fontSize, bold) > maxWidth ? word.split(/(?<=[/-])(?=.)/) : [word];
    parts.forEach((part, i) => pieces.push({ text: part, spaced: i === 0 }));
  }
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    const candidate = line ? `${line}${piece.spaced ? " " : ""}${piece.text}` : piece.text;
    if (line && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = piece.text;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
