// The embed snippet readers paste into their pages: an iframe, plus a few lines that size it to its content.
import { absoluteUrl, paths } from "./urls.ts";
import { SITE_URL } from "../site.config.ts";

/** Must match EMBED_MESSAGE in src/client/embed-height.ts, which posts it. */
const MESSAGE = "circularity:embed-height";

/**
 * The iframe starts at `fallbackHeight` (enough for a phone-width rendering, for hosts that strip scripts) and the
 * listener resizes every Circularity iframe on the page to the height its content reports. Messages are trusted
 * only from the site's own origin and only for the iframe that sent them.
 */
export function embedSnippet(id: string, title: string, fallbackHeight: number): string {
  const origin = new URL(SITE_URL).origin;
  const iframe = `<iframe data-circularity-embed src="${absoluteUrl(paths.embed(id))}" title="${escapeAttr(title)}" style="width:100%;height:${fallbackHeight}px;border:0" loading="lazy"></iframe>`;
  const listener =
    `<script>window.circularityEmbeds||(window.circularityEmbeds=addEventListener("message",function(e){` +
    `if(e.origin!=="${origin}"||!e.data||e.data.type!=="${MESSAGE}")return;` +
    `document.querySelectorAll("iframe[data-circularity-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})||1)</script>`;
  return `${iframe}\n${listener}`;
}

function escapeAttr(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}
