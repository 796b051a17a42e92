export * from './source';
export * from './env';
export * from './config-map';
export * from './secret';
export * from './external-secret';
