export * from './validate';
export * from './names';
export * from './warnings';
export * from './hash';
