import * as fs from 'fs';
import * as path from 'path';
import { UserError, messageOf, suggestion, userCodeLocation } from '../errors';
import { fileError, shownPath } from '../internal/files';
import { Platform } from '../package/platform';
import { ValuesSources } from '../package/sources';
import { readValuesFile } from '../values/layers';

/** The platform entry used when none is named. */
export const DEFAULT_APP = 'apps/main.ts';

/**
 * The platform entry file: `--app`, else `chartwright.app` in the project's
 * package.json, else `apps/main.ts`.
 */
export function entryFile(app: string | undefined, cwd = process.cwd()): string {
  if (app) return path.resolve(cwd, app);
  const pkgFile = path.join(cwd, 'package.json');
  if (fs.existsSync(pkgFile)) {
    const configured = readPackageJson(pkgFile)?.chartwright?.app;
    if (configured !== undefined && typeof configured !== 'string') {
      throw new UserError(`${shownPath(pkgFile)}: "chartwright": { "app" } must be the entry file's path, a string`);
    }
    if (configured !== undefined) return path.resolve(cwd, configured);
  }
  return path.resolve(cwd, DEFAULT_APP);
}

/** A project's package.json, parsed; a byte order mark is allowed (editors on Windows write one), and a syntax error names the file. */
function readPackageJson(file: string): any {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', file);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UserError(`${shownPath(file)} is not valid JSON (${messageOf(err)}): chartwright reads "chartwright": { "app" } from it; fix the file, or name the entry with --app`);
  }
}

/**
 * Loads the platform entry file and returns the platform it exports (as
 * `export default`, or as `export const platform`).
 */
export function loadPlatform(file: string): Platform {
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) {
    throw new UserError(`platform entry ${shown} not found: create it, pass --app FILE, or set "chartwright": { "app": FILE } in package.json`);
  }
  let mod: any;
  try {
    mod = require(file);
  } catch (err) {
    if (UserError.isUserError(err)) throw UserError.wrap(shown, err);
    const syntax = typeScriptSyntaxError(err);
    if (syntax) throw new UserError(`${shown} failed to load: ${syntax}`, { cause: err });
    const location = userCodeLocation(err);
    throw UserError.wrap(`${shown} failed to load`, err, {}, location ? `\n  at ${location}` : '');
  }
  const candidates = [mod?.default, mod?.platform, mod];
  const platform = candidates.find((c) => Platform.isPlatform(c));
  if (!platform) {
    throw new UserError(`${shown} exports no Platform: end it with \`export default new Platform({ environments: { ... } })\``);
  }
  return platform;
}

/**
 * A syntax error the TypeScript loader (bin/register.js) found, as
 * `apps/web.ts:4:6: Unexpected token`: the place is in the message, not in
 * the stack, whose first frame is the loader's own.
 */
function typeScriptSyntaxError(err: unknown): string | undefined {
  if ((err as { code?: unknown })?.code !== 'CHARTWRIGHT_TS_SYNTAX') return undefined;
  const message = (err as Error).message;
  const match = /^(.*?): (?:Error transforming .*?: )?(.*?)(?: \((\d+):(\d+)\))?$/s.exec(message);
  if (!match) return message;
  const file = path.relative(process.cwd(), match[1]) || match[1];
  return `${file}${match[3] ? `:${match[3]}:${match[4]}` : ''}: syntax error: ${match[2]}`;
}

/** Options shared by the commands that render releases. */
export interface ReleaseOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** `--values` files. @default - none */
  readonly values?: readonly string[];
  /** `--set` expressions. @default - none */
  readonly set?: readonly string[];
  /** The releases `--values` and `--set` are for. @default - the only one */
  readonly release?: readonly string[];
}

/** The platform, and the values sources the options name. */
export function loadProject(options: ReleaseOptions): { platform: Platform; sources: ValuesSources } {
  const entry = entryFile(options.app);
  const platform = loadPlatform(entry);
  const files = (options.values ?? []).map((file) => readValuesFile(path.resolve(file), file)!);
  return {
    platform,
    sources: {
      root: path.dirname(entry),
      entry: path.relative(process.cwd(), entry) || entry,
      commandLine: { files, sets: options.set ?? [], releases: options.release },
    },
  };
}

/** The environments named, checked; all of them when none is named. */
export function selectEnvironments(platform: Platform, named: readonly string[] | undefined): string[] {
  const known = platform.environmentNames();
  if (!named || named.length === 0) return known;
  for (const env of named) {
    if (!known.includes(env)) {
      throw new UserError(`--env ${env}: no such environment${suggestion(env, known)}; the environments are: ${known.join(', ')}`);
    }
  }
  return [...new Set(named)];
}

/** Checks that each `--release` names a release of at least one of the environments. */
export function checkReleases(platform: Platform, environments: readonly string[], named: readonly string[] | undefined): void {
  const known = new Set(environments.flatMap((env) => platform.environment(env).releases.map((r) => r.name)));
  for (const name of named ?? []) {
    if (!known.has(name)) {
      throw new UserError(`--release ${name}: no such release in ${environments.join(', ')}${suggestion(name, known)}; the releases are: ${[...known].join(', ')}`);
    }
  }
}
