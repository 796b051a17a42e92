/**
 * A string that keeps nothing else alive. V8 makes a string cut out of a
 * longer one (slice, a regular expression's match, what a parser reads) a
 * view of it: keeping a 20-character name of a manifest keeps the whole file.
 * What is kept past the text it came from (a cache, an index of objects) is
 * copied with this: short strings are copies already (V8 makes views of 13
 * characters or more); a longer one is rebuilt, so that it refers only to a
 * copy of its own characters.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
