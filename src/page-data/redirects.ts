// Every old URL that must keep resolving, from the chart and article alias maps and the deal listings' old default
// order: one list feeds the
// static redirect pages and the host's _redirects file.
import { CHART_ALIASES, CHARTS } from "../charts/index.ts";
import { paths } from "../lib/urls.ts";
import { currentRelease, getHistory } from "../dataset/index.ts";
import { dealVersionRedirects } from "./deal-versions.ts";
import { retiredListingPaths } from "./deal-listings.ts";

/** Old article slug → current slug. Renaming an article file adds a line here. */
export const ARTICLE_ALIASES: Readonly<Record<string, string>> = {};

export interface Redirect {
  from: string;
  to: string;
}

export function redirects(): Redirect[] {
  const list: Redirect[] = [];
  for (const [old, id] of Object.entries(CHART_ALIASES)) {
    if (CHARTS.some((c) => c.id === old)) throw new Error(`chart alias "${old}" is also a live chart id`);
    list.push({ from: paths.chart(old), to: paths.chart(id) }, { from: paths.embed(old), to: paths.embed(id) });
  }
  for (const [old, slug] of Object.entries(ARTICLE_ALIASES)) list.push({ from: paths.article(old), to: paths.article(slug) });
  list.push(...retiredListingPaths(currentRelease().dataset));
  list.push(...dealVersionRedirects(getHistory().releases));
  return list.sort((a, b) => a.from.localeCompare(b.from));
}
