import { Platform, release } from '../../lib';
import { WordPress } from '.';

/**
 * WordPress with its MySQL in dev, staging and prod, which differ only in
 * values (values.yaml, values.<env>.yaml in this folder). The Secret
 * `wordpress-db` (keys `password`, `root-password`) and the TLS Secret are
 * made outside the repo.
 */
export default new Platform({
  environments: {
    base: { abstract: true, releases: { blog: release(WordPress, { valuesDir: '.' }) } },
    dev: { extends: 'base', namespace: 'blog-dev' },
    staging: { extends: 'base', namespace: 'blog-staging', profile: 'prod' },
    // the uploads volume is ReadWriteMany, made by the storage team
    prod: { extends: 'base', namespace: 'blog', profile: 'prod', external: ['PersistentVolumeClaim/blog-uploads'] },
  },
});
