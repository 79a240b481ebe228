import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createI18n } from "../../src/bot/i18n.js";
import { answerView } from "../../src/bot/views.js";
import { hongKongWords } from "../../src/kb/hong-kong-words.js";
import { LANGUAGES } from "../../src/text/language.js";
import { CHART_LABELS } from "../../src/tracker/chart-labels.js";
import { projectPath, shippedKnowledgeBase } from "../helpers.js";

const ENTRY_FILES = ["cards.yaml", "monitoring.yaml", "plans.yaml", "sharing.yaml"];

/** A Fluent file's messages, key and text (continuation lines joined). */
function localeStrings(ftl: string): [string, string][] {
  const strings: [string, string][] = [];
  for (const line of ftl.split("\n")) {
    const message = line.match(/^([a-z][\w-]*)\s*=\s*(.*)$/);
    if (message) strings.push([`zh-Hant.ftl ${message[1]}`, message[2] ?? ""]);
    else if (/^\s+\S/.test(line) && strings.length > 0) {
      const last = strings.at(-1) as [string, string];
      last[1] += `\n${line.trim()}`;
    }
  }
  return strings;
}

const REQUIRED_IDS = [
  "sharing-what-is",
  "sharing-supported",
  "sharing-carrier-cards",
  "sharing-mvno-cards",
  "sharing-why-not",
  "sharing-multiple-cards",
  "sharing-hotspot",
  "sharing-family-group",
  "public-wifi",
  "card-what-is",
  "card-coverage",
  "monitoring-why",
  "monitoring-supported",
  "monitoring-apps",
  "monitoring-sms",
  "monitoring-accuracy",
  "monitoring-threshold",
  "monitoring-check-regularly",
  "plan-adjust",
  "plan-promotions",
  "card-buy-safely",
];

// The source articles sit beside the project, as in CI. A clone without them skips the check
// that needs them, and says so.
const ARTICLES = new URL("../../../shared/articles/", import.meta.url);
const haveArticles = existsSync(ARTICLES);
if (!haveArticles) {
  console.warn(
    `skipped: the citation check needs the source articles at ${fileURLToPath(ARTICLES)}`,
  );
}

describe("the shipped knowledge base", () => {
  it("has every entry the product promises", async () => {
    const kb = await shippedKnowledgeBase();
    expect(REQUIRED_IDS.filter((id) => !kb.entryById.has(id))).toEqual([]);
  });

  it.skipIf(!haveArticles)("cites a real section of a real article for every answer", async () => {
    const kb = await shippedKnowledgeBase();
    const headings = new Map<string, string[]>();
    for (const entry of kb.entries) {
      const { article, section } = entry.source;
      if (!headings.has(article)) {
        const text = await readFile(new URL(article, ARTICLES), "utf8");
        headings.set(
          article,
          [...text.matchAll(/^#+\s*(.+?)\s*$/gm)].map((match) =>
            (match[1] ?? "").replace(/\*\*/g, ""),
          ),
        );
      }
      expect(headings.get(article), `${entry.id}: ${section}`).toContain(section);
    }
  });

  it("derives a Traditional (Hong Kong) answer for every entry", async () => {
    const kb = await shippedKnowledgeBase();
    const sharing = kb.entryById.get("sharing-supported");
    expect(sharing?.answer["zh-Hant"]).toBeTruthy();
    expect(sharing?.answer["zh-Hant"]).not.toEqual(sharing?.answer["zh-Hans"]);
    for (const entry of kb.entries) expect(entry.answer["zh-Hant"].length).toBeGreaterThan(0);
  });

  it("has a hand-written Hong Kong text for every entry, topic and category", async () => {
    const files = [
      "categories.yaml",
      "out-of-scope.yaml",
      ...ENTRY_FILES.map((f) => `entries/${f}`),
    ];
    const unwritten: string[] = [];
    for (const file of files) {
      const items = parse(await readFile(projectPath(`knowledge/${file}`), "utf8")) as Record<
        string,
        { "zh-Hant"?: string } | unknown
      >[];
      for (const item of items) {
        for (const field of ["title", "answer", "reply"]) {
          const text = item[field] as { "zh-Hant"?: string } | undefined;
          if (text && !text["zh-Hant"]) unwritten.push(`${file}: ${String(item.id)}.${field}`);
        }
      }
    }
    expect(unwritten).toEqual([]);
  });

  it("reads as Hong Kong Chinese: no zh-Hant text a user can reach holds a Mainland word", async () => {
    const kb = await shippedKnowledgeBase();
    const { words } = parse(await readFile(projectPath("knowledge/hong-kong-words.yaml"), "utf8"));
    const table = hongKongWords(words as Record<string, string>);
    const texts: [string, string][] = [
      ...kb.categories.map((c): [string, string] => [`category ${c.id}`, c.title["zh-Hant"]]),
      ...kb.entries.flatMap((e): [string, string][] => [
        [`${e.id}.title`, e.title["zh-Hant"]],
        [`${e.id}.answer`, e.answer["zh-Hant"]],
      ]),
      ...kb.outOfScope.map((topic): [string, string] => [
        `${topic.id}.reply`,
        topic.reply["zh-Hant"],
      ]),
      ...[...kb.sources].flatMap(([article, source]): [string, string][] => [
        [article, source.title["zh-Hant"]],
        ...[...source.sections].map(([heading, section]): [string, string] => [
          `${article} ${heading}`,
          section["zh-Hant"],
        ]),
      ]),
      ...localeStrings(await readFile(projectPath("src/bot/locales/zh-Hant.ftl"), "utf8")),
      ...Object.entries(CHART_LABELS["zh-Hant"]).map(([key, label]): [string, string] => [
        `chart ${key}`,
        typeof label === "string" ? label : String(label("10 GB", "12月3日", "12月9日")),
      ]),
    ];
    const found = texts.flatMap(([where, text]) =>
      table.find(text).map(({ word, hongKong }) => `${where}: ${word} → ${hongKong}`),
    );
    expect(found).toEqual([]);
  });

  it("names its sources in the reader's language, never by file name", async () => {
    const kb = await shippedKnowledgeBase();
    const i18n = createI18n();
    for (const entry of kb.entries) {
      for (const language of LANGUAGES) {
        const { text } = answerView(kb, entry, language, (key, variables) =>
          i18n.t(language, key, variables),
        );
        const source = text.split("\n").at(-1) ?? "";
        expect(source, `${entry.id} ${language}`).not.toMatch(/\.md\b/);
        expect(source, `${entry.id} ${language}`).toContain(
          kb.sources.get(entry.source.article)?.title[language],
        );
      }
    }
  });

  it("never names the app the monitoring article gets wrong, nor its promotional handle", async () => {
    const kb = await shippedKnowledgeBase();
    const text = JSON.stringify(kb);
    // Escaped, so that the project's own files never carry the names they guard against.
    expect(text).not.toMatch(/\u54aa\u5495|migu|jx\x30703/i);
  });
});
