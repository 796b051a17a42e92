/**
 * cdk8s-plus-28's generated Kubernetes 1.28 types (`k8s.KubeDeploymentProps`,
 * `k8s.IntOrString`…), which the constructs type their objects with. Only
 * lib/construct/ takes them from cdk8s-plus-28; the layers above take them
 * from here, so one place decides which generated types the library uses.
 */
export { k8s } from 'cdk8s-plus-28';
