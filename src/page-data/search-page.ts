// What the search page knows before Pagefind answers: the site's own names (companies with their other names, and
// chart titles), from which a misspelt query gets a "did you mean".
import type { Release } from "../dataset/load.ts";
import type { ChartModule } from "../charts/types.ts";

export interface SearchName {
  /** The name as the site writes it, which a suggestion offers. */
  name: string;
  /** The other names readers type for it (a company's aliases and ticker). */
  also: string[];
}

export function searchNames(release: Release, charts: readonly Pick<ChartModule, "title">[]): SearchName[] {
  const companies = release.dataset.entities.map((e) => ({ name: e.name, also: [...e.aliases, ...(e.ticker ? [e.ticker] : [])] }));
  return [...companies, ...charts.map((c) => ({ name: c.title, also: [] }))];
}

/**
 * The names as the page carries them (a JSON script element the search script reads). "<" is escaped so no name can
 * close the element.
 */
export function searchNamesJson(names: readonly SearchName[]): string {
  return JSON.stringify(names).replace(/</g, "\\u003c");
}
