import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectPath } from "../helpers.js";

/** `npm run ask` as an operator runs it: the arguments, and what is piped in. */
const ask = (args: string[], input = "") =>
  execFileSync(process.execPath, ["--import", "tsx", projectPath("src/entry/ask.ts"), ...args], {
    cwd: projectPath("."),
    input,
    encoding: "utf8",
  });

describe("npm run ask", () => {
  it("names the out-of-scope topic that declined a question, in text and in JSON", () => {
    expect(ask(["how much does a hong kong sim cost"])).toContain(
      "declined as out of scope: prices",
    );
    expect(JSON.parse(ask(["how much does a hong kong sim cost", "--json"]))).toMatchObject({
      decision: "none",
      id: null,
      topic: "prices",
    });
  });

  it("answers one JSON line per piped question, with no topic for an answered one", () => {
    const lines = ask(
      [],
      "can i share data through a hotspot\n\nhow much does a hong kong sim cost\n",
    )
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map(({ decision, id, topic }) => ({ decision, id, topic }))).toEqual([
      { decision: "answer", id: "sharing-hotspot", topic: null },
      { decision: "none", id: null, topic: "prices" },
    ]);
  });
});
