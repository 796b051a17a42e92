export * from './web-service';
export * from './worker';
export * from './stateful-service';
export * from './node-agent';
export * from './hook';
