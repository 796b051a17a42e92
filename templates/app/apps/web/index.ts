import { Construct } from 'constructs';
import { Package, PackageProps, Secret, WebService } from 'chartwright';
import { z } from 'zod';

export const webValues = z.object({
  replicas: z.number().int().min(1).default(2).describe('Pods to run.'),
  image: z.string().min(1).default('nginxinc/nginx-unprivileged:1.27.3-alpine').describe('Container image, pinned.'),
  host: z.string().default('{{name}}.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: z.string().default('{{name}}-tls').describe('An existing kubernetes.io/tls Secret for the host (made by cert-manager, say).'),
});

/** A web service behind an Ingress. */
export class Web extends Package<typeof webValues> {
  static readonly metadata = { name: 'web', version: '0.1.0', appVersion: '1.27.3' };
  static readonly values = webValues;

  readonly service: WebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof webValues> = {}) {
    super(scope, id, props);
    this.service = new WebService(this, 'server', {
      replicas: this.values.replicas,
      containers: [
        {
          name: 'web',
          image: this.values.image,
          ports: [{ name: 'http', port: 8080 }],
          resources: { cpu: { request: '50m', limit: '250m' }, memory: { request: '64Mi', limit: '128Mi' } },
        },
      ],
      ingress: { hosts: [this.values.host], tlsSecret: Secret.fromName(this.values.tlsSecret) },
    });
  }
}
