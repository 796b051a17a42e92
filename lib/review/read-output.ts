import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../errors';
import { DiffObject, ReleaseObjects } from '../diff';
import { parseManifests } from '../validate/input';

/** The release name of an environment's Namespaces file (`namespaces.yaml`) in a diff. */
export const NAMESPACES_RELEASE = 'namespaces';

const RELEASE_FILE = /\.k8s\.ya?ml$/;

/**
 * Reads an output folder that synth wrote (`dist/`): a folder per
 * environment with `namespaces.yaml` and `<release>.k8s.yaml` files, at its
 * top or in stage folders (`crds/`, `pre/`, `releases/<release>/`…). A folder that is itself one environment (it has a
 * `kustomization.yaml`) is read as that environment, named after the folder.
 * Folders starting with '.' (synth's staging) are skipped.
 */
export function readOutput(dir: string): ReleaseObjects[] {
  const shown = path.relative(process.cwd(), dir) || dir;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`${shown}: no such output folder (write one with chartwright synth --out ${shown})`);
  if (fs.existsSync(path.join(dir, 'kustomization.yaml'))) return readEnvironment(dir, path.basename(path.resolve(dir)));
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .flatMap((env) => readEnvironment(path.join(dir, env), env));
}

function readEnvironment(dir: string, environment: string): ReleaseObjects[] {
  const releases = new Map<string, DiffObject[]>();
  const read = (file: string, release: string) => {
    const parsed = parseManifests(path.relative(process.cwd(), file) || file, fs.readFileSync(file, 'utf8'));
    const error = parsed.findings.find((f) => f.severity === 'error');
    if (error) throw new UserError(`${error.source?.file}:${error.source?.line ?? 1}: ${error.message}`);
    const list = releases.get(release) ?? [];
    list.push(...parsed.objects.map((o) => o.obj as DiffObject).filter((o) => o !== null && typeof o === 'object'));
    releases.set(release, list);
  };
  // every stage of either layout (lib/synth/layout.ts): crds/, hook and test
  // stages, GitOps folders; CustomResourceDefinitions first, as they are applied
  const found = releaseFiles(dir).sort((a, b) => Number(b.startsWith('crds/')) - Number(a.startsWith('crds/')));
  for (const file of found) {
    const name = path.posix.basename(file);
    read(path.join(dir, ...file.split('/')), name === 'namespaces.yaml' ? NAMESPACES_RELEASE : name.replace(RELEASE_FILE, ''));
  }
  return [...releases].map(([release, objects]) => ({ environment, release, objects }));
}

/** The `/`-separated paths of an environment folder's object files, in code-unit order; folders starting with '.' skipped. */
function releaseFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) out.push(...releaseFiles(path.join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.name === 'namespaces.yaml' || RELEASE_FILE.test(e.name)) out.push(prefix + e.name);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
