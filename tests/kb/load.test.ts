import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/kb/load.js";
import { loadKnowledgeBase } from "../../src/knowledge.js";
import { projectPath } from "../helpers.js";

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
      `answer-words.yaml:1:1 cannot be read: ENOENT: no such file or directory, open '${fixture("broken")}/answer-words.yaml'`,
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
      // 數據 and 数据 are one word to the matcher, so it may stand in one group only…
      'synonyms.yaml:4:10 "数据" is in two synonym groups: already in the one at line 3; a word folds to one term only',
      // …and a stopword in a group would be folded, not dropped.
      'synonyms.yaml:7:19 stopword "用量" is also in the synonym group at line 4: it would be folded, not dropped',
      // …and a negated question is read by the terms of two groups.
      'synonyms.yaml:9:13 "不能" is in no synonym group: a negated question is read by the term of its group',
    ]);
  });

  it("names the file, line and column of YAML syntax errors", async () => {
    expect(await problemsOf("syntax")).toEqual([
      `answer-words.yaml:1:1 cannot be read: ENOENT: no such file or directory, open '${fixture("syntax")}/answer-words.yaml'`,
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

const SHIPPED_ANSWER_WORDS = projectPath("knowledge/answer-words.yaml");

describe("Hong Kong words, sources and answer words", () => {
  const QUESTIONS = (topic: string) =>
    Array.from({ length: 8 }, (_, index) => `  - ${topic} question number ${index}`).join("\n");
  /** A small knowledge base in a temporary folder: one category, the entries given. */
  const knowledgeBase = (entries: string, extra: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), "hk-sim-kb-"));
    mkdirSync(join(dir, "entries"));
    writeFileSync(join(dir, "categories.yaml"), CATEGORIES);
    writeFileSync(join(dir, "synonyms.yaml"), "synonyms: []\n");
    writeFileSync(join(dir, "sources.yaml"), SOURCES);
    copyFileSync(SHIPPED_ANSWER_WORDS, join(dir, "answer-words.yaml"));
    writeFileSync(join(dir, "entries", "a.yaml"), entries);
    for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
    return dir;
  };
  const entry = (id: string, answer: string, section = "四、有没有解决办法？") =>
    `- id: ${id}
  category: sharing
  title: { zh-Hans: 标题${id}, en: Title ${id} }
  questions:
${QUESTIONS(id)}
  answer:
${answer}
  source: { article: family-sharing.md, section: ${section} }
`;
  const CATEGORIES = `- id: sharing\n  order: 1\n  title: { zh-Hans: 共享, zh-Hant: 共享, en: Sharing }\n`;
  const SOURCES = `- article: family-sharing.md
  title: { zh-Hans: 家庭共享, zh-Hant: 家庭共享, en: Family sharing }
  sections:
    四、有没有解决办法？: { zh-Hans: 解决办法, zh-Hant: 解決辦法, en: Workarounds }
`;
  const WORDS = "words:\n  運營商: 電訊商\n  短信: 短訊\n  流量卡: 數據卡\n  流量: 數據\n";

  it("puts the Hong Kong word in converted text, the longest first", async () => {
    const dir = knowledgeBase(
      entry("converted", "    zh-Hans: 流量卡的流量，运营商发短信\n    en: Data, by text"),
      { "hong-kong-words.yaml": WORDS },
    );
    const result = await loadKnowledgeBase(dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.kb.entryById.get("converted")?.answer["zh-Hant"]).toBe(
      "數據卡的數據，電訊商發短訊",
    );
    expect(result.warnings).toEqual([]);
  });

  it("warns, with file, line, word and the Hong Kong word, of a Mainland word in written zh-Hant", async () => {
    const dir = knowledgeBase(
      entry(
        "written",
        "    zh-Hans: 运营商\n    zh-Hant: 問運營商，或發短信\n    en: Ask the carrier",
      ),
      { "hong-kong-words.yaml": WORDS },
    );
    const result = await loadKnowledgeBase(dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(
      result.warnings.map((warning) =>
        formatProblem({ ...warning, file: warning.file.slice(dir.length + 1) }),
      ),
    ).toEqual([
      'entries/a.yaml:15:14 [written] answer.zh-Hant: the Mainland word "運營商"; Hong Kong writes "電訊商"',
      'entries/a.yaml:15:14 [written] answer.zh-Hant: the Mainland word "短信"; Hong Kong writes "短訊"',
    ]);
  });

  it("refuses an entry whose source article or section sources.yaml does not name", async () => {
    const dir = knowledgeBase(entry("nowhere", "    zh-Hans: 答\n    en: Answer", "七、不存在"));
    const result = await loadKnowledgeBase(dir);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'source.section: "七、不存在" is not a section of family-sharing.md in sources.yaml',
    ]);
  });

  it("names the file, line, column, list and problem of a malformed answer word", async () => {
    const shipped = readFileSync(SHIPPED_ANSWER_WORDS, "utf8");
    const broken = shipped
      .replace("yes: [yes, y, yeah,", "yes: [yes, Y, yeah,")
      .replace("unsure: [maybe, not sure,", "unsure: [maybe, not sure, maybe,")
      .replace("polite: [thanks, thank,", "polite: [thanks?, thank,");
    const dir = knowledgeBase(entry("fine", "    zh-Hans: 答\n    en: Answer"), {
      "answer-words.yaml": broken,
    });
    /** Where `marker` ends in the broken file, as a problem names it. */
    const at = (marker: string, word: string) => {
      const offset = broken.indexOf(marker) + marker.length - word.length;
      const before = broken.slice(0, offset).split("\n");
      return `answer-words.yaml:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
    };
    const result = await loadKnowledgeBase(dir);
    expect(
      result.ok
        ? []
        : result.problems.map((problem) =>
            formatProblem({ ...problem, file: problem.file.slice(dir.length + 1) }),
          ),
    ).toEqual([
      `${at("[yes, Y", "Y")} yes-no.yes.1: must be lower case and half-width (NFKC): typed answers are read so`,
      `${at("not sure, maybe", "maybe")} yes-no.unsure.2: "maybe" is listed twice`,
      `${at("[thanks?", "thanks?")} yes-no.polite.0: is a word, not a pattern: write each form out (thank, thanks)`,
    ]);
  });
});
