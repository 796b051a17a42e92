import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConfigMap, Package, PackageProps, Platform, Secret, Volume, WebService } from '../lib';

/**
 * The benchmark's fleet: N web services, each a ConfigMap, a Deployment, a
 * Service and an Ingress (TLS from an existing Secret). chartwright builds
 * them with its WebService and ConfigMap in one release; plain cdk8s builds
 * the same objects with cdk8s-plus-28 in one chart. Both write one file of
 * 4N objects. The fleet is clean: chartwright's validation finds nothing in
 * it at the prod profile, as in a healthy platform.
 */
function plusWebService(scope: Construct, index: number): void {
  const config = new kplus.ConfigMap(scope, 'config', {
    data: { 'app.properties': `service.index=${index}\nservice.greeting=hello\n` },
  });
  const deployment = new kplus.Deployment(scope, 'server', { replicas: 1 });
  const container = deployment.addContainer({
    name: 'app',
    image: `registry.example.com/team/service-${index}:1.4.2`,
    portNumber: 8080,
    resources: {
      cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
      memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
    },
  });
  container.mount('/etc/app', kplus.Volume.fromConfigMap(scope, 'config-volume', config));
  const service = deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  new kplus.Ingress(scope, 'ingress', {
    rules: [{ host: `service-${index}.example.com`, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(service) }],
    tls: [{ hosts: [`service-${index}.example.com`], secret: kplus.Secret.fromSecretName(scope, 'tls', `service-${index}-tls`) }],
  });
}

function chartwrightWebService(scope: Construct, index: number): void {
  const config = new ConfigMap(scope, 'config', {
    data: { 'app.properties': `service.index=${index}\nservice.greeting=hello\n` },
  });
  new WebService(scope, 'server', {
    replicas: 1,
    containers: [
      {
        name: 'app',
        image: `registry.example.com/team/service-${index}:1.4.2`,
        ports: [{ name: 'http', port: 8080 }],
        resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '64Mi', limit: '256Mi' } },
        mounts: [{ volume: Volume.fromSource('config', config), path: '/etc/app' }],
      },
    ],
    ingress: { hosts: [`service-${index}.example.com`], tlsSecret: Secret.fromName(`service-${index}-tls`) },
  });
}

function fleet(scope: Construct, services: number, webService: (scope: Construct, index: number) => void): void {
  for (let i = 0; i < services; i++) webService(new Construct(scope, `service-${i}`), i);
}

export class BenchFleet extends Package<{ services: number }> {
  static readonly metadata = { name: 'bench-fleet', version: '1.0.0', appVersion: '1.4.2' };
  constructor(scope: Construct, id: string, props: PackageProps<{ services: number }> = {}) {
    super(scope, id, props);
    fleet(this, this.values.services, chartwrightWebService);
  }
}

/**
 * A platform with one environment and one release of `n` web services; with
 * `environments` > 1, that many environments (`env-0`, `env-1`…, namespaces
 * `fleet-0`…), each the same release of `n` services.
 */
export function fleetPlatform(n: number, environments = 1): Platform {
  if (environments <= 1) {
    return new Platform({ environments: { bench: { namespace: 'fleet', releases: { fleet: { package: BenchFleet, values: { services: n } } } } } });
  }
  const envs = Object.fromEntries(
    Array.from({ length: environments }, (_, i) => [`env-${i}`, { namespace: `fleet-${i}`, releases: { fleet: { package: BenchFleet, values: { services: n } } } }]),
  );
  return new Platform({ environments: envs });
}

/** The same fleet in plain cdk8s: one chart, written by App.synth(). */
export function plainCdk8sSynth(n: number, outdir: string): number {
  const app = new App({ outdir });
  fleet(new Chart(app, 'fleet', { namespace: 'fleet', disableResourceNameHashes: true }), n, plusWebService);
  app.synth();
  return n * 4;
}
