import { Platform, release } from '../lib';
import { Cache } from './cache';
import { HelloWeb } from './hello-web';

/**
 * The platform: the hello-web package and its Redis cache in two
 * environments. `npm run synth` writes dist/dev/ and dist/prod/. hello-web's
 * values come from apps/hello-web/values.yaml and values.<env>.yaml, then
 * from what each environment sets here.
 */
const clients = { 'app.kubernetes.io/instance': 'hello' };

export default new Platform({
  environments: {
    dev: {
      namespace: 'hello-dev',
      releases: {
        hello: release(HelloWeb, { valuesDir: 'hello-web', values: { greeting: 'Hello from dev' } }),
        cache: release(Cache, { values: { clients } }),
      },
    },
    prod: {
      namespace: 'hello',
      profile: 'prod', // best-practice findings fail the synth
      releases: {
        hello: release(HelloWeb, { valuesDir: 'hello-web' }),
        cache: release(Cache, { values: { storageSize: '10Gi', password: { vaultPath: 'prod/hello/redis' }, clients } }),
      },
    },
  },
});
