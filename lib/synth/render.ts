import { ApiObject, App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { UserError, UserErrorDetails, userCodeLocation } from '../errors';
import { NamedObject, ObjectIndex } from '../kube/object-index';
import { ConstructWarning, warningsOf } from '../construct/warnings';
import { Package, PackageMetadata } from '../package/package';
import { Platform, ResolvedEnvironment, ResolvedRelease } from '../package/platform';
import { ValuesSources, releaseLayers } from '../package/sources';
import { ValuesLayer } from '../values/layers';
import { withFastResolve } from '../construct/fast-resolve';
import { sortByInstallOrder } from '../kube/install-order';
import { environmentNamespaces } from './namespaces';
import { releaseNotes } from './notes';
import { gitopsObjects } from './gitops';
import { isCustomResourceDefinition } from './layout';
import { GitOpsTool } from '../package/gitops';
import { Timings } from './timings';
import { CHECKSUM_KEY_CONTEXT, useConstructList } from '../config/checksum';
import { applyPatches } from './patches';
import { constructPath } from '../construct/name-parts';

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** One release, rendered: its objects in install order. */
export interface RenderedRelease {
  readonly name: string;
  readonly package: PackageMetadata;
  readonly objects: readonly KubeObject[];
  /** The construct path of each object, index for index. */
  readonly paths: readonly string[];
  /** The namespace of the release's objects, if any. */
  readonly namespace?: string;
  /** The releases of the environment this one deploys after. */
  readonly runsAfter: readonly string[];
  /** The release's notes, Markdown: what synth writes to `<release>.NOTES.md` (see ./notes.ts). */
  readonly notes: string;
}

/** One environment, rendered. */
export interface RenderedEnvironment {
  readonly name: string;
  readonly releases: readonly RenderedRelease[];
  /** The Namespace objects of the namespaces the releases use (see ./namespaces.ts), written before the releases. */
  readonly namespaces: readonly KubeObject[];
  /** Warnings the constructs recorded (see lib/construct/warnings.ts). */
  readonly warnings: readonly ConstructWarning[];
  /** The GitOps controller that deploys the environment and its objects for it (see ./gitops.ts), when the environment names one. */
  readonly gitops?: { readonly tool: GitOpsTool; readonly objects: readonly KubeObject[] };
}

export interface RenderOptions {
  /** Values files and command-line values. @default - only the platform entry's values */
  readonly values?: ValuesSources;
  /** Where to add the time spent building constructs (`build`) and rendering objects (`render`). @default - not measured */
  readonly timings?: Timings;
  /**
   * The key of the `checksum/config` annotation's HMAC (keep it out of the
   * output and out of reach of those who may read Deployments but not Secrets).
   * @default - the environment variable CHARTWRIGHT_CHECKSUM_KEY; without it, a key derived from the app's Secrets
   */
  readonly checksumKey?: string;
}

/**
 * Builds every release of one environment and renders its objects: validated,
 * in Helm's install order, with names unique across the environment.
 * Throws UserError naming the environment, release and cause.
 */
export function renderEnvironment(platform: Platform, environment: string, options: RenderOptions = {}): RenderedEnvironment {
  const timings = options.timings ?? new Timings();
  const env = platform.environment(environment);
  const app = new App({ outdir: '.' });
  const checksumKey = options.checksumKey ?? process.env.CHARTWRIGHT_CHECKSUM_KEY;
  if (checksumKey) app.node.setContext(CHECKSUM_KEY_CONTEXT, checksumKey);
  const charts: Array<{ release: ResolvedRelease; chart: Package }> = timings.measure('build', () => buildReleases(env, app, options));
  return timings.measure('render', () => renderBuilt(env, app, charts));
}

/**
 * Builds one release of an environment from the values layers given, in
 * place of the release's own (`releaseLayers()`), and renders its objects
 * in install order. What `chartwright diff` renders to learn which value
 * reached which field; nothing else is built, and nothing is validated.
 */
export function renderReleaseWithLayers(platform: Platform, environment: string, releaseName: string, layers: readonly ValuesLayer[]): RenderedRelease {
  const env = platform.environment(environment);
  const release = env.releases.find((r) => r.name === releaseName);
  if (!release) throw new UserError(`environment "${environment}" has no release "${releaseName}"`);
  const app = new App({ outdir: '.' });
  const chart = new release.package(app, release.name, { namespace: release.namespace, valuesLayers: layers });
  const objects = chart.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  return withFastResolve(() => renderRelease(env.name, release, chart, objects));
}

function buildReleases(env: ResolvedEnvironment, app: App, options: RenderOptions): Array<{ release: ResolvedRelease; chart: Package }> {
  const charts: Array<{ release: ResolvedRelease; chart: Package }> = [];
  for (const release of env.releases) {
    const where = `environment "${env.name}", release "${release.name}" (package ${release.package.metadata?.name ?? release.package.name})`;
    const context = { environment: env.name, release: release.name };
    try {
      const valuesLayers = releaseLayers(env, release, options.values ?? {});
      const chart = new release.package(app, release.name, { namespace: release.namespace, valuesLayers });
      charts.push({ release, chart });
    } catch (err) {
      throw wrap(where, err, context);
    }
  }
  return charts;
}

function renderBuilt(env: ResolvedEnvironment, app: App, charts: Array<{ release: ResolvedRelease; chart: Package }>): RenderedEnvironment {
  // one walk of the tree (pre-order: each release's constructs follow it) serves every step below
  const all = app.node.findAll();
  useConstructList(app, all);
  validateConstructs(env.name, all);
  const objectsByRelease = new Map<IConstruct, ApiObject[]>(charts.map(({ chart }) => [chart, []]));
  let current: ApiObject[] | undefined;
  for (const construct of all) {
    if (construct.node.scope === app) current = objectsByRelease.get(construct);
    else if (current && ApiObject.isApiObject(construct)) current.push(construct);
  }

  const releases = withFastResolve(() =>
    charts.map(({ release, chart }) => renderRelease(env.name, release, chart, objectsByRelease.get(chart)!, env.gitops?.tool)),
  );
  checkUniqueNames(env.name, releases);
  const namespaces = environmentNamespaces(env, releases);
  const hasCrds = releases.some((r) => r.objects.some(isCustomResourceDefinition));
  let gitops: RenderedEnvironment['gitops'];
  try {
    gitops = env.gitops && { tool: env.gitops.tool, objects: gitopsObjects(env.name, { releases, hasNamespaces: namespaces.length > 0, hasCrds }, env.gitops) };
  } catch (err) {
    throw wrap(`environment "${env.name}"`, err, { environment: env.name });
  }
  return { name: env.name, releases, namespaces, warnings: warningsOf(all), ...(gitops ? { gitops } : {}) };
}

function renderRelease(environment: string, release: ResolvedRelease, chart: Package, apiObjects: readonly ApiObject[], gitops?: GitOpsTool): RenderedRelease {
  const rendered = apiObjects.map((obj) => {
    try {
      return { json: obj.toJson() as KubeObject, path: constructPath(obj) };
    } catch (err) {
      throw wrap(`environment "${environment}", release "${release.name}", ${constructPath(obj)}`, err, { environment, release: release.name, path: constructPath(obj) });
    }
  });
  if (release.patches.length > 0) {
    try {
      const patched = applyPatches(rendered.map((r) => r.json), release.patches);
      patched.forEach((json, i) => (rendered[i].json = json));
    } catch (err) {
      throw wrap(`environment "${environment}", release "${release.name}"`, err, { environment, release: release.name });
    }
  }
  const ordered = sortByInstallOrder(rendered, (r) => r.json.kind);
  const objects = ordered.map((r) => r.json);
  const values = chart.values as Record<string, unknown>;
  let own: string | undefined;
  if (release.notes) {
    try {
      own = release.notes({ name: release.name, environment, namespace: release.namespace, values, objects });
    } catch (err) {
      throw wrap(`environment "${environment}", release "${release.name}": its notes function failed`, err, { environment, release: release.name, field: 'notes' });
    }
    if (typeof own !== 'string') {
      throw new UserError(`environment "${environment}", release "${release.name}": its notes function returned ${typeof own}, not the notes' text`, { environment, release: release.name, field: 'notes' });
    }
  }
  return {
    name: release.name,
    package: chart.metadata,
    objects,
    paths: ordered.map((r) => r.path),
    namespace: release.namespace,
    runsAfter: release.runsAfter,
    notes: releaseNotes({ environment, release: release.name, namespace: release.namespace, package: chart.metadata, values, objects, own, gitops }),
  };
}

/** Runs the validations constructs registered (`node.addValidation`). */
function validateConstructs(environment: string, constructs: readonly IConstruct[]): void {
  const errors: string[] = [];
  for (const construct of constructs) {
    for (const error of construct.node.validate()) {
      errors.push(`  ${constructPath(construct)}: ${error}`);
    }
  }
  if (errors.length > 0) {
    throw new UserError(`environment "${environment}": ${errors.length} construct${errors.length === 1 ? '' : 's'} failed validation:\n${errors.join('\n')}`, { environment });
  }
}

/** No two objects of one environment may share API group, kind, namespace and name. */
function checkUniqueNames(environment: string, releases: readonly RenderedRelease[]): void {
  const index = new ObjectIndex<NamedObject & { readonly path: string }>();
  for (const release of releases) {
    for (let i = 0; i < release.objects.length; i++) {
      const obj = release.objects[i];
      const name = obj.metadata.name;
      if (name === undefined) continue; // generateName: the API server names it
      const namespace = obj.metadata.namespace ?? '';
      const path = release.paths[i];
      const previous = index.add({ obj, namespace, name, path });
      if (previous !== undefined) {
        const ns = namespace ? ` in namespace "${namespace}"` : '';
        throw new UserError(
          `environment "${environment}": two objects are both ${obj.kind} "${name}"${ns}: ${previous.path} and ${path}; ` +
            'give one of them another construct id or set metadata.name',
          { environment, path, field: 'metadata.name', given: name },
        );
      }
    }
  }
}

/**
 * Adds where an error happened to its message; the error stays as `cause`, its
 * fields carry over. An error that is not the user's input (a TypeError in
 * their package…), and a construct's error (one with a construct path), also
 * get the line of the user's code they came from: the first frame of the
 * innermost error's stack outside chartwright and node_modules. Values
 * errors name their file and line already.
 */
function wrap(where: string, err: unknown, details: UserErrorDetails): UserError {
  const fromConstruct = UserError.isUserError(err) && err.path !== undefined && !err.message.includes('\n  at ');
  const location = !UserError.isUserError(err) || fromConstruct ? userCodeLocation(innermost(err)) : undefined;
  return UserError.wrap(where, err, details, location ? `\n  at ${location}` : '');
}

function innermost(err: unknown): unknown {
  let e = err;
  while (e instanceof Error && e.cause !== undefined) e = e.cause;
  return e;
}
