import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntList } from "../../src/matching/int-list.js";

describe("IntList", () => {
  it("keeps every value pushed, in order, however far it grows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 100 }),
        (values) => {
          const list = new IntList();
          for (const value of values) list.push(value);
          expect(list.length).toBe(values.length);
          expect([...list.toArray()]).toEqual(values);
        },
      ),
    );
  });

  it("drops repeats from a point on, keeping the first of each and everything before", () => {
    const list = new IntList();
    for (const value of [3, 3, 1, 2, 1, 3, 2, 4]) list.push(value);
    list.keepDistinctFrom(2);
    expect([...list.toArray()]).toEqual([3, 3, 1, 2, 3, 4]);
    list.push(9);
    expect([...list.toArray()]).toEqual([3, 3, 1, 2, 3, 4, 9]);
  });

  it("hands out a copy, which later pushes leave alone", () => {
    const list = new IntList();
    list.push(1);
    const copy = list.toArray();
    list.push(2);
    expect([...copy]).toEqual([1]);
  });
});
