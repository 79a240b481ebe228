import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectPath } from "../helpers.js";
import { runChat } from "./processes.js";

/**
 * The README's sample sessions, run: each block under `<!-- session: [args] -->` is typed into
 * the terminal chat (its `> ` lines), and what the block shows must be what the bot prints, in
 * order. "…" stands for whatever the README leaves out, within a line or of whole lines.
 */
const SESSION = /<!-- session:([^>]*)-->\n```\n([\s\S]*?)\n```/g;
const readme = readFileSync(projectPath("README.md"), "utf8");
const sessions = [...readme.matchAll(SESSION)].map(([, args = "", block = ""]) => ({
  args: args.trim().split(/\s+/).filter(Boolean),
  block,
}));

/** The terminal chat with `input` piped in: what it printed, with trailing blanks cut. */
async function chat(input: string, args: string[]): Promise<string> {
  const { status, stdout, stderr } = await runChat(input, args);
  expect(status, stderr).toBe(0);
  return stdout.replace(/[ \t]+$/gm, "");
}

// Each session is a process of its own, mostly loading the knowledge base: run side by side.
describe.concurrent("the README's sample sessions", () => {
  it("are there to check", () => {
    expect(sessions.length).toBeGreaterThanOrEqual(3);
  });

  it.each(sessions.map((session, index) => [index + 1, session] as const))(
    "session %i is what the bot prints",
    async (_index, { args, block }) => {
      const typed = block
        .split("\n")
        .filter((line) => line.startsWith("> "))
        .map((line) => line.slice(2));
      const printed = await chat(`${typed.join("\n")}\n/quit\n`, args);
      let from = 0;
      for (const part of block.split("…").map((text) => text.trim())) {
        if (part === "") continue;
        const at = printed.indexOf(part, from);
        expect(
          at,
          `not printed after what came before:\n${part}\n\nprinted:\n${printed}`,
        ).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
    },
    60_000,
  );
});
