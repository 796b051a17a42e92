export * from './errors';
export * from './package/package';
export * from './package/platform';
export * from './values/merge';
export * from './synth/order';
export * from './synth/yaml';
export * from './synth/render';
export * from './synth/output';
