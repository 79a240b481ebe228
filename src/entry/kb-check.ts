// npm run kb:check [-- dir]: validates the knowledge base, prints every problem or a summary,
// and warns (without failing) where a zh-Hant text still holds a Mainland word.

import { knowledgeDir } from "../config.js";
import { formatProblem } from "../kb/load.js";
import { loadOrExit } from "./load-or-exit.js";

const { kb, warnings } = await loadOrExit(process.argv[2] ?? knowledgeDir(process.env));
for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
const questions = kb.entries.reduce((sum, entry) => sum + entry.questions.length, 0);
const warned = warnings.length > 0 ? `, ${warnings.length} warning(s)` : "";
console.log(
  `knowledge base OK: ${kb.entries.length} entries, ${questions} questions, ${kb.categories.length} categories, ${kb.outOfScope.length} out-of-scope topics${warned}`,
);
