// The search page's ranking and "did you mean", on the site's real names: a reader who types a name finds that page
// first, and a slip of the keyboard is offered the name it missed.
import { describe, expect, it } from "vitest";
import { editDistance, editsAllowed, normalise, suggestion, titleFirst, titleScore } from "../../src/client/search-rank.ts";
import { searchNames, searchNamesJson } from "../../src/page-data/search-page.ts";
import { currentRelease } from "../../src/dataset/index.ts";
import { CHARTS } from "../../src/charts/index.ts";

describe("names the search page carries", () => {
  it("every company with its aliases and ticker, and every chart title", () => {
    const release = currentRelease();
    const names = searchNames(release, CHARTS);
    expect(names).toHaveLength(release.dataset.entities.length + CHARTS.length);
    const coreweave = names.find((n) => n.name === "CoreWeave")!;
    expect(coreweave.also).toContain("CRWV");
    expect(names.map((n) => n.name)).toContain("The biggest circles");
  });

  it("cannot close the script element that carries them", () => {
    expect(searchNamesJson([{ name: "</script><b>", also: [] }])).not.toContain("</script>");
    expect(JSON.parse(searchNamesJson([{ name: "</script>", also: ["a<b"] }]))).toEqual([{ name: "</script>", also: ["a<b"] }]);
  });
});

describe("normalise", () => {
  it("folds case and accents and keeps $ and &", () => {
    expect(normalise("  Société Générale ")).toBe("societe generale");
    expect(normalise("AT&T")).toBe("at&t");
    expect(normalise("$100B")).toBe("$100b");
    expect(normalise("Oracle–OpenAI")).toBe("oracle openai");
  });
});

describe("titleScore and titleFirst", () => {
  it("puts the page named by the query first, then pages whose title holds every word", () => {
    expect(titleScore("coreweave", { title: "CoreWeave" })).toBe(0);
    expect(titleScore("AWS", { title: "Amazon (AWS)", otherNames: ["AWS", "Amazon Web Services"] })).toBe(0);
    expect(titleScore("coreweave", { title: "CoreWeave noteholders" })).toBe(1);
    expect(titleScore("warrant", { title: "AMD's warrants to OpenAI" })).toBe(1);
    expect(titleScore("coreweave", { title: "Nvidia → OpenAI" })).toBe(Infinity);
    expect(titleScore("", { title: "CoreWeave" })).toBe(Infinity);
  });

  it("counts topics toward every word, but a word in the title beats a word only in the topics", () => {
    const oracleArticle = { title: "Can the Oracle–OpenAI contract be paid?", topics: ["Oracle", "debt financing"] };
    const debtArticle = { title: "Who lends against the loops", topics: ["debt financing", "Oracle"] };
    expect(titleScore("Oracle debt", oracleArticle)).toBe(2);
    expect(titleScore("Oracle debt", debtArticle)).toBe(3);
    expect(titleScore("Oracle debt", { title: "Oracle" })).toBe(Infinity);
  });

  it("keeps Pagefind's order among equals", () => {
    const results = [
      { title: "Oracle" },
      { title: "Michigan campus investors" },
      { title: "Who lends against the loops", topics: ["debt financing", "Oracle"] },
      { title: "Can the Oracle–OpenAI contract be paid?", topics: ["Oracle", "debt financing"] },
      { title: "What changed in 2026", topics: ["Oracle", "debt financing"] },
    ];
    expect(titleFirst(results, "Oracle debt", (r) => r).map((r) => r.title)).toEqual([
      "Can the Oracle–OpenAI contract be paid?",
      "Who lends against the loops",
      "What changed in 2026",
      "Oracle",
      "Michigan campus investors",
    ]);
    // One-letter words must match whole: "a" does not match "Amazon".
    expect(titleFirst([{ title: "Amazon" }, { title: "A" }], "a", (r) => r).map((r) => r.title)).toEqual(["A", "Amazon"]);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("coreweve", "coreweave")).toBe(1);
    expect(editDistance("nivdia", "nvidia")).toBe(1);
    expect(editDistance("oracel", "oracle")).toBe(1);
    expect(editDistance("anthropc", "anthropic")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("allows no edit below four letters, one up to six, two from seven", () => {
    expect([3, 4, 6, 7, 12].map(editsAllowed)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("suggestion", () => {
  const names = [
    { name: "CoreWeave", also: ["CRWV"] },
    { name: "Nvidia", also: ["NVDA"] },
    { name: "Oracle", also: ["ORCL"] },
    { name: "Anthropic", also: ["Claude maker"] },
    { name: "Amazon (AWS)", also: ["AWS"] },
    { name: "The biggest circles", also: [] },
  ];

  it("offers the name a misspelt query missed, as the site writes it", () => {
    expect(suggestion("coreweve", names, "")).toBe("CoreWeave");
    expect(suggestion("nivdia", names, "")).toBe("Nvidia");
    expect(suggestion("biggest cirlces", names, "")).toBe("The biggest circles");
  });

  it("corrects only the misspelt words of a longer query", () => {
    expect(suggestion("oracel debt", names, "")).toBe("Oracle debt");
    expect(suggestion("coreweve backstop", names, "backstops by Nvidia")).toBe("CoreWeave backstop");
  });

  it("offers nothing when the query is spelt right, found in the results, or too far from any name", () => {
    expect(suggestion("CoreWeave", names, "")).toBeUndefined();
    expect(suggestion("aws", names, "")).toBeUndefined();
    expect(suggestion("corewave", names, "CoreWave Ltd, a different firm")).toBeUndefined();
    expect(suggestion("backstop", names, "")).toBeUndefined();
    expect(suggestion("orc", names, "")).toBeUndefined();
    expect(suggestion("   ", names, "")).toBeUndefined();
  });
});
