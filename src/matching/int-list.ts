/**
 * A list of 32-bit integers, appended to one at a time, in a typed array that doubles when full:
 * an index of a large knowledge base appends millions, and a plain array of them is garbage to
 * copy at every doubling and every collection.
 */
export class IntList {
  #values: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.#values = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.#values.length) {
      const grown = new Int32Array(Math.max(this.length * 2, 16));
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.length++] = value;
  }

  at(index: number): number {
    return this.#values[index] ?? 0;
  }

  /** Overwrites a value already in the list. */
  set(index: number, value: number): void {
    this.#values[index] = value;
  }

  /** Drops repeats among the values from `start` on, keeping the first of each in order. */
  keepDistinctFrom(start: number): void {
    let kept = start;
    for (let at = start; at < this.length; at++) {
      const value = this.#values[at] ?? 0;
      let seen = false;
      for (let earlier = start; earlier < kept && !seen; earlier++) {
        seen = this.#values[earlier] === value;
      }
      if (!seen) this.#values[kept++] = value;
    }
    this.length = kept;
  }

  /** The values, as a typed array of their own. */
  toArray(): Int32Array {
    return this.#values.slice(0, this.length);
  }
}
