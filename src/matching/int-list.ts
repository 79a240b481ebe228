/**
 * A list of 32-bit integers, appended to one at a time, in a typed array that doubles when full:
 * an index of a large knowledge base appends millions, and a plain array of them, at 8 bytes a
 * number and copied as it grows, took the 10,000-entry build's peak memory from 326 to 416 MB.
 */
export class IntList {
  #values = new Int32Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.#values.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.length++] = value;
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

/**
 * The documents or subjects a query touched, in scratch space sized for all of them: a list grown
 * by every query would leave its garbage behind, and the collector's pauses set the p99.
 */
export class TouchedList {
  readonly indices: Int32Array;
  /** How many of `indices` are in the list. */
  length = 0;

  constructor(capacity: number) {
    this.indices = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  add(index: number): void {
    this.indices[this.length++] = index;
  }
}
