// The text of a page's <title>: what the page is, then the site's name. One home, read by the page head and by the
// article schema's check that a title fits html-validate's limit.
import { SITE } from "../site.config.ts";

export function documentTitle(title: string): string {
  return `${title} | ${SITE.name}`;
}
