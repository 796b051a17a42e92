import { Construct } from 'constructs';
import { Package, PackageProps, Worker } from 'chartwright';
import { z } from 'zod';

/** The values of {{name}}: what a consumer of the package sets. */
export const values = z.object({
  replicas: z.number().int().min(1).default(1).describe('Pods to run.'),
  image: z.string().min(1).default('busybox:1.36').describe('Container image, pinned.'),
  message: z.string().default('hello').describe('What the worker prints.'),
});

/** {{name}}: a worker that prints a message. */
export class Main extends Package<typeof values> {
  static readonly metadata = { name: '{{name}}', version: '0.1.0', description: 'A worker that prints a message.' };
  static readonly values = values;

  readonly worker: Worker;

  constructor(scope: Construct, id: string, props: PackageProps<typeof values> = {}) {
    super(scope, id, props);
    this.worker = new Worker(this, 'worker', {
      replicas: this.values.replicas,
      containers: [
        {
          name: 'main',
          image: this.values.image,
          command: ['sh', '-c', `while true; do echo "${this.values.message}"; sleep 60; done`],
          resources: { cpu: { request: '10m', limit: '100m' }, memory: { request: '16Mi', limit: '32Mi' } },
          liveness: false,
        },
      ],
    });
  }
}
