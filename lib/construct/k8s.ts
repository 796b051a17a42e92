/**
 * The Kubernetes 1.28 types the constructs type their objects with
 * (`k8s.KubeDeploymentProps`, `k8s.IntOrString`…) and the values of
 * cdk8s-plus-28's generated classes they read (`k8s.KubeDeployment.GVK`,
 * `k8s.Quantity.fromString`). Only lib/construct/ takes them from
 * cdk8s-plus-28; the layers above take them from here, so one place decides
 * which generated types the library uses.
 *
 * They are the slice of cdk8s-plus-28's generated file that lib/ uses,
 * copied by scripts/k8s-types.js into k8s-types.ts, the same types
 * structurally: chartwright's declarations name them, so a project that
 * imports chartwright does not type-check the whole generated file (about
 * 19,500 lines) on every run (docs/performance.md).
 */
export * as k8s from './k8s-types';
