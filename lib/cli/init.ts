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
 * template. Refuses, writing nothing, when any file it would write exists,
 * but for a package.json, which it completes: the folder where chartwright
 * was just installed (`npm install <tarball>`, which writes package.json,
 * package-lock.json and node_modules/) is a fine place to start.
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
  const existing = files.map(targetName).filter((f) => f !== 'package.json' && fs.existsSync(path.join(dir, f)));
  if (existing.length > 0) {
    throw new UserError(`init: ${path.relative(process.cwd(), dir) || '.'} already has ${existing.join(', ')}; choose an empty folder`);
  }
  const texts = files.map((file) => fs.readFileSync(path.join(source, file), 'utf8').split('{{name}}').join(name).split('{{version}}').join(version));
  const manifest = files.indexOf('package.json');
  texts[manifest] = projectManifest(JSON.parse(texts[manifest]), path.join(dir, 'package.json'), () => chartwrightSpec(dir, version));
  files.forEach((file, i) => {
    const target = path.join(dir, targetName(file));
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
    } catch (err) {
      throw fileError(err, 'create the folder', path.dirname(target));
    }
    // write-then-rename: an interrupted init leaves whole files, never one cut midway
    writeFileAtomic(target, texts[i]);
  });
  return files.map(targetName);
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'] as const;

/**
 * The version range of chartwright the new project depends on: the one the
 * project that runs this chartwright names (`file:../chartwright-0.1.0.tgz`
 * after `npm install` of a tarball, rewritten for `dir`), so a chartwright
 * that is not on the registry installs again from where it came; else
 * `^<this version>`.
 */
function chartwrightSpec(dir: string, version: string): string {
  const root = packageRoot();
  const project = path.dirname(path.dirname(root)); // <project>/node_modules/chartwright
  const manifest = path.join(project, 'package.json');
  if (path.basename(path.dirname(root)) !== 'node_modules' || !fs.existsSync(manifest)) return `^${version}`;
  const spec = dependencySpec(JSON.parse(fs.readFileSync(manifest, 'utf8')));
  if (spec?.startsWith('file:')) return `file:${path.relative(dir, path.resolve(project, spec.slice('file:'.length))) || '.'}`;
  return spec ?? `^${version}`;
}

/** How a package.json depends on chartwright, in any of its dependency lists. */
function dependencySpec(pkg: Record<string, any>): string | undefined {
  return DEPENDENCY_FIELDS.map((field) => pkg[field]?.chartwright).find((s): s is string => typeof s === 'string');
}

/**
 * The template's package.json, completed by what the folder's own
 * package.json already says: its fields and dependencies win; chartwright
 * takes the folder's own range (else the `installed` one) in each dependency
 * list of the template that names it (a peer dependency keeps its range) and
 * leaves the lists that do not.
 */
function projectManifest(template: Record<string, any>, file: string, installed: () => string): string {
  const own: Record<string, any> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const spec = dependencySpec(own) ?? installed();
  const merged: Record<string, any> = { ...template, ...own, scripts: { ...template.scripts, ...own.scripts } };
  for (const field of DEPENDENCY_FIELDS) {
    const deps: Record<string, string> = { ...template[field], ...own[field] };
    if (template[field]?.chartwright === undefined) delete deps.chartwright;
    else if (field !== 'peerDependencies') deps.chartwright = spec;
    if (Object.keys(deps).length > 0) merged[field] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    else delete merged[field];
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}

export const initCommand = defineCommand({
  name: 'init',
  summary: 'start a project from a template: init app|package [DIR]',
  description: `
Starts a project from a template in \`DIR\`: \`app\` makes apps and environments to synthesize, \`package\` a package to publish (see [Getting started](getting-started.md#starting-a-project)). It writes nothing when a file it would write exists, but for a \`package.json\`, which it completes: start in the folder where you installed chartwright (\`npm install chartwright-0.1.0.tgz\`), and the project keeps that dependency.
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
    const next = kind === 'package' ? 'npm install && npm test' : 'npm install && npm run synth';
    io.out(`${files.length} files written to ${where}:\n${files.map((f) => `  ${f}`).join('\n')}\n\nnext: ${where === '.' ? '' : `cd ${where} && `}${next}`);
    return 0;
  },
});
