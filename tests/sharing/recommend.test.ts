import { describe, expect, it } from "vitest";
import {
  recommendSharing,
  type Stay,
  type Use,
  type Workaround,
} from "../../src/sharing/recommend.js";

const CODES: Record<string, Workaround> = {
  C: "card-each",
  H: "hotspot",
  W: "public-wifi",
  P: "family-pool",
};

// Every combination, written out: one row per (people, stay, together); the six columns are the
// use (light, medium, heavy), each without and with an occasional user near Wi-Fi.
//                  light  light+occ  medium  medium+occ  heavy  heavy+occ
const TABLE = `
1 trip    apart     C C C C C C
1 trip    together  C C C C C C
1 regular apart     C C C C C C
1 regular together  C C C C C C
2 trip    apart     C W C C C C
2 trip    together  H W H H C C
2 regular apart     C W C C C C
2 regular together  H W H H C C
3 trip    apart     C W C C C C
3 trip    together  H W H H C C
3 regular apart     P W P P P P
3 regular together  H W H H P P
5 trip    apart     C W C C C C
5 trip    together  C W C C C C
5 regular apart     P W P P P P
5 regular together  P W P P P P
`;

const rows = TABLE.trim()
  .split("\n")
  .flatMap((line) => {
    const [people, stay, together, ...cells] = line.trim().split(/\s+/);
    const columns: [Use, boolean][] = [
      ["light", false],
      ["light", true],
      ["medium", false],
      ["medium", true],
      ["heavy", false],
      ["heavy", true],
    ];
    return columns.map(([use, occasional], index) => ({
      answers: {
        people: Number(people),
        stay: stay as Stay,
        together: together === "together",
        use,
        occasional,
      },
      expected: CODES[cells[index] ?? ""],
    }));
  });

describe("recommendSharing", () => {
  it("covers every combination of answers", () => {
    expect(rows).toHaveLength(4 * 2 * 2 * 3 * 2);
  });

  it.each(rows)("$answers → $expected", ({ answers, expected }) => {
    expect(recommendSharing(answers)).toBe(expected);
  });
});
