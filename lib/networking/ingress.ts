import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { ConfigSource } from '../config/source';
import { resourceName } from '../construct/names';
import { Warnings } from '../construct/warnings';
import { checkDnsLabel, checkDnsSubdomain, checkOneOf, checkPort, checkPortName, invalid, problem } from '../construct/checks';
import { HOSTNAME } from '../kube/names';
import { Service } from './service';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

/** One path of an Ingress rule. */
export interface IngressPath {
  /** The URL path the rule matches. @default '/' */
  readonly path?: string;
  /** How `path` is matched: as a prefix of path segments, exactly, or as the controller decides. @default 'Prefix' */
  readonly pathType?: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  /** The backend Service. */
  readonly service: Service | { readonly name: string };
  /** The Service port, by name or number. @default - the Service's first port (required for a Service given by name) */
  readonly port?: string | number;
}

/** Traffic for one host (or every host). */
export interface IngressRule {
  /** A host name, or `*.example.com`. @default - every host */
  readonly host?: string;
  /** At least one. */
  readonly paths: IngressPath[];
}

/** TLS for some hosts, from a Secret of type kubernetes.io/tls. */
export interface IngressTls {
  /** The hosts the certificate covers. */
  readonly hosts: string[];
  /** The Secret holding `tls.crt` and `tls.key`, by name or object. */
  readonly secret: string | ConfigSource;
}

export interface IngressProps {
  /** The Ingress's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Extra labels. @default - the package's */
  readonly labels?: Record<string, string>;
  /** The IngressClass, such as `nginx`. @default - the cluster's default class */
  readonly className?: string;
  /** At least one rule. */
  readonly rules: IngressRule[];
  /** The hosts served over HTTPS, each with its certificate's Secret. @default - plain HTTP only */
  readonly tls?: IngressTls[];
  /** Controller settings, such as `nginx.ingress.kubernetes.io/proxy-body-size`. @default - none */
  readonly annotations?: Record<string, string>;
}

/** An Ingress: hosts and paths to Services, an IngressClass and TLS from Secrets. */
export class Ingress extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: IngressProps) {
    super(scope, id);
    this.name = props.name ?? resourceName(this);
    checkDnsLabel(this, 'name', this.name);
    if (!props.rules || props.rules.length === 0) throw problem(this, 'rules is required: give at least one, such as { host: "app.example.com", paths: [{ service }] }');
    if (props.className !== undefined) checkDnsLabel(this, 'className', props.className);
    const hosts = new Set<string>();
    const rules = props.rules.map((rule, i): k8s.IngressRule => {
      if (rule.host !== undefined) {
        if (!HOSTNAME.test(rule.host) || rule.host.length > 253) throw invalid(this, `rules[${i}].host`, rule.host, 'a lower-case DNS name such as "app.example.com" or "*.example.com", without a port');
        hosts.add(rule.host);
      }
      if (!rule.paths || rule.paths.length === 0) throw problem(this, `rules[${i}].paths is required: give at least one path`);
      return {
        host: rule.host,
        http: { paths: rule.paths.map((p, j) => this.renderPath(p, `rules[${i}].paths[${j}]`)) },
      };
    });
    const tls = props.tls?.map((t, i): k8s.IngressTls => {
      if (!t.hosts || t.hosts.length === 0) throw problem(this, `tls[${i}].hosts is required: name the hosts the certificate covers`);
      t.hosts.forEach((h, j) => {
        if (!HOSTNAME.test(h)) throw invalid(this, `tls[${i}].hosts[${j}]`, h, 'a DNS name such as "app.example.com"');
        if (!hosts.has(h)) Warnings.of(this).add(`tls[${i}].hosts[${j}] "${h}" is not the host of any rule: no traffic will use this certificate`);
      });
      if (typeof t.secret !== 'string' && t.secret.kind !== 'Secret') throw problem(this, `tls[${i}].secret must be a Secret, not a ${t.secret.kind}`);
      // the API server takes only a Secret's name here: a 300-character one would synthesize, then be refused
      const secretName = typeof t.secret === 'string' ? t.secret : t.secret.name;
      checkDnsSubdomain(this, `tls[${i}].secret`, secretName);
      return { hosts: t.hosts, secretName };
    });
    this.apiObject = kubeApiObject<k8s.KubeIngressProps>(this, 'Resource', k8s.KubeIngress.GVK, {
      metadata: { name: this.name, labels: props.labels, annotations: props.annotations },
      spec: { ingressClassName: props.className, rules, tls },
    });
  }

  private renderPath(p: IngressPath, field: string): k8s.HttpIngressPath {
    const path = p.path ?? '/';
    if (!path.startsWith('/')) throw invalid(this, `${field}.path`, path, 'a path starting with "/"');
    checkOneOf(this, `${field}.pathType`, p.pathType, ['Prefix', 'Exact', 'ImplementationSpecific']);
    let port: k8s.ServiceBackendPort;
    if (p.service instanceof Service) {
      const sp = p.service.findPort(p.port);
      if (!sp) {
        const ports = p.service.ports.map((x) => x.name ?? x.port).join(', ');
        if (!ports) throw problem(this, `${field}: Service "${p.service.name}" has no ports to send traffic to`);
        throw invalid(this, `${field}.port`, p.port, `a port of Service "${p.service.name}": ${ports}`);
      }
      port = sp.name ? { name: sp.name } : { number: sp.port };
    } else if (p.port === undefined) {
      throw problem(this, `${field}.port is required for a Service given by name ("${p.service.name}"): set the port name or number`);
    } else if (typeof p.port === 'number') {
      checkPort(this, `${field}.port`, p.port);
      port = { number: p.port };
    } else {
      // anything but a number or a port name (an object from values, say) would render as `port: {}`
      if (typeof p.port !== 'string') throw invalid(this, `${field}.port`, p.port, 'a port number (1 to 65535) or a port name');
      checkPortName(this, `${field}.port`, p.port);
      port = { name: p.port };
    }
    return { path, pathType: p.pathType ?? 'Prefix', backend: { service: { name: p.service.name, port } } };
  }
}
