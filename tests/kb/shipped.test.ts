import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { shippedKnowledgeBase } from "../helpers.js";

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

  it("never names the app the monitoring article gets wrong, nor its promotional handle", async () => {
    const kb = await shippedKnowledgeBase();
    const text = JSON.stringify(kb);
    // Escaped, so that the project's own files never carry the names they guard against.
    expect(text).not.toMatch(/\u54aa\u5495|migu|jx\x30703/i);
  });
});
