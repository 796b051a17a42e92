import { Platform, release } from 'chartwright';
import { MySql } from './src';

/**
 * MySQL on its own in dev, staging and prod, which differ only in values
 * (values.yaml, values.<env>.yaml in this folder): how the package is tried
 * before another package includes it. The Secret `mysql-credentials` is made
 * outside the repo.
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { db: release(MySql, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'mysql-dev' },
    staging: { extends: 'base', namespace: 'mysql-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'mysql', profile: 'prod' },
  },
});
