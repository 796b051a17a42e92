export * from './cron';
export * from './int-or-percent';
export * from './install-order';
