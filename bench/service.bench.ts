// npm run bench (third part): the service end to end over loopback. Two `npm start` instances in
// webhook mode on one PostgreSQL, then one on SQLite, each fed text updates over HTTP: first as
// fast as they answer, then at the target rate. The Bot API is a stub server in this process.
// Prints updates/s, p50 and p99 per setup and load, and checks that no write was lost (every
// update's question is counted in the database). Quick by default (about a minute); `--full`
// sends three times as many updates, for figures to compare.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer as createHttpServer, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEvalSet } from "../src/eval/eval-set.js";
import { percentile } from "../src/eval/evaluate.js";
import { FakeTelegram } from "../src/offline/fake-telegram.js";
import { openStorage } from "../src/storage/open.js";
import { classifySmallTalk } from "../src/text/small-talk.js";
import { freePort, startWebhookBot, textUpdate } from "../tests/e2e/processes.js";

const FULL = process.argv.includes("--full");
const UPDATES = FULL ? 3_000 : 1_000;
const CONCURRENCY = 32;
/** The target: 500 updates a second across the two instances, p99 within 100 ms. */
const TARGET_RATE = 500;
const RATE_UPDATES = FULL ? 2_500 : 1_000;
const SECRET = "service-benchmark-secret";
const project = fileURLToPath(new URL("..", import.meta.url));

const benchStarted = performance.now();
console.log(
  FULL
    ? "service benchmark, full run"
    : "service benchmark, quick run (--full for the thorough one: more updates, steadier figures)",
);

const testSet = await loadEvalSet(join(project, "tests/eval/test.yaml"));
if (!testSet.ok) throw new Error("tests/eval/test.yaml does not load");
// Small talk ("thanks!", "👋") is answered but, by design, not kept as a question: left out, so
// that every update sent is one the database must count.
const questions = testSet.items.map((item) => item.q).filter((q) => !classifySmallTalk(q));

// The Bot API: FakeTelegram behind a real HTTP port, as the instances reach it over loopback.
const telegram = new FakeTelegram();
const api = createHttpServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const answer = await telegram.fetch(`http://api${request.url}`, {
    method: "POST",
    body: Buffer.concat(chunks).toString(),
    headers: { "content-type": String(request.headers["content-type"] ?? "application/json") },
  });
  response.writeHead(answer.status, { "content-type": "application/json" });
  response.end(await answer.text());
});
const apiPort = await freePort();
await new Promise<void>((resolve) => api.listen(apiPort, "127.0.0.1", resolve));

// The load comes over kept-alive connections through node's own HTTP client: the driver shares
// the two cores with what it measures, and fetch costs several times as much per request.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        agent,
        host: "127.0.0.1",
        port,
        path: "/telegram",
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-telegram-bot-api-secret-token": SECRET,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    // A kept-alive socket the server closed just as the request went out: the server never
    // read it, so it is sent again (as node's documentation advises).
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (request.reusedSocket && error.code === "ECONNRESET")
        post(port, body).then(resolve, reject);
      else reject(error);
    });
    request.end(body);
  });
}

let postgresUrl = process.env.BENCH_DATABASE_URL;
let stopPostgres: string | undefined;
if (!postgresUrl) {
  const env = execFileSync("bash", [join(project, ".ci/start-postgres")], { encoding: "utf8" });
  postgresUrl = env.match(/TEST_DATABASE_URL=(\S+)/)?.[1];
  stopPostgres = env.match(/PG_STOP='(.+)'/)?.[1];
}

/** Updates the database did not count, per setup: must be 0. */
const lostWrites: string[] = [];
const rows: string[] = [];
rows.push(
  ...(await measure("2 instances, webhooks, PostgreSQL", 2, { DATABASE_URL: postgresUrl ?? "" })),
);
const dataDir = mkdtempSync(join(tmpdir(), "hk-sim-service-"));
rows.push(...(await measure("1 instance, webhooks, SQLite", 1, { DATA_DIR: dataDir })));
rmSync(dataDir, { recursive: true, force: true });
api.close();
if (stopPostgres) execFileSync("bash", ["-c", stopPostgres]);

console.log(
  `\nText updates over loopback, questions from tests/eval/test.yaml. "as fast as it goes": ${UPDATES} updates, ${CONCURRENCY} in flight at a time. "at ${TARGET_RATE}/s": ${RATE_UPDATES} updates sent on a fixed schedule, each timed from when it was due, so that queueing counts.`,
);
console.log(
  `${"".padEnd(36)}${"load".padEnd(20)}${"updates/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}  failed`,
);
for (const row of rows) console.log(row);
console.log("lost writes (updates sent but not counted in the database):", lostWrites.join(", "));
console.log(
  `${FULL ? "full" : "quick"} run, ${((performance.now() - benchStarted) / 1000).toFixed(0)} s in all`,
);

/** One setup: as fast as it goes, then at a fixed rate; then checks that every update was counted. */
async function measure(name: string, count: number, env: Record<string, string>) {
  if (env.DATABASE_URL) {
    // A clean schema for each run: the count of questions must match what this run sent.
    execFileSync("psql", [
      env.DATABASE_URL,
      "-qc",
      "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
    ]);
  }
  const instances = await Promise.all(
    Array.from({ length: count }, () =>
      startWebhookBot(
        { ...env, TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`, LOG_LEVEL: "error" },
        SECRET,
      ),
    ),
  );
  let sent = 0;
  const send = async (): Promise<boolean> => {
    const index = sent++;
    const body = JSON.stringify(
      textUpdate(index + 1, 10_000 + (index % 2_000), questions[index % questions.length] ?? ""),
    );
    return (await post(instances[index % instances.length]?.port ?? 0, body)) === 200;
  };

  let rows: string[];
  try {
    rows = [
      row(name, "as fast as it goes", await closedLoop(send)),
      row("", `at ${TARGET_RATE}/s`, await fixedRate(send)),
    ];
  } finally {
    // Stopped even when the run failed: left running, they would load the next run's cores.
    for (const instance of instances) instance.process.kill("SIGTERM");
    await Promise.all(
      instances.map((instance) => new Promise((resolve) => instance.process.once("exit", resolve))),
    );
  }
  const storage = await openStorage({
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    sqliteFile: join(env.DATA_DIR ?? "", "bot.sqlite"),
  });
  const counted = (await storage.stats(new Date())).questionsTotal;
  await storage.close();
  lostWrites.push(`${name}: ${sent - counted}`);
  return rows;
}

interface Run {
  latencies: number[];
  seconds: number;
  failed: number;
}

/** CONCURRENCY clients, each sending its next update as soon as the last is answered. */
async function closedLoop(send: () => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let failed = 0;
  let left = UPDATES;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        if (!(await send())) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failed };
}

/** Updates sent when due at TARGET_RATE, whether or not earlier ones are answered. */
async function fixedRate(send: () => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RATE_UPDATES }, async (_, index) => {
      const due = started + (index * 1000) / TARGET_RATE;
      await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      if (!(await send())) failed++;
      latencies.push(performance.now() - due);
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failed };
}

function row(name: string, load: string, { latencies, seconds, failed }: Run): string {
  latencies.sort((a, b) => a - b);
  return `${name.padEnd(36)}${load.padEnd(20)}${(latencies.length / seconds).toFixed(0).padStart(10)}${percentile(latencies, 0.5).toFixed(1).padStart(9)}${percentile(latencies, 0.99).toFixed(1).padStart(9)}  ${failed}`;
}
