export * from './defaults';
export * from './policy-rule';
export * from './role';
export * from './cluster-role';
export * from './subject';
export * from './role-binding';
export * from './cluster-role-binding';
export * from './service-account';
