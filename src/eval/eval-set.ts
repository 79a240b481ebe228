import { z } from "zod";
import { type Problem, readYamlFile } from "../kb/yaml-source.js";

/** How a question of the hard sets is written: the ways real users make matching hard. */
export const QUESTION_STYLES = [
  "long-context",
  "polite",
  "negated",
  "run-on",
  "code-switched",
  "keywords",
  "typo",
  "plain",
] as const;

/** One question of an eval set: the entry that should answer it, or null when none should. */
export const evalItemSchema = z.strictObject({
  q: z.string().min(1),
  expect: z.string().nullable(),
  accept: z.array(z.string()).default([]),
  // Kept from `npm run kb:unanswered`, which writes questions users asked as eval items.
  count: z.number().int().optional(),
  /** zh-Hans, zh-Hant, en, or mixed (English inside Chinese, Cantonese in Simplified). */
  language: z.string().optional(),
  style: z.enum(QUESTION_STYLES).optional(),
  last_seen: z.string().optional(),
  decision: z.enum(["none", "suggest"]).optional(),
  offered: z.array(z.string()).optional(),
});

export type EvalItem = z.infer<typeof evalItemSchema>;

export type EvalSetResult = { ok: true; items: EvalItem[] } | { ok: false; problems: Problem[] };

export async function loadEvalSet(file: string): Promise<EvalSetResult> {
  const parsed = await readYamlFile(file, z.array(evalItemSchema));
  return parsed.ok ? { ok: true, items: parsed.data } : parsed;
}

/** The ids of an eval item that count as right. */
export function acceptedIds(item: EvalItem): string[] {
  return item.expect === null ? [] : [item.expect, ...item.accept];
}
