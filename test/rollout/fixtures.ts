import { Construct } from 'constructs';
import { z } from 'zod';
import { KubeObject, NetworkPeer, NetworkPolicy, Package, PackageProps, Platform, RolloutWebService, renderEnvironment, rolloutValues } from '../../lib';

/** A package like hello-web: a web service whose rollout is a value. */
export const shopValues = z.object({
  replicas: z.number().int().min(1).default(4),
  tag: z.string().default('1.0.0'),
  ingress: z.boolean().default(true),
  tlsSecret: z.string().optional(),
  rollout: rolloutValues,
});

export class Shop extends Package<typeof shopValues> {
  static readonly metadata = { name: 'shop', version: '1.0.0', appVersion: '1.0.0' };
  static readonly values = shopValues;
  readonly web: RolloutWebService;
  constructor(scope: Construct, id: string, props: PackageProps<typeof shopValues> = {}) {
    super(scope, id, props);
    this.web = new RolloutWebService(this, 'web', {
      rollout: this.values.rollout,
      version: this.values.tag,
      replicas: this.values.replicas,
      containers: [{ image: `registry.example.com:5000/shop:${this.values.tag}`, ports: [{ name: 'http', port: 8080 }] }],
      ingress: this.values.ingress
        ? { hosts: ['shop.example.com'], className: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' }, tlsSecret: this.values.tlsSecret }
        : undefined,
    });
    new NetworkPolicy(this, 'web-in', { selector: this.web, ingress: [{ peers: [NetworkPeer.ingressController()], ports: [{ port: 'http' }] }] });
  }
}

/** Renders release `shop` of the Shop package with these values, as synth does. */
export function renderShop(values: Record<string, unknown>): KubeObject[] {
  const platform = new Platform({ environments: { prod: { namespace: 'shop', releases: { shop: { package: Shop, values } } } } });
  return renderEnvironment(platform, 'prod').releases[0].objects as KubeObject[];
}

/** The warnings of a render. */
export function shopWarnings(values: Record<string, unknown>): string[] {
  const platform = new Platform({ environments: { prod: { namespace: 'shop', releases: { shop: { package: Shop, values } } } } });
  return renderEnvironment(platform, 'prod').warnings.map((w) => `${w.path}: ${w.message}`);
}

/** `Kind/name` of every object. */
export const names = (objects: KubeObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
