import { Platform, release } from '../../lib';
import { Podinfo } from '.';

/**
 * podinfo in dev, staging and prod, which differ only in values
 * (values.yaml, values.<env>.yaml in this folder). The ServiceMonitor's
 * CustomResourceDefinition (crds/servicemonitors.yaml, the Prometheus
 * Operator's) is the cluster's, installed before the releases.
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { podinfo: release(Podinfo, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'podinfo-dev' },
    staging: { extends: 'base', namespace: 'podinfo-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'podinfo', profile: 'prod' },
  },
});
