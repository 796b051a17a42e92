import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { z } from 'zod';
import { Package, PackageProps } from '../../lib';

export const dbValues = z.object({
  enabled: z.boolean().optional(),
  storage: z.string().regex(/^\d+(Gi|Mi)$/).default('1Gi').describe('Volume size.'),
  resources: z
    .object({ limits: z.object({ cpu: z.string().optional(), memory: z.string().optional() }) })
    .default({ limits: { cpu: '500m', memory: '1Gi' } })
    .describe('Container resources.'),
  global: z.object({ imageRegistry: z.string().optional() }).optional(),
});

export class Db extends Package<typeof dbValues> {
  static readonly metadata = { name: 'db', version: '1.0.0' };
  static readonly values = dbValues;
  constructor(scope: Construct, id: string, props: PackageProps<typeof dbValues> = {}) {
    super(scope, id, props);
    new ApiObject(this, 'store', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      spec: { storage: this.values.storage, resources: this.values.resources, registry: this.global.imageRegistry ?? 'docker.io' },
    });
  }
}

export const shopValues = z.object({
  replicas: z.number().int().min(1).max(20).default(2).describe('Pods to run.'),
  image: z.object({ repository: z.string().default('shop'), tag: z.string().describe('Image tag.') }).describe('The image.'),
  mode: z.enum(['live', 'maintenance']).default('live'),
  ports: z.array(z.number().int().min(1).max(65535)).default([8080]),
  annotations: z.record(z.string(), z.string()).default({ team: 'shop' }),
  replicaDb: z.boolean().default(false).describe('Run a second database.'),
});

export class Shop extends Package<typeof shopValues> {
  static readonly metadata = { name: 'shop', version: '2.1.0', appVersion: '5.0.0' };
  static readonly values = shopValues;
  static readonly dependencies = {
    db: { package: Db, condition: 'db.enabled' },
    replica: { package: Db, condition: 'replicaDb', values: { storage: '2Gi' } },
  };
  constructor(scope: Construct, id: string, props: PackageProps<typeof shopValues> = {}) {
    super(scope, id, props);
    new ApiObject(this, 'app', { apiVersion: 'v1', kind: 'ConfigMap', data: { values: JSON.stringify(this.values) } });
  }
}
