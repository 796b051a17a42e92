/**
 * Keeping a Secret's values out of findings: a finding at `data.K` or
 * `stringData.K` of a Secret says what is wrong with the value without
 * printing it, in text and JSON alike (issue: `validate` printed
 * "found number 123456789" and "quote it: \"123456789\"").
 */
import { MANIFEST_WORDS, describeValue, showSecret } from '../internal/describe';
import { JsonPath } from './findings';
import { isRecord } from './objects';

const SECRET_FIELDS = new Set(['data', 'stringData']);

/** The value a finding at `path` would show, when it is a Secret's; undefined otherwise. */
export function secretValueAt(obj: unknown, path: JsonPath): { value: unknown } | undefined {
  if (!isRecord(obj) || obj.kind !== 'Secret' || path.length < 2 || !SECRET_FIELDS.has(String(path[0]))) return undefined;
  let value: unknown = obj;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return { value };
}

/** `text` with every way a finding shows `value` replaced by its type. */
export function redact(text: string, value: unknown): string {
  if (value === undefined || value === null || typeof value === 'object') return text;
  const hidden = showSecret(value);
  // a placeholder first, so that the words of `hidden` are not taken for the value below
  let out = text.split(describeValue(value, MANIFEST_WORDS)).join('\u0000');
  const raw = String(value);
  if (raw === '') return out.split('\u0000').join(hidden);
  out = out.split(JSON.stringify(raw)).join('"…"');
  // the bare value only where it stands alone: a secret "1" leaves "RFC 1123" alone
  const escaped = raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return out.replace(new RegExp(`(?<![\\w])${escaped}(?![\\w])`, 'g'), '…').split('\u0000').join(hidden);
}
