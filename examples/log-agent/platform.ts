import { Platform, release } from '../../lib';
import { LogAgent } from '.';

/**
 * The log agent in dev, staging and prod, which differ only in values
 * (values.yaml, values.<env>.yaml in this folder). Its namespace is
 * `privileged` for Pod Security: the agent runs as root and mounts the
 * node's log folder and a host path for its read positions, which
 * `baseline` forbids.
 */
export default new Platform({
  environments: {
    base: { abstract: true, podSecurity: 'privileged', releases: { 'log-agent': release(LogAgent, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'logging-dev' },
    staging: { extends: 'base', namespace: 'logging-staging', profile: 'prod' },
    prod: { extends: 'base', namespace: 'logging', profile: 'prod' },
  },
});
