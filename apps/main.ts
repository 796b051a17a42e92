import { Platform, release } from '../lib';
import { HelloWeb } from './hello-web';

/**
 * The platform: the hello-web package in two environments. `npm run synth`
 * writes dist/dev/ and dist/prod/. Values come from apps/hello-web/values.yaml
 * and values.<env>.yaml, then from what each environment sets here.
 */
export default new Platform({
  environments: {
    dev: {
      namespace: 'hello-dev',
      releases: {
        hello: release(HelloWeb, { valuesDir: 'hello-web', values: { greeting: 'Hello from dev' } }),
      },
    },
    prod: {
      namespace: 'hello',
      releases: {
        hello: release(HelloWeb, { valuesDir: 'hello-web' }),
      },
    },
  },
});
