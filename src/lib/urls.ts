// Builds every internal URL from one base path, so a sub-folder deploy changes one setting.
import { BASE_PATH, SITE_URL } from "../site.config.ts";

/** Site-relative href for a path like "charts/x/" (no leading slash needed). */
export function href(path = ""): string {
  return BASE_PATH + path.replace(/^\/+/, "");
}

/** The id of a company figure's entry on its company page. */
export const metricAnchor = (id: string) => `metric-${id}`;

/** Absolute URL for canonical links, citations and feeds. */
export function absoluteUrl(path = ""): string {
  return SITE_URL + href(path);
}

export const paths = {
  home: () => "",
  articles: () => "articles/",
  article: (slug: string) => `articles/${slug}/`,
  tag: (tag: string) => `tags/${tag}/`,
  charts: () => "charts/",
  chart: (id: string) => `charts/${id}/`,
  chartPinned: (id: string, version: string) => `charts/${id}/v${version}/`,
  chartAsOf: (id: string, version: string, date: string) => `charts/${id}/v${version}/as-of/${date}/`,
  chartDownload: (id: string, ext: "svg" | "png" | "csv" | "json") => `charts/${id}.${ext}`,
  chartPinnedDownload: (id: string, version: string, ext: "svg" | "png" | "csv" | "json") => `charts/${id}/v${version}/${id}.${ext}`,
  embed: (id: string) => `embed/charts/${id}/`,
  embedPinned: (id: string, version: string) => `embed/charts/${id}/v${version}/`,
  deals: () => "deals/",
  deal: (id: string) => `deals/${id}/`,
  /** One version of a deal record: the page (or redirect) that shows it as that release held it. */
  dealVersion: (id: string, version: string) => `deals/${id}/v${version}/`,
  companies: () => "companies/",
  company: (id: string) => `companies/${id}/`,
  /** A company figure (metric record), listed on its company's page under this anchor. */
  companyMetric: (entity: string, id: string) => `companies/${entity}/#${metricAnchor(id)}`,
  loops: () => "loops/",
  financing: () => "financing/",
  /** One financing record, an entry of the financing page. */
  financingRecord: (id: string) => `financing/#${id}`,
  data: () => "data/",
  dataDownload: (version: string, ext: "json" | "csv") => `data/${version}.${ext}`,
  /** One tidy table of a release (deals, companies, metrics, financing, sources), CSV. */
  dataTable: (version: string, table: string) => `data/${version}/${table}.csv`,
  schema: () => "data/schema.json",
  search: () => "search/",
  rss: () => "rss.xml",
  dataFeed: () => "data/feed.xml",
  companyFeed: (id: string) => `companies/${id}/feed.xml`,
  datapackage: (version: string) => `data/${version}/datapackage.json`,
  chartPinnedRis: (id: string, version: string) => `charts/${id}/v${version}/${id}.ris`,
  articleRis: (slug: string) => `articles/${slug}/cite.ris`,
  /** The pinned URL of one version of an article: its text exactly as published then. */
  articleVersion: (slug: string, version: number) => `articles/${slug}/v${version}/`,
  dealRis: (id: string) => `deals/${id}/cite.ris`,
  api: () => "api/v1/",
  apiIndex: () => "api/v1/index.json",
  apiDeal: (id: string) => `api/v1/deals/${id}.json`,
  apiCompany: (id: string) => `api/v1/companies/${id}.json`,
  apiChart: (id: string) => `api/v1/charts/${id}.json`,
  llms: () => "llms.txt",
  monitor: () => "monitor/",
  monitorFeed: () => "monitor/feed.xml",
  indicator: (id: string) => `monitor/${id}/`,
  indicatorPinned: (id: string, version: string) => `monitor/${id}/v${version}/`,
  indicatorPinnedDownload: (id: string, version: string, ext: "json" | "ris") => `monitor/${id}/v${version}/${id}.${ext}`,
  apiIndicator: (id: string) => `api/v1/indicators/${id}.json`,
  /** A page's social card: the 1.91:1 picture a shared link unfurls to. */
  card: (kind: string, id: string) => `cards/${kind}/${id}.png`,
} as const;
