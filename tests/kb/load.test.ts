import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem, loadKnowledgeBase } from "../../src/kb/load.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function problemsOf(name: string): Promise<string[]> {
  const result = await loadKnowledgeBase(fixture(name));
  if (result.ok) throw new Error(`fixture ${name} loaded without problems`);
  // Paths relative to the fixture, so the expectations read like the files.
  return result.problems.map((problem) =>
    formatProblem({ ...problem, file: problem.file.slice(fixture(name).length + 1) }),
  );
}

describe("loadKnowledgeBase", () => {
  it("reports every problem of a broken knowledge base at once, with file, line and column", async () => {
    expect(await problemsOf("broken")).toEqual([
      'categories.yaml:6:3 [sharing] duplicate category id "sharing": already at ' +
        `${fixture("broken")}/categories.yaml:1 [sharing]`,
      'entries/a.yaml:18:13 [sharing-one] related: unknown entry id "no-such-entry"',
      'entries/a.yaml:23:13 [sharing-two] category: unknown category "plans"',
      "entries/a.yaml:37:5 [sharing-two] answer.en: is missing",
      'entries/b.yaml:1:3 [sharing-one] duplicate entry id "sharing-one": already at ' +
        `${fixture("broken")}/entries/a.yaml:1 [sharing-one]`,
      // 可唔可以共用呢 folds to the same terms as 可不可以共享: Cantonese, synonym and particle.
      'entries/b.yaml:28:7 [sharing-three] duplicate question (after normalisation) "可以 共享": ' +
        `already at ${fixture("broken")}/entries/a.yaml:7 [sharing-one]`,
      "entries/b.yaml:37:14 [sharing-three] answer.zh-Hans: must be at most 600 characters",
      "entries/b.yaml:39:13 [sharing-three] related: an entry cannot be related to itself",
      "out-of-scope.yaml:3:5 [prices] reply.en: is missing",
      // A question may not stand both in an entry and in a topic the bot declines.
      'out-of-scope.yaml:8:7 [prices] duplicate question (after normalisation) "可以 共享": ' +
        `already at ${fixture("broken")}/entries/a.yaml:7 [sharing-one]`,
      'out-of-scope.yaml:9:3 [prices] duplicate topic id "prices": already at ' +
        `${fixture("broken")}/out-of-scope.yaml:1 [prices]`,
    ]);
  });

  it("names the file, line and column of YAML syntax errors", async () => {
    expect(await problemsOf("syntax")).toEqual([
      "entries/a.yaml:2:13 Nested mappings are not allowed in compact mappings",
      "entries/a.yaml:2:13 Implicit keys need to be on a single line",
      "synonyms.yaml:3:1 Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("reports a missing folder instead of throwing", async () => {
    const result = await loadKnowledgeBase(fixture("no-such-folder"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/cannot be read/);
  });
});
