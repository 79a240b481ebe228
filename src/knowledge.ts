import { formatProblem, type LoadResult, readKnowledgeBase } from "./kb/load.js";
import type { KnowledgeBase } from "./kb/schema.js";
import { createMatcher, type Matcher } from "./matching/matcher.js";
import { createNormalizer } from "./matching/normalize.js";
import { prepare } from "./matching/prepare.js";

/** The knowledge base and the matcher built from it: swapped together, never one without the other. */
export interface ServedKnowledge {
  kb: KnowledgeBase;
  matcher: Matcher;
}

export class KnowledgeBaseError extends Error {}

/**
 * Reads the knowledge base in `dir`, refusing two questions in different places that the matcher
 * would read as one. The knowledge base knows nothing of matching; this is where the two meet.
 */
export function loadKnowledgeBase(dir: string): Promise<LoadResult> {
  return readKnowledgeBase(dir, {
    questionKey: (lexicon) => {
      const normalizer = createNormalizer(lexicon);
      return (question) => normalizer.terms(question).join(" ");
    },
    wordKey: prepare,
  });
}

/** The matcher over a loaded knowledge base. */
export function serveKnowledge(kb: KnowledgeBase): ServedKnowledge {
  return { kb, matcher: createMatcher(kb) };
}

/** Loads and serves the knowledge base in `dir`, or throws with every problem, one per line. */
export async function loadServedKnowledge(dir: string): Promise<ServedKnowledge> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) {
    throw new KnowledgeBaseError(
      `${result.problems.length} problem(s) in the knowledge base:\n${result.problems.map(formatProblem).join("\n")}`,
    );
  }
  return serveKnowledge(result.kb);
}
