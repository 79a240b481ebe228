// npm run ask -- "question" [--json] [--lang zh-Hans|zh-Hant|en]
// Without a question: reads questions from standard input, one per line, one JSON line each.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createMatcher, type MatchResult } from "../matching/matcher.js";
import { LANGUAGES, type Language, languageOfText } from "../text/language.js";
import { loadKnowledgeBaseOrExit } from "./load-or-exit.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "boolean", default: false }, lang: { type: "string" } },
});
const lang = values.lang as Language | undefined;
if (lang !== undefined && !LANGUAGES.includes(lang)) {
  console.error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  process.exit(2);
}

const matcher = createMatcher(await loadKnowledgeBaseOrExit());

const round = (score: number) => Math.round(score * 1000) / 1000;

/** The stable shape scripts read: `id` is the answered entry, null unless the decision is answer. */
function toJson(q: string, result: MatchResult) {
  return {
    q,
    decision: result.decision,
    id: result.decision === "answer" ? result.entry.id : null,
    score: round(result.candidates[0]?.score ?? 0),
    // The out-of-scope topic that declined the question, if one did.
    topic: result.decision === "none" ? (result.outOfScope?.id ?? null) : null,
    ...(result.decision === "suggest"
      ? { suggestions: result.suggestions.map((entry) => entry.id) }
      : {}),
    candidates: result.candidates.map(({ entry, score }) => ({
      id: entry.id,
      score: round(score),
    })),
  };
}

function toText(q: string, result: MatchResult): string {
  const language = lang ?? languageOfText(q) ?? "en";
  const lines = [
    `terms: ${matcher.normalizer.queryTerms(q).join(" · ") || "(none)"}`,
    `decision: ${result.decision}`,
  ];
  switch (result.decision) {
    case "answer":
      lines.push(
        `entry: ${result.entry.id} · ${result.entry.title[language]}`,
        "",
        result.entry.answer[language],
      );
      lines.push("", `source: ${result.entry.source.article} · ${result.entry.source.section}`);
      break;
    case "suggest":
      lines.push(
        "did you mean:",
        ...result.suggestions.map((entry) => `  - ${entry.title[language]} (${entry.id})`),
      );
      break;
    case "none":
      lines.push(
        result.outOfScope
          ? `declined as out of scope: ${result.outOfScope.id}\n\n${result.outOfScope.reply[language]}`
          : "no entry fits this question",
      );
      break;
  }
  lines.push(
    "",
    "candidates:",
    ...result.candidates.map(({ entry, score }) => `  ${score.toFixed(3)}  ${entry.id}`),
  );
  return lines.join("\n");
}

const question = positionals.join(" ");
if (question.trim() !== "") {
  const result = matcher.match(question);
  console.log(values.json ? JSON.stringify(toJson(question, result)) : toText(question, result));
} else if (process.stdin.isTTY) {
  // Nothing piped in and nothing asked: say how, rather than wait in silence.
  console.error('usage: npm run ask -- "question" [--json] [--lang zh-Hans|zh-Hant|en]');
  console.error("   or: one question per line on standard input, one JSON line each back");
  process.exit(2);
} else {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    console.log(JSON.stringify(toJson(line, matcher.match(line))));
  }
}
