import * as fs from 'fs';
import { UserError, messageOf } from '../errors';
import { indexOfUnescaped, parseKey, setPath } from './set';

/*
 * Helm's other --set forms, beside --set (./set.ts), with its path syntax
 * (`a.b\.c[0]`): --set-string, whose value stays a string; --set-file,
 * whose value is a file's content; --set-json, whose value is JSON.
 */

/** `--set-string a.b=007,c=null`: every value a string, as written (`null` too); `\,` for a comma in a value. */
export function parseSetString(expression: string, into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const assignment of splitTopLevel(expression, false)) {
    const [path, raw] = assignmentOf('--set-string', expression, assignment);
    setPath(into, path, raw.replace(/\\(.)/g, '$1'), expression);
  }
  return into;
}

/** `--set-file a.b=FILE`: the value is the file's content, a string; the file is read from `cwd`. */
export function parseSetFile(expression: string, read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'), into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const assignment of splitTopLevel(expression, false)) {
    const [path, file] = assignmentOf('--set-file', expression, assignment);
    let content: string;
    try {
      content = read(file);
    } catch (err) {
      throw new UserError(`--set-file ${expression}: cannot read ${file}: ${messageOf(err).replace(/^[A-Z]+: /, '')}`, { source: `--set-file ${expression}` });
    }
    setPath(into, path, content, expression);
  }
  return into;
}

/** `--set-json 'a.b={"x":[1,2]},c=3'`: each value JSON; commas inside JSON do not separate assignments. */
export function parseSetJson(expression: string, into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const assignment of splitTopLevel(expression, true)) {
    const [path, raw] = assignmentOf('--set-json', expression, assignment);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new UserError(`--set-json ${expression}: the value of ${assignment.slice(0, assignment.length - raw.length - 1)} is not JSON: ${messageOf(err)}`, {
        source: `--set-json ${expression}`,
      });
    }
    setPath(into, path, value, expression);
  }
  return into;
}

function assignmentOf(flag: string, expression: string, assignment: string): [ReturnType<typeof parseKey>, string] {
  const eq = indexOfUnescaped(assignment, '=');
  if (eq <= 0) throw new UserError(`${flag} ${expression}: "${assignment}" is not of the form path=value, such as image.tag=1.2.3`);
  return [parseKey(assignment.slice(0, eq), expression), assignment.slice(eq + 1)];
}

/**
 * Splits assignments on commas that are not escaped and, with `json`, not
 * inside a JSON string, object or list.
 */
function splitTopLevel(s: string, json: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (json && c === '"') inString = !inString;
    else if (json && !inString && (c === '{' || c === '[')) depth++;
    else if (json && !inString && (c === '}' || c === ']')) depth--;
    else if (c === ',' && depth === 0 && !inString) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}
