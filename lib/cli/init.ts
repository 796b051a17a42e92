import * as fs from 'fs';
import * as path from 'path';
import { UsageError, UserError } from '../errors';
import { fileError, writeFileAtomic } from '../internal/files';
import { DNS1123_LABEL } from '../kube/names';
import { defineCommand } from './command';

/** The project kinds `chartwright init` makes. */
export const TEMPLATES = ['app', 'package'] as const;
export type TemplateKind = (typeof TEMPLATES)[number];

export interface InitOptions {
  readonly kind: string;
  /** The folder to create the project in. @default '.' */
  readonly dir?: string;
  /** The project's name. @default - the folder's name */
  readonly name?: string;
}

/** chartwright's own folder: where package.json and templates/ are. */
export function packageRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'templates')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error('chartwright: templates/ not found beside package.json');
}

function templateFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(path.join(dir, entry.name), path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
  );
}

/** npm leaves `.gitignore` out of published packages, so templates carry it as `gitignore`. */
function targetName(file: string): string {
  return path.basename(file) === 'gitignore' ? path.join(path.dirname(file), '.gitignore') : file;
}

/**
 * `chartwright init app|package [DIR]`: writes a new project from a
 * template. Refuses, writing nothing, when any file it would write exists.
 * Returns the files written, relative to DIR.
 */
export function init(options: InitOptions): string[] {
  if (!(TEMPLATES as readonly string[]).includes(options.kind)) {
    throw new UsageError(`init makes an "app" project (apps and environments) or a "package" project (a package to publish), not "${options.kind}"`);
  }
  const dir = path.resolve(options.dir ?? '.');
  const name = options.name ?? path.basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!DNS1123_LABEL.test(name) || name.length > 53) {
    throw new UserError(`init: "${name}" is not a valid project name: use lower-case letters, digits and '-' (give one with --name)`);
  }
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new UserError(`init: ${path.relative(process.cwd(), dir) || dir} is a file, not a folder: choose a new or empty folder`);
  }
  const root = packageRoot();
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  const source = path.join(root, 'templates', options.kind);
  const files = templateFiles(source);
  const existing = files.map(targetName).filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length > 0) {
    throw new UserError(`init: ${path.relative(process.cwd(), dir) || '.'} already has ${existing.join(', ')}; choose an empty folder`);
  }
  for (const file of files) {
    const text = fs.readFileSync(path.join(source, file), 'utf8').split('{{name}}').join(name).split('{{version}}').join(version);
    const target = path.join(dir, targetName(file));
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
    } catch (err) {
      throw fileError(err, 'create the folder', path.dirname(target));
    }
    // write-then-rename: an interrupted init leaves whole files, never one cut midway
    writeFileAtomic(target, text);
  }
  return files.map(targetName);
}

export const initCommand = defineCommand({
  name: 'init',
  summary: 'start a project from a template: init app|package [DIR]',
  description: `
Starts a project from a template in \`DIR\`: \`app\` makes apps and environments to synthesize, \`package\` a package to publish (see [Getting started](getting-started.md#starting-a-project)). It writes nothing when a file it would write exists.
`,
  args: [
    { name: 'KIND', choices: TEMPLATES, description: '`app` (apps and environments to synthesize) or `package` (a package to publish)', required: true },
    { name: 'DIR', description: 'the folder to write the project in', default: 'the current folder' },
  ],
  flags: [{ name: 'name', value: 'NAME', description: "the project's name, a DNS-1123 label of at most 53 characters", default: "the folder's name" }],
  examples: [
    { description: 'apps and environments in a new folder shop/', command: 'chartwright init app shop' },
    { description: 'a package to publish, in the current folder', command: 'chartwright init package --name greeter' },
  ],
  run({ flags, args }, io) {
    const [kind, dir] = args;
    const files = init({ kind, dir, name: flags.name });
    const where = dir ?? '.';
    io.out(`${files.length} files written to ${where}:\n${files.map((f) => `  ${f}`).join('\n')}\n\nnext: cd ${where} && npm install && npm run synth`);
    return 0;
  },
});
