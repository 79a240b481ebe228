import { Document, isScalar, isSeq, visit } from "yaml";
import type { UnansweredQuestion } from "../storage/storage.js";

/**
 * Unanswered questions and near misses as YAML stubs, most asked first: each is an eval item
 * whose `expect` the operator fills in (an entry id, or null for "should not answer"), and a
 * phrasing to add to that entry's questions. A near miss (`decision: suggest`) lists the entries
 * the bot offered as "did you mean", the likeliest ones to expect.
 */
export function unansweredToYaml(rows: UnansweredQuestion[], now: Date): string {
  const items = rows.map((row) => ({
    q: row.text,
    expect: null,
    decision: row.decision,
    ...(row.decision === "suggest" ? { offered: row.offered } : {}),
    count: row.count,
    language: row.language,
    last_seen: row.lastSeen.toISOString(),
  }));
  const document = new Document(items);
  // `offered: [a, b]` on one line, as short as the ids it lists.
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "offered" && isSeq(pair.value))
        pair.value.flow = true;
    },
  });
  return [
    `# Unanswered questions exported ${now.toISOString()}, most asked first.`,
    "# `decision: none`: the bot said it does not know; `decision: suggest`: it only offered",
    '# "did you mean" the `offered` entries. Fill in `expect` (an entry id, or null for "should not',
    '# answer"); then `npm run eval -- <this file>` measures them, and the questions can be added',
    "# to their entry's `questions`.",
    items.length > 0 ? document.toString({ lineWidth: 0, flowCollectionPadding: false }) : "[]\n",
  ].join("\n");
}
