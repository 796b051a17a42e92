import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { constructPath, namePartOf } from './name-parts';
import { UserError } from '../errors';

/** Where a construct sits: its release chart and its name parts below it, joined with '-'. */
interface Placement {
  /** The outermost chart above or at the construct; undefined outside any chart. */
  readonly release: Chart | undefined;
  /** The name parts of the constructs below the release chart down to this one (`web-server`). */
  readonly below: string;
}

const placements = new WeakMap<IConstruct, Placement>();
const OUTSIDE: Placement = { release: undefined, below: '' };

/**
 * A construct's placement, worked out once per construct from its parent's:
 * a construct never moves, and names of siblings share their parent's part.
 */
function placementOf(scope: IConstruct): Placement {
  let placement = placements.get(scope);
  if (placement === undefined) {
    const parent = scope.node.scope;
    const above = parent ? placementOf(parent) : OUTSIDE;
    if (above.release === undefined) {
      placement = Chart.isChart(scope) ? { release: scope, below: '' } : OUTSIDE;
    } else {
      const part = namePartOf(scope);
      placement = { release: above.release, below: part === '' ? above.below : above.below ? `${above.below}-${part}` : part };
    }
    placements.set(scope, placement);
  }
  return placement;
}

/** The outermost chart (the release) a construct lives in. */
export function releaseChart(scope: IConstruct): Chart {
  const release = placementOf(scope).release;
  if (release === undefined) {
    throw new UserError(`${constructPath(scope)}: this construct must be built inside a Package (or a cdk8s Chart)`);
  }
  return release;
}

/**
 * The release name: the outermost chart's id. A Package's `releaseName` is
 * the id of its outermost package, which is that chart when the release is a
 * package; so names need not know packages, which sit layers above.
 */
export function releaseName(scope: IConstruct): string {
  return releaseChart(scope).node.id;
}

/**
 * The name objects of a construct share: `<release>-<construct path>` in kebab
 * case, as the package names objects (`shop/web` → `shop-web`). Objects of
 * different kinds may share it: the web service `web` of release `shop` makes
 * the Deployment and the Service `shop-web`.
 */
export function resourceName(scope: IConstruct, maxLength = 63): string {
  const release = namePartOf(releaseChart(scope));
  const below = placementOf(scope).below;
  const name = release && below ? `${release}-${below}` : release || below;
  if (name.length === 0 || name.length > maxLength) {
    throw new UserError(
      `${constructPath(scope)}: the name "${name}" derived from the construct path is ${name.length} characters; a name has 1 to ${maxLength}: use shorter construct ids`,
    );
  }
  return name;
}

/** The component: the construct path below the release, in kebab case (`shop/web` → `web`). */
export function componentName(scope: IConstruct): string {
  releaseChart(scope); // inside a release, or an error saying so
  const component = placementOf(scope).below;
  return component.slice(0, 63).replace(/-+$/, '') || releaseName(scope);
}

/** The labels of the package a construct lives in (name, instance, version, managed-by…). */
export function packageLabels(scope: IConstruct): Record<string, string> {
  for (let s: IConstruct | undefined = scope; s !== undefined; s = s.node.scope) {
    if (Chart.isChart(s)) return s.labels; // a copy of the chart's labels
  }
  return {};
}

/**
 * Stable, readable selector labels for the pods of a workload:
 * `app.kubernetes.io/name` (the package), `instance` (the release) and
 * `component` (the construct path below the release). They never change
 * between versions, so a Deployment's immutable selector stays valid.
 */
export function selectorLabels(scope: IConstruct): Record<string, string> {
  const labels = packageLabels(scope);
  const out: Record<string, string> = {};
  if (labels['app.kubernetes.io/name']) out['app.kubernetes.io/name'] = labels['app.kubernetes.io/name'];
  out['app.kubernetes.io/instance'] = labels['app.kubernetes.io/instance'] ?? releaseName(scope);
  out['app.kubernetes.io/component'] = componentName(scope);
  return out;
}

/**
 * Cluster-scoped kinds (Namespace, ClusterRole, PersistentVolume…) take no
 * namespace: removes the one the package would give them.
 */
export function clusterScoped<T extends ApiObject>(apiObject: T): T {
  if (apiObject.metadata.namespace !== undefined) apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return apiObject;
}
