import type { Tags } from 'yaml';

/*
 * The \`yaml\` package's settings for reading as kubectl reads, in a file of
 * their own: the public declarations (./input.ts is reached from the
 * package's index) then name no type of the \`yaml\` package, so a project's
 * type check does not read its declaration files.
 */

/** YAML 1.1 as go-yaml v2 reads it: without sexagesimal numbers (1:20 is a string) and timestamps (kept as strings). */
const YAML11_TAGS = (tags: Tags): Tags => tags.filter((t) => !(typeof t === 'object' && (t.tag === 'tag:yaml.org,2002:timestamp' || t.format === 'TIME')));

/** The \`yaml\` package's options for reading as kubectl reads (also the reference the fast reader is tested against). */
export const YAML11_OPTIONS = { version: '1.1', merge: true, customTags: YAML11_TAGS, uniqueKeys: true, prettyErrors: false } as const;
