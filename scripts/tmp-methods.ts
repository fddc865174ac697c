import { loadReleases } from "../src/dataset/load.ts";
import { derivedLoops, loopsByRewiring, timingByChance, loopOrder, LOOP_ORDERS } from "../src/dataset/loops.ts";
import { readFileSync, readdirSync } from "node:fs";
const { releases } = loadReleases("data");
const rel = releases.find((r) => r.version === "1.24.0")!;
const deals = rel.dataset.deals;
for (const w of [0, 1, 3, 7, 14]) {
  const loops = derivedLoops(deals, 3, w).filter((l) => l.era === "ai-2020s");
  const by = (size: number) => Object.fromEntries(LOOP_ORDERS.map((o) => [o, loops.filter((l) => l.entities.length === size && l.order === o).length]));
  console.log("window", w, "pairs", JSON.stringify(by(2)), "chains", JSON.stringify(by(3)));
  for (const size of [2, 3]) {
    const c = timingByChance(deals, "ai-2020s", { size, packageDays: w });
    console.log("  chance", size, JSON.stringify(c.mean), JSON.stringify(c.low), JSON.stringify(c.high));
  }
}
const r = loopsByRewiring(deals, "ai-2020s");
console.log("rewired", JSON.stringify(r));
// no supersession dating
const base = derivedLoops(deals);
for (const l of base) { const o = loopOrder(l); if (o !== l.order) console.log("LOI-dependent:", l.id, l.order, "->", o); }
const w7 = derivedLoops(deals, 3, 7);
for (const l of w7) { const b = base.find((x) => x.id === l.id)!; if (b.order !== l.order) console.log("window7 changes:", l.id, b.order, "->", l.order); }
console.log("total loops", base.length, "ai", base.filter(l=>l.era==="ai-2020s").length);
