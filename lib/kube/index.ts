export * from './cron';
export * from './time-zone';
export * from './config-data';
export * from './int-or-percent';
export * from './install-order';
