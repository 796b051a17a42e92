export * from './namespace';
export * from './resource-quota';
export * from './limit-range';
export * from './priority-class';
