import { stringify } from "yaml";
import type { Stats } from "../storage/storage.js";

/**
 * Unanswered questions as YAML stubs, most asked first: each is an eval item whose `expect`
 * the operator fills in (an entry id, or null for "should not answer"), and a phrasing to add
 * to that entry's questions.
 */
export function unansweredToYaml(rows: Stats["topUnanswered"], now: Date): string {
  const items = rows.map((row) => ({
    q: row.text,
    expect: null,
    count: row.count,
    language: row.language,
    last_seen: row.lastSeen.toISOString(),
  }));
  return [
    `# Unanswered questions exported ${now.toISOString()}, most asked first.`,
    '# Fill in `expect` (an entry id, or null for "should not answer"); then `npm run eval -- <this file>`',
    "# measures them, and the questions can be added to their entry's `questions`.",
    items.length > 0 ? stringify(items, { lineWidth: 0 }) : "[]\n",
  ].join("\n");
}
