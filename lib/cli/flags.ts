import { UsageError } from '../errors';
import { ProfileName, isProfile } from '../validate';

/*
 * Flags that more than one command takes, written once (as helm's
 * addValueOptionsFlags): the project and the values of a release.
 */

export const APP_FLAG = {
  name: 'app',
  value: 'FILE',
  description: 'the platform entry: the file that exports the `Platform`',
  default: '`"chartwright.app"` in package.json, else `apps/main.ts`',
} as const;

export const VALUES_FLAG = {
  name: 'values',
  short: 'f',
  value: 'FILE',
  description: "a values file over the release's own",
  repeatable: true,
} as const;

export const SET_FLAG = {
  name: 'set',
  value: 'PATH=VALUE',
  description:
    "a value over everything else, Helm's syntax: `a.b=c`, `a[0]=x`, `a={x,y}`, `a\\.b=c` for a key with a dot (see [Values](values.md#--set))",
  repeatable: true,
} as const;

/** `--profile NAME` as the pipeline takes it; anything else is a usage error. */
export function profileFlag(value: string | undefined): ProfileName | undefined {
  if (value === undefined) return undefined;
  if (!isProfile(value)) throw new UsageError(`--profile ${value}: not a profile; use dev or prod`);
  return value;
}
