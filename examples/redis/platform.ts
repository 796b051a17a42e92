import { Platform, release } from 'chartwright';
import { Redis } from './src';

/**
 * Redis on its own in dev, staging and prod, which differ only in values
 * (values.yaml, values.<env>.yaml in this folder): how the package is tried
 * before another package (the guestbook) includes it.
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { cache: release(Redis, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'redis-dev' },
    staging: { extends: 'base', namespace: 'redis-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'redis', profile: 'prod' },
  },
});
