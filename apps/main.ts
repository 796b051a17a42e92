import { Platform } from '../lib';
import { Cache } from './cache';
import { HelloWeb } from './hello-web';

/**
 * The platform: two environments of the hello-web package and its cache.
 * `npm run synth` writes dist/dev/ and dist/prod/.
 */
export default new Platform({
  environments: {
    dev: {
      namespace: 'hello-dev',
      releases: {
        hello: { package: HelloWeb, values: { replicas: 1, host: 'hello.dev.example.com', greeting: 'Hello from dev' } },
        cache: { package: Cache, values: { clients: { 'app.kubernetes.io/instance': 'hello' } } },
      },
    },
    prod: {
      namespace: 'hello',
      releases: {
        hello: { package: HelloWeb, values: { replicas: 3, host: 'hello.example.com' } },
        cache: { package: Cache, values: { storageSize: '10Gi', password: { vaultPath: 'prod/hello/redis' }, clients: { 'app.kubernetes.io/instance': 'hello' } } },
      },
    },
  },
});
