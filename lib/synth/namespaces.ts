import { MANAGED_BY_LABELS } from '../kube/annotations';
import { NamespacePodSecurity, namespacePodSecurity, podSecurityLabels } from '../kube/pod-security';
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
  return namespacesMadeElsewhere(releases).map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      labels: { ...MANAGED_BY_LABELS, ...podSecurityLabels(env.podSecurity) },
      name,
    },
  }));
}

/**
 * The Pod Security an environment declares for the namespaces it uses but
 * does not write (`createNamespaces: false`): they are made elsewhere at the
 * environment's `podSecurity` level, and validation checks their pods
 * against it. Empty when synth writes the Namespaces, which validation reads.
 */
export function declaredPodSecurity(env: ResolvedEnvironment, releases: readonly RenderedRelease[]): Record<string, NamespacePodSecurity> {
  if (env.createNamespaces) return {};
  const labels = podSecurityLabels(env.podSecurity);
  const policy = namespacePodSecurity(labels)!;
  return Object.fromEntries(namespacesMadeElsewhere(releases).map((name) => [name, policy]));
}

/** The namespaces the releases' objects live in, in order of first use, but for those a release makes and the built-in ones. */
function namespacesMadeElsewhere(releases: readonly RenderedRelease[]): string[] {
  const used = new Set<string>();
  const made = new Set<string>();
  for (const release of releases) {
    for (const obj of release.objects) {
      if (obj.kind === 'Namespace' && obj.apiVersion === 'v1' && obj.metadata.name) made.add(obj.metadata.name);
      const namespace = obj.metadata.namespace;
      if (namespace) used.add(namespace);
    }
  }
  return [...used].filter((name) => !made.has(name) && !BUILT_IN_NAMESPACES.has(name));
}
