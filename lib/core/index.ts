export * from './validate';
export * from './names';
export * from './warnings';
export * from './hash';
export * from './kube-api-object';
export * from './cron';
