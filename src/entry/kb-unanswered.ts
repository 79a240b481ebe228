// npm run kb:unanswered [-- --since 2026-11-01] [--out file.yaml]: the questions users asked that
// got no answer or only "did you mean" (with the entries offered), as YAML stubs ready to become
// eval items and phrasings. Reads the bot's database (DATABASE_URL, else DATA_DIR/bot.sqlite).
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { unansweredToYaml } from "../eval/unanswered-export.js";
import { openStorage } from "../storage/open.js";

const { values } = parseArgs({
  options: { since: { type: "string" }, out: { type: "string" } },
});
const since = values.since === undefined ? undefined : new Date(values.since);
if (since && Number.isNaN(since.getTime())) {
  console.error("--since must be a date such as 2026-11-01");
  process.exit(2);
}
const config = loadConfig(process.env, { requireToken: false });
const file = join(config.dataDir, "bot.sqlite");
if (!config.databaseUrl && !existsSync(file)) {
  console.error(`no database at ${file}: set DATA_DIR (or DATABASE_URL) to the bot's database`);
  process.exit(1);
}
const storage = await openStorage({
  ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  sqliteFile: file,
});
const yaml = unansweredToYaml(await storage.unanswered(since), new Date());
await storage.close();
if (values.out) writeFileSync(values.out, yaml);
else process.stdout.write(yaml);
