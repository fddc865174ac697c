// `npm test`: every layer in order (data check, unit + chart snapshots, real build, build-output, browser),
// stopping at the first failing layer, and closing with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  console.log(`=== ${label}: ${result.status === 0 ? "ok" : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { ok: result.status === 0, text: `${result.stdout}\n${result.stderr}` };
};

const node = process.execPath;
const counts = { passed: 0, failed: 0 };
const countVitest = (text) => {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => /^\s*Tests\s+/.test(l)) ?? "";
  counts.passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
  counts.failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
};
const countNodeTest = (text) => {
  counts.passed += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  counts.failed += Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
};

const steps = [
  () => run("data", node, ["scripts/check-data.ts"]),
  // What Prettier enforces is the style (see .prettierrc.json and .prettierignore): no style debates in review.
  () => run("format", node, ["node_modules/prettier/bin/prettier.cjs", "--check", "."]),
  // TypeScript in strict mode over src/, scripts/ and tests/ (.astro files are checked by the build itself);
  // `astro sync` first writes the astro:content types a fresh clone does not have yet.
  () => {
    const sync = run("content types", node, ["node_modules/astro/bin/astro.mjs", "sync"]);
    return sync.ok ? run("types", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]) : sync;
  },
  () => {
    const r = run("unit and chart snapshots", node, ["node_modules/vitest/vitest.mjs", "run", "tests/unit", "tests/charts"]);
    countVitest(r.text);
    return r;
  },
  () => run("build (the README's build command)", "npm", ["run", "build", "--silent"]),
  () => {
    const r = run("build output", node, ["node_modules/vitest/vitest.mjs", "run", "tests/build"]);
    countVitest(r.text);
    return r;
  },
  () => {
    if (!existsSync("/usr/bin/chromium")) {
      console.log("Chromium is not installed at /usr/bin/chromium: install it with `apt-get install -y chromium` (the browser tests need it).");
      counts.failed += 1;
      return { ok: false };
    }
    // Two test files at a time: each starts its own server (port 0) and Chromium, so none shares state with another;
    // on two cores this takes the layer from about 310 s to about 250 s.
    const r = run("browser", node, ["--test", "--test-concurrency=2", "--test-reporter=spec", "tests/e2e/*.test.mjs"]);
    countNodeTest(r.text.replace(/\x1b\[[0-9;]*m/g, "").replace(/^ℹ (pass|fail) (\d+)/gm, "# $1 $2"));
    return r;
  },
];

let ok = true;
for (const step of steps) {
  const before = counts.failed;
  if (!step().ok) {
    ok = false;
    // A failing step that is not a test runner (data check, types, build) still counts as a failure.
    if (counts.failed === before) counts.failed += 1;
    break;
  }
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(ok ? 0 : 1);
