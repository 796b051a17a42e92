import { Platform, release } from 'chartwright';
import { Web } from './web';

export default new Platform({
  environments: {
    dev: { namespace: '{{name}}-dev', releases: { web: release(Web, { values: { replicas: 1 } }) } },
    prod: { namespace: '{{name}}', releases: { web: release(Web, { values: { replicas: 3 } }) } },
  },
});
