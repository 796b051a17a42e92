/**
 * The best-practice rules of their own files, in the order the rule table
 * lists them. policy.ts runs each kind of check in this order, so it is also
 * the order of an object's findings: keep it when adding a rule, and add the
 * rule's test (test/validate/rules/<id>.test.ts) and its page (`npm run docs:rules`).
 */
import { capabilitiesDropAll } from './capabilities-drop-all';
import { containerProbes } from './container-probes';
import { containerResources } from './container-resources';
import { dangerousCapabilities } from './dangerous-capabilities';
import { hostNamespaces } from './host-namespaces';
import { hostPath } from './host-path';
import { imageTagRule } from './image-tag';
import { ingressTls } from './ingress-tls';
import { podDisruptionBudget } from './pod-disruption-budget';
import { podSpread } from './pod-spread';
import { privilegeEscalation } from './privilege-escalation';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { PolicyRule } from './rule';
import { runAsNonRoot } from './run-as-non-root';
import { seccompProfile } from './seccomp-profile';
import { serviceAccountToken } from './service-account-token';

export const POLICY_RULES: readonly PolicyRule[] = [
  containerResources,
  containerProbes,
  imageTagRule,
  runAsNonRoot,
  readOnlyRootFilesystem,
  privilegeEscalation,
  capabilitiesDropAll,
  dangerousCapabilities,
  seccompProfile,
  hostNamespaces,
  hostPath,
  serviceAccountToken,
  podDisruptionBudget,
  podSpread,
  ingressTls,
];
