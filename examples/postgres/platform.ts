import { Platform, release } from 'chartwright';
import { Postgres } from './src';

/**
 * Postgres on its own in dev, staging and prod, which differ only in values
 * (values.yaml, values.<env>.yaml in this folder): how the package is tried
 * before another package includes it.
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { db: release(Postgres, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'postgres-dev' },
    staging: { extends: 'base', namespace: 'postgres-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'postgres', profile: 'prod' },
  },
});
