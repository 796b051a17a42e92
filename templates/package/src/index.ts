import { Construct } from 'constructs';
import { Package, PackageProps, WebService } from 'chartwright';
import { z } from 'zod';

/** The values of {{name}}: all a consumer of the package needs to learn. */
export const values = z.object({
  replicas: z.number().int().min(1).default(1).describe('Pods to run.'),
  image: z.string().min(1).default('nginxinc/nginx-unprivileged:1.27.3-alpine').describe('Container image, pinned.'),
  resources: z
    .object({
      cpu: z.object({ request: z.string().default('50m'), limit: z.string().default('250m') }).default({ request: '50m', limit: '250m' }),
      memory: z.object({ request: z.string().default('64Mi'), limit: z.string().default('128Mi') }).default({ request: '64Mi', limit: '128Mi' }),
    })
    .default({ cpu: { request: '50m', limit: '250m' }, memory: { request: '64Mi', limit: '128Mi' } })
    .describe('Requests and limits of the container.'),
});

/** {{name}}: a web service (Deployment and Service) with the secure defaults of chartwright. */
export class Main extends Package<typeof values> {
  static readonly metadata = { name: '{{name}}', version: '0.1.0', description: 'A web service.' };
  static readonly values = values;

  readonly web: WebService;

  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    this.web = new WebService(this, 'server', {
      replicas: this.values.replicas,
      containers: [
        {
          name: 'main',
          image: this.values.image,
          ports: [{ name: 'http', port: 8080 }],
          resources: this.values.resources,
        },
      ],
    });
  }
}
