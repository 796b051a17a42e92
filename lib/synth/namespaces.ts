import { podSecurityLabels } from '../kube/pod-security';
import type { ResolvedEnvironment } from '../package/platform';
import type { KubeObject, RenderedRelease } from './render';

/** Namespaces every cluster has: never written, never deleted by a prune. */
const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/**
 * The Namespace objects of an environment: one per namespace its objects
 * live in, in order of first use, labelled with the environment's Pod
 * Security level, so that `kubectl apply -k dist/<env>` works on an empty
 * cluster. A namespace a release makes itself (a Namespace object in its
 * output) and the built-in namespaces are left out; none at all when the
 * environment sets `createNamespaces: false`.
 */
export function environmentNamespaces(env: ResolvedEnvironment, releases: readonly RenderedRelease[]): KubeObject[] {
  if (!env.createNamespaces) return [];
  const used = new Set<string>();
  const made = new Set<string>();
  for (const release of releases) {
    for (const obj of release.objects) {
      if (obj.kind === 'Namespace' && obj.apiVersion === 'v1' && obj.metadata.name) made.add(obj.metadata.name);
      const namespace = obj.metadata.namespace;
      if (namespace) used.add(namespace);
    }
  }
  const namespaces: KubeObject[] = [];
  for (const name of used) {
    if (made.has(name) || BUILT_IN_NAMESPACES.has(name)) continue;
    namespaces.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        labels: { 'app.kubernetes.io/managed-by': 'chartwright', ...podSecurityLabels(env.podSecurity) },
        name,
      },
    });
  }
  return namespaces;
}
