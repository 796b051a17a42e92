export * from './checks';
export * from './names';
export * from './warnings';
export * from './kube-api-object';
export * from './setting-naming';
