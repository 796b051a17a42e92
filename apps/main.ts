import { Platform } from '../lib';
import { HelloWeb } from './hello-web';

/**
 * The platform: two environments of the hello-web package. `npm run synth`
 * writes dist/dev/ and dist/prod/.
 */
export default new Platform({
  environments: {
    dev: {
      namespace: 'hello-dev',
      releases: {
        hello: { package: HelloWeb, values: { replicas: 1, host: 'hello.dev.example.com', greeting: 'Hello from dev' } },
      },
    },
    prod: {
      namespace: 'hello',
      profile: 'prod', // best-practice findings fail the synth
      releases: {
        hello: { package: HelloWeb, values: { replicas: 3, host: 'hello.example.com' } },
      },
    },
  },
});
