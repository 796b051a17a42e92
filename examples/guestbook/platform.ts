import { Platform, release } from '../../lib';
import { Guestbook } from '.';

/**
 * The guestbook in dev, staging and prod. The environments differ only in
 * values: values.yaml for all, values.<env>.yaml for each (this folder).
 * `npx chartwright synth --app examples/guestbook/platform.ts` writes
 * dist/dev/, dist/staging/ and dist/prod/.
 */
export default new Platform({
  environments: {
    // the release every environment deploys; an environment's values files
    // are those of its chain, so each extends this base and not another one
    base: { abstract: true, releases: { guestbook: release(Guestbook, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'guestbook-dev' },
    staging: { extends: 'base', namespace: 'guestbook-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'guestbook', profile: 'prod' },
  },
});
