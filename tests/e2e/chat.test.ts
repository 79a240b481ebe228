import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectPath } from "../helpers.js";

/** The README's first command, as a user runs it: piped input, no token, no network. */
function chat(input: string, ...args: string[]) {
  const { BOT_TOKEN: _token, TELEGRAM_API_ROOT: _root, ...env } = process.env;
  return spawnSync(
    process.execPath,
    ["--import", "tsx", projectPath("src/entry/chat.ts"), ...args],
    {
      input,
      env,
      encoding: "utf8",
      timeout: 30_000,
    },
  );
}

describe("npm run chat", () => {
  it("answers piped questions, presses numbered buttons, and exits 0 at /quit", () => {
    const run = chat("香港流量卡可以家庭共享吗\n2\n/quit\nnever read\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("港卡能家庭共享吗？");
    expect(run.stdout).toContain("[2] 可以开热点给家人用吗？");
    expect(run.stdout).toContain("打开手机的个人热点");
    expect(run.stdout).not.toContain("never read");
  }, 30_000);

  it("exits 0 at the end of input, and speaks the language asked for", () => {
    const run = chat("hotspot\n", "--lang", "zh-Hant");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("香港數據卡");
    expect(run.stdout).toContain("熱點");
  }, 30_000);

  it("runs both flows, and saves the usage chart to a file", () => {
    const share = chat("/share\n2\n1\n1\n1\n2\n/quit\n", "--lang", "en");
    expect(share.stdout).toContain("one card, shared through its hotspot");
    const monitor = chat(
      "/monitor\n1\n1\n10GB\n7 days\n1\n20%\n3\n1\n/used 2GB\n/usage\n/quit\n",
      "--lang",
      "en",
    );
    expect(monitor.status).toBe(0);
    expect(monitor.stdout).toContain("Saved");
    expect(monitor.stdout).toMatch(/\[picture saved to .+\.png\]/);
  }, 60_000);
});
