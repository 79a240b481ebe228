/**
 * A pure function of a string, with a cache of its results. The cache is emptied when it holds
 * `capacity` keys: cruder than least-recently-used, and as good here, where the same words and
 * phrases recur across thousands of questions.
 */
export function memoize<T extends object | string | null>(
  compute: (key: string) => T,
  capacity = 100_000,
): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    // One lookup, not has() then get(): the results cached here are never undefined.
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    if (cache.size >= capacity) cache.clear();
    cache.set(key, value);
    return value;
  };
}
