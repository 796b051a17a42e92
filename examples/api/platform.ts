import { Platform, release } from '../../lib';
import { Api } from '.';

/**
 * The API and its Postgres in dev, staging and prod, which differ only in
 * values (values.yaml, values.<env>.yaml in this folder). The database
 * password comes from the secret manager through an ExternalSecret (the
 * External Secrets Operator and its `vault` ClusterSecretStore are the
 * cluster's).
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { api: release(Api, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'api-dev' },
    staging: { extends: 'base', namespace: 'api-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'api', profile: 'prod' },
  },
});
