import { IDENTIFIER_KEY, PathPart, formatPath } from '../../internal/json-path';
import { Blame, FieldChange } from '../model';

/** A manifest path as every format writes it: `spec.template.metadata.annotations["checksum/config"]`. */
export function fieldPath(path: readonly PathPart[]): string {
  return formatPath(path, IDENTIFIER_KEY) || '(the whole object)';
}

const LONGEST = 120;

/** A value on one line: JSON, cut at 120 characters; `(none)` for an absent field. */
export function shortValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

/** `3 → 5`, or `(changed, not shown)` for a hidden value. */
export function beforeAfter(field: FieldChange): string {
  return field.hidden ? '(changed; the value is not shown)' : `${shortValue(field.before)} → ${shortValue(field.after)}`;
}

/** `apps/web/values.prod.yaml:3 image.tag; --set replicas=5 replicas`. */
export function describeBlame(blame: readonly Blame[] | undefined): string | undefined {
  if (!blame || blame.length === 0) return undefined;
  // a --set names its path itself
  return blame.map((b) => (b.source.startsWith('--set ') ? b.source : `${b.source} ${b.path}`)).join('; ');
}
