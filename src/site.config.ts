// The one place for site-wide values: name, URL, base path, licences, navigation.
// SITE_URL and BASE_PATH may be overridden at build time for a different host (see README, "Deploy").

const env = typeof process !== "undefined" ? process.env : {};

/** Absolute origin the site is served from, without a trailing slash. */
export const SITE_URL = (env.SITE_URL ?? "https://circularity.report").replace(/\/+$/, "");

/** Path prefix when served from a sub-folder (GitHub Pages project sites): "/" or "/repo/". */
export const BASE_PATH = normaliseBase(env.BASE_PATH ?? "/");

/** Where the article MDX files live, with their frozen earlier versions (a fixture folder in tests). */
export const ARTICLES_DIR = env.CIRCULARITY_CONTENT_DIR ?? "./content/articles";

export const SITE = {
  name: "Circularity",
  tagline: "Research on AI circular investing: who funds whom, and who buys from whom",
  description:
    "Sourced data and analysis on the loops in which AI companies invest in customers that buy their chips and cloud, compared with the 1990s telecom vendor-financing bubble.",
  locale: "en-US",
  contentLicence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  codeLicence: { name: "MIT", url: "https://opensource.org/license/mit" },
  publisher: "Circularity",
  /**
   * Where readers reach the editors (corrections, broken links). On the site's own domain, like SITE_URL:
   * change both together when the site moves.
   */
  contact: { email: "editors@circularity.report", subjectForCorrections: "Correction" },
} as const;

export const NAV = [
  { label: "Monitor", path: "monitor/" },
  { label: "Articles", path: "articles/" },
  { label: "Charts", path: "charts/" },
  { label: "Deals", path: "deals/" },
  { label: "Loops", path: "loops/" },
  { label: "Data", path: "data/" },
  { label: "Search", path: "search/" },
] as const;

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
