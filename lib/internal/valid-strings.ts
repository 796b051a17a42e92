import { detached } from './detached';

/**
 * A test of strings that remembers the ones it found valid: manifests repeat
 * the same label keys and values, and names of containers, ports and volumes,
 * on every object, and a set lookup is cheaper than a regular expression.
 * Bounded; only valid answers are kept, as copies (a string read from a file
 * would keep the whole file).
 */
export class ValidStrings {
  private readonly known = new Set<string>();

  constructor(private readonly valid: (s: string) => boolean) {}

  test(s: string): boolean {
    if (this.known.has(s)) return true;
    if (!this.valid(s)) return false;
    if (this.known.size >= 50_000) this.known.clear();
    this.known.add(detached(s));
    return true;
  }
}
