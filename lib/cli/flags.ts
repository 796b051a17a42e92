import { UsageError } from '../errors';
import { ProfileName, isProfile } from '../validate';
import { DEFAULT_TIMEOUT_SECONDS } from '../synth/user-code';

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

export const SET_JSON_FLAG = {
  name: 'set-json',
  value: 'PATH=JSON',
  description: 'a value as JSON, such as `resources={"cpu":{"limit":"1"}}`; applied before `--set`, as in Helm',
  repeatable: true,
} as const;

export const SET_STRING_FLAG = {
  name: 'set-string',
  value: 'PATH=VALUE',
  description: 'a value that stays a string, such as `image.tag=007` or `name=null`; applied after `--set`',
  repeatable: true,
} as const;

export const SET_FILE_FLAG = {
  name: 'set-file',
  value: 'PATH=FILE',
  description: "a value that is a file's content, such as `config=app.conf`; applied last",
  repeatable: true,
} as const;

/** The values flags of synth and values, in the order they apply (as in Helm). */
export const VALUES_FLAGS = [VALUES_FLAG, SET_JSON_FLAG, SET_FLAG, SET_STRING_FLAG, SET_FILE_FLAG] as const;

/** `--profile NAME` as the pipeline takes it; anything else is a usage error. */
export function profileFlag(value: string | undefined): ProfileName | undefined {
  if (value === undefined) return undefined;
  if (!isProfile(value)) throw new UsageError(`--profile ${value}: not a profile; use dev, prod or strict`);
  return value;
}

/** `--timeout SECONDS`, for the commands that run the app's code (synth, values). */
export const TIMEOUT_FLAG = {
  name: 'timeout',
  value: 'SECONDS',
  description: "how long the app's code may run; when the time is up the command stops, says where the app was, and writes nothing (`0`: no limit)",
  default: `${DEFAULT_TIMEOUT_SECONDS}`,
} as const;

/** `--timeout SECONDS`: a number of seconds, 0 for no limit. */
export function timeoutFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`--timeout ${value}: give a number of seconds, such as --timeout 60, or 0 for no limit`);
  }
  return seconds;
}
