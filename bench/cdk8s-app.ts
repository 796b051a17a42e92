/*
 * The reference for bench/typecheck.js: the project `chartwright init app`
 * makes (a web service — Deployment, Service, Ingress — released in two
 * environments) written as a minimal cdk8s app with cdk8s-plus-28.
 * Type-checked with the same tsconfig.json as the init project; not run.
 */
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

interface WebProps extends ChartProps {
  readonly replicas: number;
  readonly image: string;
  readonly host: string;
  readonly tlsSecret: string;
}

/** A web service behind an Ingress. */
export class Web extends Chart {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id, props);
    this.deployment = new kplus.Deployment(this, 'server', {
      replicas: props.replicas,
      containers: [
        {
          name: 'web',
          image: props.image,
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
    ingress.addHostRule(props.host, '/', kplus.IngressBackend.fromService(service));
    ingress.addTls([{ hosts: [props.host], secret: kplus.Secret.fromSecretName(this, 'tls', props.tlsSecret) }]);
  }
}

const web = { image: 'nginxinc/nginx-unprivileged:1.27.3-alpine', host: 'bench.example.com', tlsSecret: 'bench-tls' };
const app = new App();
new Web(app, 'dev', { ...web, namespace: 'bench-dev', replicas: 1 });
new Web(app, 'prod', { ...web, namespace: 'bench', replicas: 3 });
app.synth();
