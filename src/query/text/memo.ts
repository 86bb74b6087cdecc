/**
 * A function's results by argument, for values that repeat (the same pattern, query after query,
 * row after row). Bounded: when full it starts over, which costs one recomputation per entry.
 */
export function memoize<R>(compute: (key: string) => R, capacity = 500): (key: string) => R {
  let results = new Map<string, R>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= capacity) results = new Map();
      results.set(key, (result = compute(key)));
    }
    return result;
  };
}
