export * from './service';
export * from './ingress';
export * from './network-policy';
export * from './pod-selector';
