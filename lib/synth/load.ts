import * as fs from 'fs';
import * as path from 'path';
import { UserError, messageOf, suggestion, userCodeLocation } from '../errors';
import { fileError, shownPath } from '../internal/files';
import { Package, PackageClass } from '../package/package';
import { Platform } from '../package/platform';
import { ValuesSources, checkValuesFiles } from '../package/sources';
import { readValuesFile } from '../values/layers';

/** The platform entry used when none is named. */
export const DEFAULT_APP = 'apps/main.ts';

/**
 * The project's root folder: the working folder or the nearest folder above
 * it with a package.json or an `apps/main.ts`, so synth works from any
 * folder of the project (as npm does); the working folder when none has.
 */
export function projectRoot(cwd = process.cwd()): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, DEFAULT_APP))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/**
 * The platform entry file: `--app` (from the working folder), else
 * `chartwright.app` in the project's package.json, else `apps/main.ts` in
 * the project's root (see projectRoot()).
 */
export function entryFile(app: string | undefined, cwd = process.cwd()): string {
  if (app) return path.resolve(cwd, app);
  const root = projectRoot(cwd);
  const pkgFile = path.join(root, 'package.json');
  if (fs.existsSync(pkgFile)) {
    const configured = readPackageJson(pkgFile)?.chartwright?.app;
    if (configured !== undefined && typeof configured !== 'string') {
      throw new UserError(`${shownPath(pkgFile)}: "chartwright": { "app" } must be the entry file's path, a string`);
    }
    if (configured !== undefined) return path.resolve(root, configured);
  }
  return path.resolve(root, DEFAULT_APP);
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
  const mod = requireEntry(file, `platform entry ${shown}`, 'create it, pass --app FILE, or set "chartwright": { "app": FILE } in package.json');
  const candidates = [mod?.default, mod?.platform, mod];
  const platform = candidates.find((c) => Platform.isPlatform(c));
  if (!platform) {
    throw new UserError(`${shown} exports no Platform: end it with \`export default new Platform({ environments: { ... } })\``);
  }
  return platform;
}

/**
 * Requires a file of the project; a missing file, a syntax error or a
 * failed import is a one-line UserError naming the file (and the place).
 */
function requireEntry(file: string, what: string, whenMissing: string): any {
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) throw new UserError(`${what} not found: ${whenMissing}`);
  try {
    return require(file);
  } catch (err) {
    if (UserError.isUserError(err)) throw UserError.wrap(shown, err);
    const syntax = typeScriptSyntaxError(err);
    if (syntax) throw new UserError(`${shown} failed to load: ${syntax}`, { cause: err });
    const location = userCodeLocation(err);
    const missing = missingModule(err);
    if (missing) throw new UserError(`${shown} failed to load: ${missing}${location ? `\n  at ${location}` : ''}`, { cause: err });
    throw UserError.wrap(`${shown} failed to load`, err, {}, location ? `\n  at ${location}` : '');
  }
}

/**
 * Loads a package module (`src/index.ts` of a project `chartwright init
 * package` made) and returns the package class it exports: its default
 * export, or its only exported package class; `FILE#Name` picks the export
 * `Name` when it exports several.
 */
export function loadPackageClass(spec: string): PackageClass {
  const hash = spec.lastIndexOf('#');
  const [file, wanted] = hash > 0 ? [spec.slice(0, hash), spec.slice(hash + 1)] : [spec, undefined];
  const full = path.resolve(file);
  const mod = requireEntry(full, `package module ${file}`, 'pass the file that exports the package class, such as --package src/index.ts');
  const exported = Object.entries(mod ?? {}).filter(([, value]) => isPackageClass(value)) as Array<[string, PackageClass]>;
  if (wanted !== undefined) {
    const found = exported.find(([name]) => name === wanted);
    if (!found) throw new UserError(`${file} exports no package class "${wanted}"${suggestion(wanted, exported.map(([n]) => n))}; its package classes are: ${exported.map(([n]) => n).join(', ') || 'none'}`);
    return found[1];
  }
  const chosen = exported.find(([name]) => name === 'default') ?? (exported.length === 1 ? exported[0] : undefined);
  if (chosen) return chosen[1];
  if (exported.length === 0) {
    throw new UserError(`${file} exports no package class: export a class that extends Package (\`export class MyApp extends Package<typeof values> { … }\`)`);
  }
  throw new UserError(`${file} exports ${exported.length} package classes (${exported.map(([n]) => n).join(', ')}): name one as ${file}#${exported[0][0]}`);
}

/** A class that extends Package (of this copy of the library or another), not Package itself. */
function isPackageClass(x: unknown): x is PackageClass {
  if (typeof x !== 'function' || x === Package) return false;
  for (let c: any = Object.getPrototypeOf(x); c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (c === Package || (c.name === 'Package' && typeof c.isPackage === 'function')) return true;
  }
  return false;
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

/**
 * A failed import in words, without Node's "Require stack" (the chain of
 * chartwright's own modules that loaded the entry): which module, from
 * which file of the project.
 */
function missingModule(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string; requireStack?: string[] };
  if (e?.code !== 'MODULE_NOT_FOUND' || typeof e.message !== 'string') return undefined;
  const name = /Cannot find module '([^']+)'/.exec(e.message)?.[1];
  if (!name) return undefined;
  const from = e.requireStack?.[0];
  const by = from ? ` imported by ${path.relative(process.cwd(), from) || from}` : '';
  const hint = name.startsWith('.') || path.isAbsolute(name) ? 'check the path and the file name' : `install it (npm install ${name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]})`;
  return `cannot find module '${name}'${by}: ${hint}`;
}

/** Options shared by the commands that render releases. */
export interface ReleaseOptions {
  /** The platform entry file. @default - see entryFile() */
  readonly app?: string;
  /** `--values` files. @default - none */
  readonly values?: readonly string[];
  /** `--set` expressions. @default - none */
  readonly set?: readonly string[];
  /** `--set-json` expressions. @default - none */
  readonly setJson?: readonly string[];
  /** `--set-string` expressions. @default - none */
  readonly setString?: readonly string[];
  /** `--set-file` expressions. @default - none */
  readonly setFile?: readonly string[];
  /** The releases `--values` and `--set` are for. @default - the only one */
  readonly release?: readonly string[];
}

/** The platform, and the values sources the options name. */
export function loadProject(options: ReleaseOptions): { platform: Platform; sources: ValuesSources } {
  const entry = entryFile(options.app);
  const platform = loadPlatform(entry);
  checkValuesFiles(platform, path.dirname(entry));
  const files = (options.values ?? []).map((file) => readValuesFile(path.resolve(file), file)!);
  return {
    platform,
    sources: {
      root: path.dirname(entry),
      entry: path.relative(process.cwd(), entry) || entry,
      commandLine: { files, sets: options.set ?? [], setJson: options.setJson, setString: options.setString, setFile: options.setFile, releases: options.release },
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
