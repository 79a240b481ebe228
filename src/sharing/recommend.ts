/**
 * Which family-sharing workaround suits a group, from what the family-sharing article weighs:
 * how many need data, for how long, whether they stay together, how heavy their use is, and
 * whether anyone mostly needs data only now and then, where Wi-Fi is around. Pure.
 */

export type Stay = "trip" | "regular";
export type Use = "light" | "medium" | "heavy";

export interface SharingAnswers {
  people: number;
  stay: Stay;
  together: boolean;
  use: Use;
  /** Someone mostly needs data only now and then, where Wi-Fi is around. */
  occasional: boolean;
}

export type Workaround = "card-each" | "hotspot" | "public-wifi" | "family-pool";

/** The knowledge-base entries each recommendation rests on: the buttons under it. */
export const WORKAROUND_ENTRIES: Record<Workaround, readonly string[]> = {
  "card-each": ["sharing-multiple-cards", "plan-adjust"],
  hotspot: ["sharing-hotspot", "monitoring-check-regularly"],
  "public-wifi": ["public-wifi", "sharing-multiple-cards"],
  "family-pool": ["sharing-family-group", "sharing-mvno-cards"],
};

/** One hotspot serves a few people at most before it slows and drains the phone. */
const MAX_HOTSPOT_PEOPLE = 3;
/** A pooled plan only pays for itself for a larger group that is in Hong Kong regularly. */
const MIN_POOL_PEOPLE = 3;

export function recommendSharing(answers: SharingAnswers): Workaround {
  const { people, stay, together, use, occasional } = answers;
  if (people <= 1) return "card-each";
  // Light users near Wi-Fi need no card of their own; the others each get one.
  if (occasional && use === "light") return "public-wifi";
  // Together most of the time, not heavy users, a small group: one card's hotspot does it.
  if (together && use !== "heavy" && people <= MAX_HOTSPOT_PEOPLE) return "hotspot";
  // A bigger group in Hong Kong regularly may try a pooled MVNO plan, with its caveats.
  if (stay === "regular" && people >= MIN_POOL_PEOPLE) return "family-pool";
  return "card-each";
}
