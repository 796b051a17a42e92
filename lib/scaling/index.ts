export * from './pod-disruption-budget';
export * from './horizontal-pod-autoscaler';
