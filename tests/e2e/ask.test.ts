import { describe, expect, it } from "vitest";
import { runEntry } from "./processes.js";

/** `npm run ask` as an operator runs it: the arguments, and what is piped in; what it printed. */
async function ask(args: string[], input = ""): Promise<string> {
  const { status, stdout, stderr } = await runEntry("ask.ts", input, args);
  expect(status, stderr).toBe(0);
  return stdout;
}

// Each run is a process of its own, mostly loading the knowledge base: run side by side.
describe.concurrent("npm run ask", () => {
  it("names the out-of-scope topic that declined a question, in text and in JSON", async () => {
    const [text, json] = await Promise.all([
      ask(["how much does a hong kong sim cost"]),
      ask(["how much does a hong kong sim cost", "--json"]),
    ]);
    expect(text).toContain("declined as out of scope: prices");
    expect(JSON.parse(json)).toMatchObject({ decision: "none", id: null, topic: "prices" });
  }, 60_000);

  it("answers one JSON line per piped question, with no topic for an answered one", async () => {
    const lines = (
      await ask([], "can i share data through a hotspot\n\nhow much does a hong kong sim cost\n")
    )
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map(({ decision, id, topic }) => ({ decision, id, topic }))).toEqual([
      { decision: "answer", id: "sharing-hotspot", topic: null },
      { decision: "none", id: null, topic: "prices" },
    ]);
  }, 60_000);
});
