// The only place that calls Plot: renders Plot options to an SVG string with a server-side document.
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { wrapWords } from "../charts/text-width.ts";

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
  // A chart with linked marks is a group of links with a name; one without is a single image. (Focusable links
  // inside role="img" are hidden from assistive technology, which axe reports as nested interactive controls.)
  node.setAttribute("role", node.querySelector("a[href]") ? "group" : "img");
  node.setAttribute("aria-label", ariaLabel);
  node.removeAttribute("aria-description");
  // Plot's per-mark aria labels repeat the <title> text and only trip accessibility checkers.
  for (const child of node.querySelectorAll("[aria-label], [aria-description]")) {
    child.removeAttribute("aria-label");
    child.removeAttribute("aria-description");
  }
  const width = Number(node.getAttribute("width"));
  const height = Number(node.getAttribute("height"));
  // Plot's inline <style> would need a CSP hash on every page; the same rules live in global.css instead.
  for (const style of node.querySelectorAll("style")) style.remove();
  addFocusReadouts(node as unknown as Element);
  // Plot numbers clip paths and patterns with a global counter; renumber within the chart.
  let svg = node.outerHTML;
  const ids = [...new Set([...svg.matchAll(/id="(plot-(?:clip|pattern)-\d+)"/g)].map((m) => m[1] as string))];
  ids.forEach((id, i) => {
    svg = svg.replaceAll(`"${id}"`, `"${scope}-c${i}"`).replaceAll(`#${id})`, `#${scope}-c${i})`);
  });
  return { svg, width, height };
}

/**
 * A chart as a page shows it: its marks' links taken out of the Tab order, so the keyboard does not stop on every bar
 * (71 stops in the home page's chart) on its way to the page. The keyboard route to the same records is the chart's
 * data table, whose cells carry the same links. Downloads are left alone: a file's bytes never depend on a page.
 */
export function marksOutOfTabOrder(svg: string): string {
  // A chart appears on many pages (its own, pinned, as-of, embeds, articles): rewrite each drawing once per build.
  let inPage = outOfTabOrder.get(svg);
  if (inPage === undefined) outOfTabOrder.set(svg, (inPage = svg.replace(/<a (?![^>]*\btabindex=)/g, '<a tabindex="-1" ')));
  return inPage;
}
const outOfTabOrder = new Map<string, string>();

/**
 * Hover shows a linked mark's <title> natively; keyboard focus does not. Each link gets a hidden copy of its title
 * as text in the chart's top-left corner, which CSS reveals while the link has focus (global.css, .focus-tip):
 * a readout line with no script. Hidden by attribute, so downloads and PNGs never draw it.
 */
function addFocusReadouts(svg: Element): void {
  const width = Number(svg.getAttribute("width")) - 4;
  const fontSize = Number(/font-size:\s*([\d.]+)px/.exec(svg.getAttribute("style") ?? "")?.[1] ?? svg.getAttribute("font-size") ?? 10);
  for (const link of svg.querySelectorAll("a[href]")) {
    const title = link.querySelector("title")?.textContent?.trim();
    if (!title) continue;
    const tip = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "text");
    tip.setAttribute("class", "focus-tip");
    // Plot places some marks inside translated groups: undo their offsets so every readout sits in the same corner.
    const [dx, dy] = offsetOf(link, svg);
    const x = String(round(2 - dx));
    tip.setAttribute("x", x);
    tip.setAttribute("y", String(round(Math.ceil(fontSize * 1.1) - dy)));
    tip.setAttribute("text-anchor", "start");
    tip.setAttribute("visibility", "hidden");
    wrapWords(title, width, fontSize, true).forEach((line, i) => {
      const span = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "tspan");
      span.setAttribute("x", x);
      if (i > 0) span.setAttribute("dy", "1.2em");
      span.textContent = line;
      tip.appendChild(span);
    });
    link.appendChild(tip);
  }
}

/** Sum of the translate() offsets between an element (inclusive) and the root SVG. */
function offsetOf(element: Element, root: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    const m = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(node.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return [x, y];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
