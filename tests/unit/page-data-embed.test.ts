// The embed: the page a host's iframe shows, and the snippet a reader pastes. A wrong src, theme, height or origin
// check shows a host's readers a cut-off, wrongly themed or spoofable chart, so the snippet is run here as a host
// page would run it.
import { beforeEach, describe, expect, it } from "vitest";
import { runInNewContext } from "node:vm";
import type { RenderedChart } from "../../src/render/chart-render.ts";
import { chartEmbeds, EMBED_THEMES, embedPage, embedSnippet, linksToTop } from "../../src/page-data/embed.ts";
import { EMBED_MESSAGE } from "../../src/client/embed-height.ts";

const ORIGIN = "https://circularity.report";

/** A rendered chart as the archive holds one from 1.0.0 (format 1, no frozen figure): its PNG is the wide SVG at 2×. */
function chart(overrides: Partial<RenderedChart> = {}): RenderedChart {
  return {
    format: 1,
    id: "who-funds-whom",
    version: "1.1.0",
    title: 'Who "funds" <whom> & why',
    subtitle: "Subtitle",
    caption: "Caption",
    sourceNote: "Source",
    alt: 'A network of "loops" & <edges>',
    wide: { svg: '<svg><a href="/deals/a/"><rect/></a><a target="_blank" href="https://example.org/"></a></svg>', width: 720, height: 480 },
    narrow: { svg: '<svg><a href="/deals/b/"><circle/></a></svg>', width: 380, height: 900 },
    legend: [],
    table: { headers: [], rows: [] },
    rows: [],
    csv: "",
    json: "",
    dealIds: [],
    ...overrides,
  };
}

/** A host page: runs the snippet's script with its own window, and holds iframes that report their height. */
function hostPage() {
  const listeners: { type: string; listener: (e: unknown) => void }[] = [];
  const frames = [0, 1].map((i) => ({ contentWindow: { frame: i }, style: { height: "1234px" } }));
  const other = { contentWindow: { frame: "not ours" }, style: { height: "50px" } };
  const window: Record<string, unknown> = {
    addEventListener: (type: string, listener: (e: unknown) => void) => void listeners.push({ type, listener }),
    document: { querySelectorAll: (selector: string) => (selector === "iframe[data-circularity-embed]" ? frames : [other]) },
  };
  window.window = window;
  return {
    window,
    frames,
    other,
    listeners,
    run: (snippet: string) => runInNewContext(/<script>([\s\S]*)<\/script>/.exec(snippet)![1]!, window),
    post: (e: { origin: string; data: unknown; source: unknown }) => listeners.forEach((l) => l.listener(e)),
  };
}

describe("embed snippet", () => {
  const src = `${ORIGIN}/embed/charts/who-funds-whom/`;

  it("frames the embed at the fallback height, light unless asked, with its title escaped for the attribute", () => {
    const [iframe, script] = embedSnippet(src, 'Who "funds" <whom> & why', 1100).split("\n");
    expect(iframe).toBe(
      `<iframe data-circularity-embed src="${src}?theme=light" title="Who &quot;funds&quot; &lt;whom> &amp; why" style="width:100%;height:1100px;border:0" loading="lazy"></iframe>`,
    );
    expect(script).toMatch(/^<script>.*<\/script>$/);
    for (const theme of EMBED_THEMES) expect(embedSnippet(src, "t", 10, theme)).toContain(` src="${src}?theme=${theme}" `);
    expect(EMBED_THEMES).toEqual(["light", "dark", "auto"]);
  });

  describe("on a host page", () => {
    let host: ReturnType<typeof hostPage>;
    beforeEach(() => {
      host = hostPage();
      // Two snippets pasted on one page: the second must not add a second listener.
      host.run(embedSnippet(src, "a", 1100));
      host.run(embedSnippet(`${src}v1.1.0/`, "b", 1100, "dark"));
    });

    it("listens once for messages, however many snippets the page holds", () => {
      expect(host.listeners.map((l) => l.type)).toEqual(["message"]);
      expect(host.window.circularityEmbeds).toBeTruthy();
    });

    it("resizes only the Circularity iframe that sent the height, to that height", () => {
      host.post({ origin: ORIGIN, data: { type: EMBED_MESSAGE, height: 812 }, source: host.frames[1]!.contentWindow });
      expect(host.frames.map((f) => f.style.height)).toEqual(["1234px", "812px"]);
      expect(host.other.style.height).toBe("50px");
    });

    it("ignores messages from any other origin, of any other type, or with no data", () => {
      const source = host.frames[0]!.contentWindow;
      host.post({ origin: "https://evil.example", data: { type: EMBED_MESSAGE, height: 1 }, source });
      host.post({ origin: `${ORIGIN}.evil.example`, data: { type: EMBED_MESSAGE, height: 2 }, source });
      host.post({ origin: ORIGIN, data: { type: "something-else", height: 3 }, source });
      host.post({ origin: ORIGIN, data: { height: 4 }, source });
      expect(() => host.post({ origin: ORIGIN, data: null, source })).not.toThrow();
      expect(host.frames.map((f) => f.style.height)).toEqual(["1234px", "1234px"]);
    });
  });
});

describe("a chart page's embeds", () => {
  it("offers the live embed on a live page, at the taller rendition's height plus the room around the figure", () => {
    const embeds = chartEmbeds(chart(), false);
    expect(embeds.iframe).toContain(` src="${ORIGIN}/embed/charts/who-funds-whom/?theme=light" `);
    expect(embeds.iframe).toContain(`title="Who &quot;funds&quot; &lt;whom> &amp; why"`);
    // The phone rendition (900) is the taller here.
    expect(embeds.iframe).toContain("height:1520px;");
    // And the wide one when it is the taller.
    expect(chartEmbeds(chart({ wide: { svg: "<svg/>", width: 720, height: 1000 } }), false).iframe).toContain("height:1620px;");
    expect(embeds.themes).toEqual(["light", "dark", "auto"]);
  });

  it("offers the pinned embed on a pinned page", () => {
    expect(chartEmbeds(chart(), true).iframe).toContain(` src="${ORIGIN}/embed/charts/who-funds-whom/v1.1.0/?theme=light" `);
  });

  it("offers a static image linked to the pinned chart, at half the PNG's pixel size, its alt text escaped", () => {
    const pinnedUrl = `${ORIGIN}/charts/who-funds-whom/v1.1.0/`;
    const png = `${ORIGIN}/charts/who-funds-whom/v1.1.0/who-funds-whom.png`;
    // Live and pinned pages both offer the pinned image: a live image would change under the host's text.
    for (const pinned of [false, true]) {
      expect(chartEmbeds(chart(), pinned).image).toBe(
        `<a href="${pinnedUrl}"><img src="${png}" alt="A network of &quot;loops&quot; &amp; &lt;edges>" width="720" height="480" style="max-width:100%;height:auto"></a>`,
      );
    }
    // A chart with a frozen figure: the PNG is the figure, not the bare wide SVG.
    const withFigure = chart({ format: 2, figure: { svg: "<svg/>", width: 800, height: 1010 } });
    expect(chartEmbeds(withFigure, true).image).toContain(' width="800" height="1010" ');
  });
});

describe("embed page data", () => {
  it("titles, credits and canonicalises a live embed to the live chart", () => {
    const page = embedPage(chart(), false);
    expect(page.pinned).toBe(false);
    expect(page.title).toBe('Who "funds" <whom> & why | Circularity');
    expect(page.canonical).toBe(`${ORIGIN}/charts/who-funds-whom/`);
    expect(page.permalinkPath).toBeUndefined();
    expect(page.credit).toBe("Circularity, dataset v1.1.0");
    expect(page.licence).toBe("CC BY 4.0");
  });

  it("names the release in a pinned embed's title and canonicalises it to the pinned chart", () => {
    const page = embedPage(chart(), true);
    expect(page.pinned).toBe(true);
    expect(page.title).toBe('Who "funds" <whom> & why (dataset v1.1.0) | Circularity');
    expect(page.canonical).toBe(`${ORIGIN}/charts/who-funds-whom/v1.1.0/`);
    expect(page.permalinkPath).toBe("charts/who-funds-whom/v1.1.0/");
    expect(page.credit).toBe("Circularity, dataset v1.1.0");
  });

  it("opens both renditions' links in the reader's window, leaving the shared chart itself untouched", () => {
    const input = chart();
    const before = structuredClone(input);
    const page = embedPage(input, false);
    expect(page.chart.wide).toEqual({
      svg: '<svg><a target="_top" href="/deals/a/"><rect/></a><a target="_blank" href="https://example.org/"></a></svg>',
      width: 720,
      height: 480,
    });
    expect(page.chart.narrow).toEqual({ svg: '<svg><a target="_top" href="/deals/b/"><circle/></a></svg>', width: 380, height: 900 });
    expect(page.chart.title).toBe(input.title);
    expect(page.chart.alt).toBe(input.alt);
    expect(input).toEqual(before);
  });

  it("adds a target only to links, and only to those without one", () => {
    expect(linksToTop('<a href="/x/"></a><abbr title="t"></abbr><a href="/y/" target="_self"></a>')).toBe(
      '<a target="_top" href="/x/"></a><abbr title="t"></abbr><a href="/y/" target="_self"></a>',
    );
    expect(linksToTop("<svg><text>no links</text></svg>")).toBe("<svg><text>no links</text></svg>");
  });
});
