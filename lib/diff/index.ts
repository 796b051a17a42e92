export * from './model';
export { diffOutputs } from './diff';
export { diffFields, deepEqual, valueAt } from './fields';
export { IMMUTABLE_RULES } from './immutable';
export { formatText, summaryLine } from './format/text';
export type { TextOptions } from './format/text';
export { formatMarkdown } from './format/markdown';
export { formatJson } from './format/json';
