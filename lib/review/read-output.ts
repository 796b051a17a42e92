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
 * environment with `namespaces.yaml`, `<release>.k8s.yaml` and `crds/`
 * beside them. A folder that is itself one environment (it has a
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
  const files = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);
  if (fs.existsSync(path.join(dir, 'namespaces.yaml'))) read(path.join(dir, 'namespaces.yaml'), NAMESPACES_RELEASE);
  // a release's CustomResourceDefinitions (crds/) come first, as they are applied
  for (const name of files(path.join(dir, 'crds')).filter((f) => RELEASE_FILE.test(f))) read(path.join(dir, 'crds', name), name.replace(RELEASE_FILE, ''));
  for (const name of files(dir).filter((f) => RELEASE_FILE.test(f))) read(path.join(dir, name), name.replace(RELEASE_FILE, ''));
  return [...releases].map(([release, objects]) => ({ environment, release, objects }));
}
