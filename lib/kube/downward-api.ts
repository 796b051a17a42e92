/**
 * What an environment variable may read of its pod (`valueFrom.fieldRef`)
 * and of a container's resources (`valueFrom.resourceFieldRef`), as the
 * Kubernetes API server checks it. Constructs check with it when they are
 * built, validation when objects are read.
 */
import { keyProblem } from './label-syntax';
import { quantityValue } from './quantity';

/** The pod fields environment variables can read, besides one label or annotation. */
export const ENV_FIELD_PATHS: readonly string[] = [
  'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const ENV_FIELDS = new Set(ENV_FIELD_PATHS);
const ONE_LABEL = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/** Why an environment variable cannot read the pod field `fieldPath`, or undefined. */
export function envFieldPathProblem(fieldPath: string): string | undefined {
  if (ENV_FIELDS.has(fieldPath)) return undefined;
  const one = ONE_LABEL.exec(fieldPath);
  if (one !== null) {
    const problem = keyProblem(one[2]);
    return problem === undefined ? undefined : `names the ${one[1] === 'labels' ? 'label' : 'annotation'} key "${one[2]}", which ${problem}`;
  }
  return `is not a pod field environment variables can read: use ${ENV_FIELD_PATHS.join(', ')}, metadata.labels['<key>'] or metadata.annotations['<key>']`;
}

/** The container resources environment variables can read, besides `limits.hugepages-<size>` and `requests.hugepages-<size>`. */
export const ENV_RESOURCES: readonly string[] = [
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
];
const RESOURCES = new Set(ENV_RESOURCES);
const HUGEPAGES = /^(limits|requests)\.hugepages-.+$/;

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const CPU_DIVISOR_VALUES = new Set(CPU_DIVISORS.map(quantityValue));
const BYTE_DIVISOR_VALUES = new Set(BYTE_DIVISORS.map(quantityValue));

/** What is wrong with a `resourceFieldRef` of an environment variable: its `resource` or its `divisor`; undefined when nothing is. */
export function envResourceProblem(resource: string, divisor: unknown): { readonly field: 'resource' | 'divisor'; readonly problem: string } | undefined {
  const hugepages = HUGEPAGES.test(resource);
  if (!RESOURCES.has(resource) && !hugepages) {
    return { field: 'resource', problem: `"${resource}" is not a container resource environment variables can read: use ${ENV_RESOURCES.join(', ')}, limits.hugepages-<size> or requests.hugepages-<size>` };
  }
  const value = typeof divisor === 'number' ? divisor : typeof divisor === 'string' ? quantityValue(divisor) : NaN;
  if (Number.isNaN(value)) return undefined; // none, or not a quantity (which the schema check reports)
  const cpu = resource.endsWith('.cpu');
  if ((cpu ? CPU_DIVISOR_VALUES : BYTE_DIVISOR_VALUES).has(value)) return undefined;
  const allowed = cpu ? CPU_DIVISORS : BYTE_DIVISORS;
  return { field: 'divisor', problem: `divisor ${divisor} is not allowed with ${resource}: use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` };
}
