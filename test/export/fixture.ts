/* The project the Helm export tests export (test/export/helm.test.ts and test/cluster/export-helm.cluster.ts). */

/**
 * A package with a value-gated object, a hook and a test, a list value, a
 * value only a template of its own form can follow, and a sensitive value
 * (payment.token: named like a secret) that environment dev sets.
 */
export const SHOP = `
import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMap, Hook, Package, PackageProps, Secret, TestJob } from '{{lib}}';

const values = z.object({
  version: z.string().default('1.0.0').describe('The version to run.'),
  metrics: z.boolean().default(true).describe('Whether the metrics settings exist.'),
  port: z.number().int().default(8080).describe('The port.'),
  shout: z.string().default('hi').describe('Said loudly.'),
  origins: z.array(z.string()).default(['a.example.com']).describe('Allowed origins.'),
  payment: z.object({ token: z.string().min(1).default('none').describe('Token of the payment provider.') }).default({ token: 'none' }).describe('The payment provider.'),
});

export class Shop extends Package<typeof values> {
  static readonly metadata = { name: 'shop', version: '2.1.0', appVersion: '9.9', description: 'A shop.' };
  static readonly values = values;
  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    const v = this.values;
    const job = { containers: [{ image: 'registry.example.com/shop:' + v.version, command: ['migrate'] }] };
    new ConfigMap(this, 'settings', { data: { url: 'http://' + this.node.id + ':' + v.port, loud: v.shout.toUpperCase(), origins: v.origins.join(','), braces: '{{ not a template }}' } });
    if (v.metrics) new ConfigMap(this, 'metrics', { data: { enabled: 'yes' } });
    new Secret(this, 'payment', { stringData: { token: v.payment.token }, allowLiteralData: true });
    new Hook(this, 'migrate', { on: ['preInstall', 'preUpgrade'], job });
    new TestJob(this, 'smoke', { job });
  }
}
`;

export const MAIN = `
import { Platform } from '{{lib}}';
import { Shop } from './shop';
export default new Platform({ environments: {
  dev: { namespace: 'shop-dev', releases: { shop: { package: Shop, values: { payment: { token: 'tok-dev-s3cret' } } } } },
  prod: {
    namespace: 'shop',
    kubeVersion: '1.30',
    releases: { shop: { package: Shop, values: { metrics: false }, patches: [{ target: { kind: 'ConfigMap', name: 'shop-settings' }, merge: { data: { patched: 'yes' } } }] } },
  },
} });
`;

