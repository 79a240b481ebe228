// npm run bench (second part): text updates per second through the whole bot (createBot, a stub
// Bot API in process, SQLite storage on disk), beside the matcher alone on the same questions.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Update } from "grammy/types";
import { createApp } from "../src/app.js";
import { knowledgeDir } from "../src/config.js";
import { loadEvalSet } from "../src/eval/eval-set.js";
import { percentile } from "../src/eval/evaluate.js";
import { createLogger } from "../src/logger.js";
import { FakeTelegram } from "../src/offline/fake-telegram.js";
import { textUpdate } from "../tests/e2e/processes.js";

// Quick by default; `npm run bench -- --full` for the figures of record.
const FULL = process.argv.includes("--full");
const UPDATES = FULL ? 20_000 : 5_000;
// Enough users that none reaches the rate limit, which would skip the matcher.
const USERS = 4_000;

const testSet = await loadEvalSet(
  fileURLToPath(new URL("../tests/eval/test.yaml", import.meta.url)),
);
if (!testSet.ok) throw new Error("tests/eval/test.yaml does not load");
const questions = testSet.items.map((item) => item.q);

const dataDir = mkdtempSync(join(tmpdir(), "hk-sim-bench-"));
const telegram = new FakeTelegram();
const app = await createApp({
  config: {
    dataDir,
    knowledgeDir: knowledgeDir(process.env),
    adminIds: new Set(),
    logLevel: "silent",
    schedulerIntervalMs: 60_000,
  },
  logger: createLogger("silent"),
  fetch: telegram.fetch,
  botInfo: telegram.botInfo,
});

const { matcher } = app.deps.knowledge();
const matcherTimes: number[] = [];
for (let index = 0; index < UPDATES; index++) {
  const started = performance.now();
  matcher.match(questions[index % questions.length] ?? "");
  matcherTimes.push(performance.now() - started);
}

// Updates built beforehand, so that only the bot's own work is timed.
const updates = (count: number, firstUser: number, users: number) =>
  Array.from(
    { length: count },
    (_, index) =>
      textUpdate(
        firstUser * 100 + index,
        firstUser + (index % users),
        questions[index % questions.length] ?? "",
      ) as unknown as Update,
  );
// Warm up the JIT on a separate set of users, as a running bot would be.
for (const update of updates(2_000, 1_000, 400)) await app.bot.handleUpdate(update);
const botTimes: number[] = [];
const started = performance.now();
for (const update of updates(UPDATES, 10_000, USERS)) {
  const t = performance.now();
  await app.bot.handleUpdate(update);
  botTimes.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
await app.close();
rmSync(dataDir, { recursive: true, force: true });

matcherTimes.sort((a, b) => a - b);
botTimes.sort((a, b) => a - b);
const row = (name: string, times: number[], perSecond: number) =>
  `${name.padEnd(34)}${perSecond.toFixed(0).padStart(12)}${percentile(times, 0.5).toFixed(3).padStart(10)}${percentile(times, 0.99).toFixed(3).padStart(10)}`;
console.log(
  `\n${UPDATES} text updates from ${USERS} users, questions from tests/eval/test.yaml (${FULL ? "full" : "quick; --full for more"})`,
);
console.log(
  `${"".padEnd(34)}${"per second".padStart(12)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`,
);
console.log(
  row("matcher alone", matcherTimes, UPDATES / (matcherTimes.reduce((a, b) => a + b, 0) / 1000)),
);
console.log(row("bot (createBot, stub API, SQLite)", botTimes, UPDATES / seconds));
