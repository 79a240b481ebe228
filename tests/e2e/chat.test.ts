import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { CHAT_HELP } from "../../src/offline/terminal-chat.js";
import { projectPath, replaceInFile } from "../helpers.js";
import { entryArgs, offlineEnv, runChat, until } from "./processes.js";

/** A piped session cut into turns: each line typed (echoed after "> ") and what followed it. */
function turns(stdout: string): { typed: string; printed: string }[] {
  return stdout
    .split(/^> /m)
    .slice(1)
    .map((turn) => {
      const [typed = "", ...printed] = turn.split("\n");
      return { typed, printed: printed.join("\n").trim() };
    });
}

const QUESTIONS = [
  "香港流量卡可以家庭共享吗",
  "can i share data through a hotspot",
  "點樣睇返用咗幾多數據",
  "how good is the signal in hong kong",
  "where can i buy a card safely",
  "香港有冇免費WiFi",
];

// Each test is a process of its own, mostly waiting on its knowledge base load: run side by side.
describe.concurrent("npm run chat, piped", () => {
  it("answers every line of a long script: plain numbers are text, #n presses, buttons stay", async () => {
    // More questions than the bot's rate limit lets through in one window, read at once.
    const questions = Array.from({ length: 24 }, (_, index) => QUESTIONS[index % 6] as string);
    const script = [
      ...questions,
      "2", // a number alone: text, not the answer's button [#2]
      "thanks", // a reply without buttons…
      "#2", // …keeps the answer's: [#2] is still there to press
      "#99",
      "/share",
      "5", // typed at "how many people": the answer 5, where button [#5] is "5+"
      "#1",
      "#1",
      "#1",
      "#2",
      "/quit",
      "never read",
    ];
    const run = await runChat(`${script.join("\n")}\n`, ["--lang", "en"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    // No prompt and no help: the output is the session, each line read printed after "> ".
    expect(run.stdout).not.toContain(CHAT_HELP.split("\n")[0]);
    const session = turns(run.stdout);
    expect(session.map(({ typed }) => typed)).toEqual(script.slice(0, script.indexOf("/quit")));
    for (const { typed, printed } of session) {
      expect(printed, `the reply to "${typed}"`).not.toBe("");
      expect(printed, `the reply to "${typed}"`).not.toContain("faster than I can read them");
      expect(printed, `the reply to "${typed}"`).not.toContain("(no reply");
    }
    const reply = (typed: string, nth = 0) =>
      session.filter((turn) => turn.typed === typed)[nth]?.printed ?? "";
    expect(reply(QUESTIONS[5] as string, 3)).toContain("Is there free public Wi-Fi in Hong Kong?");
    const lastAnswer = reply(QUESTIONS[5] as string, 3);
    expect(lastAnswer).toMatch(/\[#2\] (.+)/);
    const second = lastAnswer.match(/\[#2\] (.+)/)?.[1] as string;
    expect(reply("2")).not.toContain(second);
    expect(reply("thanks")).not.toContain("[#");
    expect(reply("#2")).toContain(second);
    expect(reply("#99")).toMatch(/^\(no button #99: the buttons are #1 to #\d+\)$/);
    expect(reply("5")).toMatch(/✓ 5(?!\+)/);
    expect(reply("#1")).toContain("✓ A short trip (a few days)");
    expect(reply("#2", 1)).toContain("My suggestion");
    expect(run.stdout).not.toContain("never read");
  }, 60_000);

  it("runs /monitor by # presses, shows edited buttons, saves the chart, and ends with the input", async () => {
    const run = await runChat(
      "/monitor\n#1\n#1\n10GB\n7 days\n#1\n20%\n#3\n#1\n/used 2GB\n/usage\n#1\nok\n#1\n",
      ["--lang", "en"],
    );
    expect(run.status).toBe(0);
    const monitor = turns(run.stdout);
    expect(monitor.at(8)?.printed).toContain("Saved");
    const usage = monitor.at(10)?.printed ?? "";
    const file = usage.match(/\[picture saved to (.+\.png)\]/)?.[1] as string;
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    rmSync(file);
    expect(usage).toContain("[#1] ⏸ Pause reminders");
    // ⏸ edits the keyboard under the chart: shown again, numbered, and pressable after a reply.
    expect(monitor.at(11)?.printed).toMatch(/the buttons under .* are now:[\s\S]*\[#1\] ▶️ Resume/);
    expect(monitor.at(13)?.printed).toContain("Reminders resumed.");
  }, 60_000);

  it("lists a broken knowledge base's problems as npm start does, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hk-sim-broken-kb-"));
    try {
      cpSync(projectPath("knowledge"), dir, { recursive: true });
      const entries = join(dir, "entries", "sharing.yaml");
      replaceInFile(
        entries,
        "related: [sharing-supported, sharing-why-not]",
        "related: [sharing-supported, sharing-why-nott]",
      );
      const run = await runChat("hotspot\n", [], { KNOWLEDGE_DIR: dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^Cannot start: 1 problem\(s\) in the knowledge base:\n/);
      expect(run.stderr).toMatch(/sharing\.yaml:64:\d+ .*unknown entry id "sharing-why-nott"/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("npm run chat, in a terminal", () => {
  it("shows the help, a prompt and what is typed, and leaves at Ctrl-C", async () => {
    // `script` gives the chat a pseudo-terminal; its output is what the terminal shows.
    const command = [process.execPath, ...entryArgs("chat.ts"), "--lang", "en"]
      .map((arg) => `'${arg}'`)
      .join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: projectPath("."),
      env: offlineEnv({ TERM: "dumb" }),
    });
    let screen = "";
    child.stdout.on("data", (chunk) => {
      screen += stripVTControlCharacters(String(chunk)).replace(/\r/g, "");
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const shown = (pattern: RegExp) =>
      until(child.stdout, ["data"], () => (pattern.test(screen) ? true : undefined), {
        timeoutMs: 30_000,
        describe: () => `for ${pattern} on the screen:\n${screen}`,
      });
    try {
      await shown(/\n> $/);
      expect(screen.startsWith(CHAT_HELP)).toBe(true);
      expect(screen).toContain("[#1] 📚 Topics");
      child.stdin.write("can i share data through a hotspot\r");
      await shown(/personal hotspot[\s\S]*\n> $/);
      // The line typed stays on screen after its prompt, as a terminal shows it.
      expect(screen).toContain("\n> can i share data through a hotspot\n");
      child.stdin.write("\x03");
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
