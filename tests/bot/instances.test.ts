import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMIT } from "../../src/bot/rate-limit.js";
import { projectPath, replaceInFile } from "../helpers.js";
import { POSTGRES_URL, postgres } from "../storage/engines.js";
import { delivered } from "./faults.js";
import { ADMIN_ID, errorsIn, type Harness, startHarness } from "./harness.js";

// Two instances of the bot on one PostgreSQL, each with its own fake Telegram and its own copy
// of the knowledge folder, as on two machines: what one of them does, the other sees.
describe.skipIf(!POSTGRES_URL)("two instances on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof postgres.fresh>>;
  let folders: string[];
  let one: Harness;
  let two: Harness;

  beforeEach(async () => {
    database = await postgres.fresh();
    folders = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), "hk-sim-kb-"));
      cpSync(projectPath("knowledge"), dir, { recursive: true });
      return dir;
    });
    [one, two] = (await Promise.all(
      folders.map((dir) => startHarness({ knowledgeDir: dir, databaseUrl: database.url })),
    )) as [Harness, Harness];
  });
  afterEach(async () => {
    await Promise.all([one.app.close(), two.app.close()]);
    await database.drop();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  const texts = (harness: Harness, chatId: number) =>
    harness.telegram.calls
      .filter((call) => call.method === "sendMessage" && call.payload.chat_id === chatId)
      .filter(delivered)
      .map((call) => String(call.payload.text));

  it("keep a /language tap on one and a group question on the other from undoing each other", async () => {
    for (let round = 0; round < 20; round++) {
      const id = 600 + round;
      const choice = round % 2 === 0 ? "zh-Hant" : "en";
      const user = one.user(id, "zh-cn");
      await user.send("/language");
      await Promise.all([
        user.pressData(user.lastShown?.messageId ?? 0, `lang:${choice}`),
        two.groupMember(id, "zh-cn").send("/faq is there free wifi in hong kong"),
      ]);
      const session = await one.app.deps.storage.sessions.read(String(id));
      expect(session?.language, `round ${round}`).toBe(choice);
    }
    expect([...errorsIn(one.logs), ...errorsIn(two.logs)]).toEqual([]);
  });

  it("allow a user the rate limit in all, not the limit on each", async () => {
    const users = [one.user(700, "en"), two.user(700, "en")];
    for (let index = 0; index < RATE_LIMIT.messages + 6; index++) {
      await users[index % 2]?.send(`is there free wifi in hong kong ${index}`);
    }
    const replies = [...texts(one, 700), ...texts(two, 700)];
    expect(replies.filter((text) => text.includes("Wi-Fi"))).toHaveLength(RATE_LIMIT.messages);
    expect(
      replies.filter((text) => text.startsWith("You're sending messages faster")),
    ).toHaveLength(1);
  });

  it("both reload on /reload to one, and tell the admin of a refused edit once", async () => {
    const ask = async (harness: Harness) =>
      (await harness.user(800, "en").send("is there free wifi in hong kong"))
        .map((call) => String(call.payload.text))
        .join("\n");
    // The same edit deployed to both machines; only one is told.
    for (const dir of folders) {
      const file = join(dir, "entries", "sharing.yaml");
      replaceInFile(file, "Is there free public Wi-Fi in Hong Kong?", "Free Wi-Fi in Hong Kong?");
    }
    await one.user(ADMIN_ID, "en").send("/reload");
    await expect.poll(() => ask(two)).toContain("<b>Free Wi-Fi in Hong Kong?</b>");

    for (const dir of folders)
      writeFileSync(join(dir, "entries", "sharing.yaml"), "- id: [unclosed\n");
    await one.user(ADMIN_ID, "en").send("/reload");
    const notices = () =>
      [...texts(one, ADMIN_ID), ...texts(two, ADMIN_ID)].filter((text) =>
        text.startsWith("Knowledge base edit refused; the previous version keeps serving.\n"),
      );
    await expect.poll(notices).toHaveLength(1);
    // Both heard the announcement and refused the edit; still one notice, and both still serve.
    await expect
      .poll(
        () =>
          [...one.logs, ...two.logs].filter((line) => line.msg?.toString().includes("refused"))
            .length,
      )
      .toBeGreaterThanOrEqual(2);
    expect(notices()).toHaveLength(1);
    expect(await ask(one)).toContain("Free Wi-Fi in Hong Kong?");
    expect(await ask(two)).toContain("Free Wi-Fi in Hong Kong?");
  });
});
