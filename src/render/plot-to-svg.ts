// The only place that calls Plot: renders Plot options to an SVG string with a server-side document.
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";

const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * Renders one chart rendition. `scope` makes class names and ids unique per chart and rendition,
 * so two charts on one page never share a style or clip path, and output is the same on every build.
 */
export function plotToSvg(options: PlotOptions, scope: string, ariaLabel: string): RenderedSvg {
  const node = Plot.plot({ ...options, className: scope, document: document as unknown as Document });
  if (node.tagName.toLowerCase() !== "svg") {
    throw new Error(`chart ${scope}: Plot returned <${node.tagName.toLowerCase()}>; draw titles and legends outside Plot so it returns a bare <svg>`);
  }
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", ariaLabel);
  node.removeAttribute("aria-description");
  // Inside role="img" children are presentational; Plot's per-mark aria labels only trip accessibility checkers.
  for (const child of node.querySelectorAll("[aria-label], [aria-description]")) {
    child.removeAttribute("aria-label");
    child.removeAttribute("aria-description");
  }
  const width = Number(node.getAttribute("width"));
  const height = Number(node.getAttribute("height"));
  // Plot's inline <style> would need a CSP hash on every page; the same rules live in global.css instead.
  for (const style of node.querySelectorAll("style")) style.remove();
  // Plot numbers clip paths and patterns with a global counter; renumber within the chart.
  let svg = node.outerHTML;
  const ids = [...new Set([...svg.matchAll(/id="(plot-(?:clip|pattern)-\d+)"/g)].map((m) => m[1] as string))];
  ids.forEach((id, i) => {
    svg = svg.replaceAll(`"${id}"`, `"${scope}-c${i}"`).replaceAll(`#${id})`, `#${scope}-c${i})`);
  });
  return { svg, width, height };
}
