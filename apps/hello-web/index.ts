import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { ApiObject, JsonPatch, Size } from 'cdk8s';
import { Package, PackageProps } from '../../lib';

/** Values of the hello-web package. */
export interface HelloWebValues {
  /** Pods to run. @default 2 */
  readonly replicas?: number;
  /** The nginx image. @default 'nginxinc/nginx-unprivileged:1.27.3-alpine' */
  readonly image?: string;
  /** The host name the Ingress answers for. @default 'hello.example.com' */
  readonly host?: string;
  /** The greeting on the page. @default 'Hello from chartwright' */
  readonly greeting?: string;
  /**
   * The Secret holding the Ingress's TLS certificate, made outside the
   * package (by cert-manager, say). @default '<release>-tls'
   */
  readonly tlsSecret?: string;
}

/**
 * hello-web: a static page served by unprivileged nginx, with its page and
 * server configuration in a ConfigMap, a ClusterIP Service and a TLS Ingress.
 * With more than one replica, pods spread over nodes and a
 * PodDisruptionBudget keeps all but one running through a node drain.
 */
export class HelloWeb extends Package<HelloWebValues> {
  static readonly metadata = {
    name: 'hello-web',
    version: '1.0.0',
    appVersion: '1.27.3',
    description: 'A static page served by unprivileged nginx behind a Service and an Ingress.',
  };

  readonly config: kplus.ConfigMap;
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;
  readonly ingress: kplus.Ingress;
  /** Only with more than one replica. */
  readonly disruptionBudget?: kplus.k8s.KubePodDisruptionBudget;

  constructor(scope: Construct, id: string, props: PackageProps<HelloWebValues> = {}) {
    super(scope, id, props);
    const values = this.values;
    const greeting = values.greeting ?? 'Hello from chartwright';

    this.config = new kplus.ConfigMap(this, 'content', {
      data: {
        'index.html': `<!doctype html>\n<title>${greeting}</title>\n<h1>${greeting}</h1>\n`,
        'default.conf': [
          'server {',
          '    listen 8080;',
          '    location / {',
          '        root /usr/share/nginx/html;',
          '    }',
          '    location = /healthz {',
          '        access_log off;',
          '        return 200 "ok\\n";',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
    });

    const replicas = values.replicas ?? 2;
    this.deployment = new kplus.Deployment(this, 'server', {
      replicas,
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: 101, group: 101 },
    });
    const container = this.deployment.addContainer({
      name: 'nginx',
      image: values.image ?? 'nginxinc/nginx-unprivileged:1.27.3-alpine',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT, // the tag is pinned
      portNumber: 8080,
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(200) },
        memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) },
      },
      readiness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
      liveness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
      securityContext: {
        ensureNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        user: 101,
        group: 101,
        capabilities: { drop: [kplus.Capability.ALL] },
        seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      },
    });
    const content = kplus.Volume.fromConfigMap(this, 'content-volume', this.config, {
      name: 'content',
      items: { 'index.html': { path: 'index.html' } },
    });
    container.mount('/usr/share/nginx/html', content, { readOnly: true });
    container.mount('/etc/nginx/conf.d', kplus.Volume.fromConfigMap(this, 'conf-volume', this.config, {
      name: 'conf',
      items: { 'default.conf': { path: 'default.conf' } },
    }), { readOnly: true });
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'tmp', 'tmp'));

    this.service = this.deployment.exposeViaService({ name: `${this.releaseName}`, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    const host = values.host ?? 'hello.example.com';
    this.ingress = new kplus.Ingress(this, 'ingress', {
      rules: [{ host, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(this.service) }],
      tls: [{ hosts: [host], secret: kplus.Secret.fromSecretName(this, 'tls', values.tlsSecret ?? `${this.releaseName}-tls`) }],
    });

    if (replicas > 1) {
      // one pod per node where the nodes allow, and at most one down at a time
      ApiObject.of(this.deployment).addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', [{
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: this.deployment.matchLabels },
      }]));
      this.disruptionBudget = new kplus.k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
        spec: {
          maxUnavailable: kplus.k8s.IntOrString.fromNumber(1),
          selector: { matchLabels: this.deployment.matchLabels },
        },
      });
    }
  }
}
