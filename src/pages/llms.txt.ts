// /llms.txt: what the site holds, how to cite it and where the data is, for AI assistants (llmstxt.org format).
import type { APIRoute } from "astro";
import { publishedCharts } from "../render/charts.ts";
import { currentRelease } from "../dataset/index.ts";
import { publishedArticles } from "../articles/collection.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";
import { evidenceThroughText } from "../lib/dates.ts";

export const GET: APIRoute = async () => {
  const release = currentRelease();
  const { dataset } = release;
  const articles = await publishedArticles();
  const text = `# ${SITE.name}

> ${SITE.description}

Every figure on the site comes from one versioned dataset (current: v${release.version}, released ${release.released}, ${evidenceThroughText(release)}, so deals reported later may be missing; ${dataset.deals.length} deals, ${dataset.entities.length} entities, ${dataset.metrics.length} metrics, ${dataset.financing.length} financing records). Each amount carries a basis (committed, up to, reported, estimated) and each source a grade (filing, company, wire, press, aggregator); quote both with the figure. Released versions never change; cite the version.

## How to cite
- A chart: cite its pinned URL, ${absoluteUrl("charts/<id>/v<version>/")}, which always shows the same chart. Live chart pages name it with <link rel="cite-as">.
- A deal: ${absoluteUrl("deals/<id>/")} and the dataset version. Article pages give APA, BibTeX, CSL-JSON and RIS.
- Licence: ${SITE.contentLicence.name} (${SITE.contentLicence.url}). Attribute "${SITE.name}".

## Data
- [JSON API index](${absoluteUrl(paths.apiIndex())}): every deal, company and chart as JSON, each naming its dataset version and licence
- [Dataset v${release.version} (JSON)](${absoluteUrl(paths.dataDownload(release.version, "json"))}), [deals CSV](${absoluteUrl(paths.dataDownload(release.version, "csv"))}), [Data Package](${absoluteUrl(paths.datapackage(release.version))}), [JSON Schema](${absoluteUrl(paths.schema())})
- [Versions, evidence grades and changelog](${absoluteUrl(paths.data())}); [release feed (Atom)](${absoluteUrl(paths.dataFeed())}); each company has a feed at ${absoluteUrl("companies/<id>/feed.xml")}

## Articles
${articles.map((a) => `- [${a.data.title}](${absoluteUrl(paths.article(a.id))}): ${a.data.description}`).join("\n")}

## Charts
${publishedCharts()
  .map((c) => `- [${c.title}](${absoluteUrl(paths.chart(c.id))}): ${c.subtitle}`)
  .join("\n")}

## Optional
- [Methods](${absoluteUrl(paths.article("methods-dataset-and-loops"))}): how records are graded and loops derived
- [How the deals are financed](${absoluteUrl(paths.financing())})
- [All deals](${absoluteUrl(paths.deals())}), [circular loops](${absoluteUrl(paths.loops())})
`;
  return new Response(text, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
