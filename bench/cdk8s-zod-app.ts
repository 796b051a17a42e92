/*
 * A second reference for bench/typecheck.js: bench/cdk8s-app.ts with the
 * values the `chartwright init app` project declares — the same zod schema,
 * parsed per environment and typed by it — so that the type check of a cdk8s
 * app that validates its values the way a chartwright package does can be
 * set beside the init app's. Type-checked with the same tsconfig.json; not run.
 */
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { z } from 'zod';

export const webValues = z.object({
  replicas: z.number().int().min(1).default(2).describe('Pods to run.'),
  image: z.string().min(1).default('nginxinc/nginx-unprivileged:1.27.3-alpine').describe('Container image, pinned.'),
  host: z.string().default('bench.example.com').describe('Host name the Ingress answers for.'),
  tlsSecret: z.string().default('bench-tls').describe('An existing kubernetes.io/tls Secret for the host (made by cert-manager, say).'),
});

interface WebProps extends ChartProps {
  readonly values: z.input<typeof webValues>;
}

/** A web service behind an Ingress. */
export class Web extends Chart {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id, props);
    const values = webValues.parse(props.values);
    this.deployment = new kplus.Deployment(this, 'server', {
      replicas: values.replicas,
      containers: [
        {
          name: 'web',
          image: values.image,
          ports: [{ name: 'http', number: 8080 }],
          resources: {
            cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(250) },
            memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
          },
        },
      ],
    });
    const service = this.deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
    const ingress = new kplus.Ingress(this, 'ingress');
    ingress.addHostRule(values.host, '/', kplus.IngressBackend.fromService(service));
    ingress.addTls([{ hosts: [values.host], secret: kplus.Secret.fromSecretName(this, 'tls', values.tlsSecret) }]);
  }
}

const app = new App();
new Web(app, 'dev', { namespace: 'bench-dev', values: { replicas: 1 } });
new Web(app, 'prod', { namespace: 'bench', values: { replicas: 3 } });
app.synth();
