/**
 * A pure function of a string with its answers remembered: a platform repeats
 * the same ids, quantities and names on every object. Bounded: past `max`
 * keys, new answers are computed and not kept.
 */
export function remembered<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size < max) answers.set(key, answer);
    }
    return answer;
  };
}
