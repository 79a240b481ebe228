import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringTable } from "../../src/matching/string-table.js";

describe("StringTable", () => {
  it("numbers strings in the order added and finds them by a span of any text", () => {
    const table = new StringTable();
    expect([table.add("sim"), table.add("流量卡"), table.add("")]).toEqual([0, 1, 2]);
    expect(table.find("a sim card", 2, 5)).toBe(0);
    expect(table.find("香港流量卡吗", 2, 5)).toBe(1);
    expect(table.find("abc", 1, 1)).toBe(2);
    expect(table.find("a sim card", 2, 4)).toBe(-1);
    expect(table.get("流量卡")).toBe(1);
    expect(table.get("card")).toBeUndefined();
    expect(table.has("sims")).toBe(false);
    expect(table.strings).toEqual(["sim", "流量卡", ""]);
    expect(table.size).toBe(3);
  });

  it("finds every string it holds and no other, however far it grows", () => {
    const strings = fc.uniqueArray(fc.string({ unit: "binary", maxLength: 6 }), { maxLength: 300 });
    fc.assert(
      fc.property(strings, fc.string({ maxLength: 6 }), (added, other) => {
        const table = new StringTable();
        for (const string of added) table.add(string);
        added.forEach((string, number) => {
          expect(table.get(string)).toBe(number);
          expect(table.find(`«${string}»`, 1, string.length + 1)).toBe(number);
        });
        expect(table.has(other)).toBe(added.includes(other));
      }),
    );
  });
});
