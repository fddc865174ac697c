// What the home page shows: the monitor's headline indicators, the AI era's totals and loops as of the current release, the signature chart,
// the newest articles and the site's structured data.
import { SITE } from "../site.config.ts";
import { currentChart } from "../render/charts.ts";
import { loopsOf, type Release } from "../dataset/index.ts";
import { activeDeals, dealsInEra, totalsByBasis } from "../dataset/selectors.ts";
import type { Article } from "../articles/entries.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { currentIndicators } from "../render/indicators.ts";

export function homePage(release: Release, articles: readonly Article[]) {
  const ai = dealsInEra(activeDeals(release.dataset.deals), "ai-2020s");
  return {
    release,
    ai,
    totals: totalsByBasis(ai),
    loops: loopsOf(release).filter((l) => l.era === "ai-2020s"),
    /** The lead article (the site's verdict) first, then the newest. */
    articles: [...articles.filter((a) => a.data.lead), ...articles.filter((a) => !a.data.lead)].slice(0, 4),
    network: currentChart("who-funds-whom"),
    /** The monitor's headline indicators, which the page leads with (the raw totals follow in a sentence). */
    indicators: currentIndicators()
      .slice(0, 4)
      .map((i) => ({ title: i.title, display: i.display, path: paths.indicator(i.id) })),
    /** The newest deal's date: how far the figures reach. */
    newest: ai
      .map((d) => d.announced)
      .sort()
      .at(-1)!,
    jsonLd: { "@context": "https://schema.org", "@type": "WebSite", name: SITE.name, description: SITE.description, url: absoluteUrl() },
  };
}
