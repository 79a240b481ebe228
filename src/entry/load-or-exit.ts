import { ConfigError, knowledgeDir } from "../config.js";
import type { LoadResult } from "../kb/load.js";
import { formatProblem } from "../kb/load.js";
import type { KnowledgeBase } from "../kb/schema.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../knowledge.js";

/** Loads the knowledge base for a CLI, with its warnings, or prints every problem and exits 1. */
export async function loadOrExit(
  dir = knowledgeDir(process.env),
): Promise<Extract<LoadResult, { ok: true }>> {
  const result = await loadKnowledgeBase(dir);
  if (result.ok) return result;
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`${result.problems.length} problem(s) in the knowledge base at ${dir}`);
  process.exit(1);
}

export async function loadKnowledgeBaseOrExit(dir?: string): Promise<KnowledgeBase> {
  return (await loadOrExit(dir)).kb;
}

/**
 * A step of starting up, or the end of the process with why: a bad setting in one line, a broken
 * knowledge base with every problem as file:line:column (`npm run kb:check` says the same).
 */
export async function startOrExit<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof KnowledgeBaseError)) throw error;
    console.error(`Cannot start: ${error.message}`);
    process.exit(1);
  }
}
