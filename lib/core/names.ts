import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Package } from '../package/package';
import { namePartsOf } from '../package/naming';
import { UserError } from '../errors';

/** The outermost chart (the release) a construct lives in. */
export function releaseChart(scope: IConstruct): Chart {
  const charts = scope.node.scopes.filter((s): s is Chart => Chart.isChart(s));
  if (charts.length === 0) {
    throw new UserError(`${scope.node.path}: this construct must be built inside a Package (or a cdk8s Chart)`);
  }
  return charts[0];
}

/** The release name: the outermost package's release name, or the outermost chart's id. */
export function releaseName(scope: IConstruct): string {
  const chart = releaseChart(scope);
  return Package.isPackage(chart) ? chart.releaseName : chart.node.id;
}

/**
 * The name objects of a construct share: `<release>-<construct path>` in kebab
 * case, as the package names objects (`shop/web` → `shop-web`). Objects of
 * different kinds may share it: the web service `web` of release `shop` makes
 * the Deployment and the Service `shop-web`.
 */
export function resourceName(scope: IConstruct, maxLength = 63): string {
  const scopes = scope.node.scopes;
  const root = scopes.indexOf(releaseChart(scope));
  const name = namePartsOf(scopes.slice(root)).join('-');
  if (name.length === 0 || name.length > maxLength) {
    throw new UserError(
      `${scope.node.path}: the name "${name}" derived from the construct path is ${name.length} characters; a name has 1 to ${maxLength}: use shorter construct ids`,
    );
  }
  return name;
}

/** The component: the construct path below the release, in kebab case (`shop/web` → `web`). */
export function componentName(scope: IConstruct): string {
  const scopes = scope.node.scopes;
  const root = scopes.indexOf(releaseChart(scope));
  const component = namePartsOf(scopes.slice(root + 1)).join('-');
  return component.slice(0, 63).replace(/-+$/, '') || releaseName(scope);
}

/** The labels of the package a construct lives in (name, instance, version, managed-by…). */
export function packageLabels(scope: IConstruct): Record<string, string> {
  const charts = scope.node.scopes.filter((s): s is Chart => Chart.isChart(s));
  return charts.length > 0 ? { ...charts[charts.length - 1].labels } : {};
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
