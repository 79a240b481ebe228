// npm run bench [-- --full]: the matcher, the bot and the service benchmarks, one process each so
// that none inherits another's heap. Quick by default (a few minutes); --full for the figures of
// record.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHMARKS = [
  // The matcher's memory figures need to collect garbage on demand.
  { file: "matcher.bench.ts", flags: ["--expose-gc"] },
  { file: "bot.bench.ts", flags: [] },
  { file: "service.bench.ts", flags: [] },
];

const passed = process.argv.slice(2);
for (const { file, flags } of BENCHMARKS) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const { status } = spawnSync(process.execPath, [...flags, "--import", "tsx", path, ...passed], {
    stdio: "inherit",
  });
  if (status !== 0) {
    console.error(`${file} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}
