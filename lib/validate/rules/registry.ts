/**
 * The best-practice rules of their own files, in the order the rule table
 * lists them. policy.ts runs each kind of check in this order, so it is also
 * the order of an object's findings: keep it when adding a rule, and add the
 * rule's test (test/validate/rules/<id>.test.ts) and its page (`npm run docs:rules`).
 */
import { capabilitiesDropAll } from './capabilities-drop-all';
import { containerProbes } from './container-probes';
import { containerResources } from './container-resources';
import { cronjobDeadline } from './cronjob-deadline';
import { dangerousCapabilities } from './dangerous-capabilities';
import { ephemeralStorage } from './ephemeral-storage';
import { hostNamespaces } from './host-namespaces';
import { hostPath } from './host-path';
import { hpaReplicas } from './hpa-replicas';
import { identicalProbes } from './identical-probes';
import { imageTagRule } from './image-tag';
import { ingressTls } from './ingress-tls';
import { jobTtl } from './job-ttl';
import { networkPolicy } from './network-policy';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { podDisruptionBudget } from './pod-disruption-budget';
import { podSecurity } from './pod-security';
import { podSpread } from './pod-spread';
import { privilegeEscalation } from './privilege-escalation';
import { privilegedPort } from './privileged-port';
import { probePort } from './probe-port';
import { pullPolicy } from './pull-policy';
import { rbacClusterAdmin } from './rbac-cluster-admin';
import { rbacEscalation } from './rbac-escalation';
import { rbacSecrets } from './rbac-secrets';
import { rbacWildcard } from './rbac-wildcard';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { requestsEqualLimits } from './requests-equal-limits';
import { PolicyRule } from './rule';
import { runAsNonRoot } from './run-as-non-root';
import { seccompProfile } from './seccomp-profile';
import { secretLiteral } from './secret-literal';
import { serviceAccountToken } from './service-account-token';

export const POLICY_RULES: readonly PolicyRule[] = [
  containerResources,
  ephemeralStorage,
  requestsEqualLimits,
  containerProbes,
  probePort,
  identicalProbes,
  imageTagRule,
  podSecurity,
  pullPolicy,
  runAsNonRoot,
  readOnlyRootFilesystem,
  privilegeEscalation,
  capabilitiesDropAll,
  dangerousCapabilities,
  privilegedPort,
  seccompProfile,
  hostNamespaces,
  hostPath,
  serviceAccountToken,
  secretLiteral,
  podDisruptionBudget,
  pdbBlocksEviction,
  hpaReplicas,
  podSpread,
  networkPolicy,
  ingressTls,
  jobTtl,
  cronjobDeadline,
  rbacWildcard,
  rbacSecrets,
  rbacEscalation,
  rbacClusterAdmin,
];
