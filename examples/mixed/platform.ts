import { Platform, release } from '../../lib';
import { StatusPage } from '.';

/**
 * The status page in dev, staging and prod. The environments differ only in
 * values: values.yaml for all, values.<env>.yaml for each (this folder).
 * `npx chartwright synth --app examples/mixed/platform.ts` writes
 * dist/dev/, dist/staging/ and dist/prod/.
 */
export default new Platform({
  environments: {
    // the release every environment deploys; an environment's values files
    // are those of its chain, so each extends this base and not another one
    base: { abstract: true, releases: { 'status-page': release(StatusPage, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'status-dev' },
    staging: { extends: 'base', namespace: 'status-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'status', profile: 'prod' },
  },
});
