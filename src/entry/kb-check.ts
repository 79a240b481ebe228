// npm run kb:check [-- dir]: validates the knowledge base, prints every problem or a summary.
import { knowledgeDir, loadKnowledgeBaseOrExit } from "./knowledge-dir.js";

const kb = await loadKnowledgeBaseOrExit(process.argv[2] ?? knowledgeDir());
const questions = kb.entries.reduce((sum, entry) => sum + entry.questions.length, 0);
console.log(
  `knowledge base OK: ${kb.entries.length} entries, ${questions} questions, ${kb.categories.length} categories, ${kb.outOfScope.length} out-of-scope topics`,
);
