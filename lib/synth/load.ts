import * as fs from 'fs';
import * as path from 'path';
import { UserError, messageOf, userCodeLocation } from '../errors';
import { Platform } from '../package/platform';

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
    const configured = JSON.parse(fs.readFileSync(pkgFile, 'utf8'))?.chartwright?.app;
    if (typeof configured === 'string') return path.resolve(cwd, configured);
  }
  return path.resolve(cwd, DEFAULT_APP);
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
    if (err instanceof UserError) throw new UserError(`${shown}: ${err.message}`);
    const location = userCodeLocation(err);
    throw new UserError(`${shown} failed to load: ${messageOf(err)}${location ? `\n  at ${location}` : ''}`);
  }
  const candidates = [mod?.default, mod?.platform, mod];
  const platform = candidates.find((c) => Platform.isPlatform(c));
  if (!platform) {
    throw new UserError(`${shown} exports no Platform: end it with \`export default new Platform({ environments: { ... } })\``);
  }
  return platform;
}
