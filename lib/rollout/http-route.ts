import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkDnsLabel, checkInt, checkRequired, invalid, problem, checkPropNames } from '../construct/checks';
import { HOSTNAME } from '../kube/names';
import { Service } from '../networking/service';
import { Resource } from '../construct/resource';

/** The Gateway (and listener) a route attaches to. */
export interface GatewayRef {
  /** The Gateway's name. */
  readonly name: string;
  /** The Gateway's namespace. @default - the route's namespace */
  readonly namespace?: string;
  /** The listener. @default - every listener of the Gateway */
  readonly sectionName?: string;
}

/** A Service a rule sends requests to, with its share. */
export interface HttpRouteBackend {
  /** The Service the requests go to. */
  readonly service: Service;
  /** The Service port number. @default - the Service's first port */
  readonly port?: number;
  /** The share of the rule's requests, relative to the other backends' weights. @default 1 (the API's default) */
  readonly weight?: number;
}

/** Requests that match go to the backends. */
export interface HttpRouteRule {
  /** A path prefix. @default '/' */
  readonly path?: string;
  /** Headers that must have exactly these values. @default - any */
  readonly headers?: Record<string, string>;
  /** The Services the matched requests go to, split by `weight`. */
  readonly backends: HttpRouteBackend[];
}

export interface HttpRouteProps {
  /** The HTTPRoute's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Extra labels of the HTTPRoute. @default - the package's */
  readonly labels?: Record<string, string>;
  /** At least one Gateway. */
  readonly parents: GatewayRef[];
  /** The hosts the route matches. @default - every host the Gateway listens for */
  readonly hostnames?: string[];
  /** At least one rule. */
  readonly rules: HttpRouteRule[];
}

/**
 * A Gateway API HTTPRoute (`gateway.networking.k8s.io/v1`): requests for
 * some hosts, matched by path and headers, shared between Services by weight.
 */
export class HttpRoute extends Resource<ApiObject> {
  readonly name: string;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: HttpRouteProps) {
    super(scope, id);
    checkPropNames(this, HttpRoute, props, 'HttpRouteProps');
    this.name = props.name ?? resourceName(this);
    checkDnsLabel(this, 'name', this.name);
    checkRequired(this, 'parents', props.parents, 'name the Gateway to attach to, such as [{ name: "public", namespace: "gateway" }]');
    checkRequired(this, 'rules', props.rules, 'give at least one rule with backends');
    props.parents.forEach((p, i) => {
      checkRequired(this, `parents[${i}].name`, p.name, 'the name of the Gateway');
      if (p.namespace !== undefined) checkDnsLabel(this, `parents[${i}].namespace`, p.namespace);
    });
    (props.hostnames ?? []).forEach((h, i) => {
      if (!HOSTNAME.test(h)) throw invalid(this, `hostnames[${i}]`, h, 'a DNS name such as "app.example.com" or "*.example.com"');
    });
    const rules = props.rules.map((rule, i) => {
      const path = rule.path ?? '/';
      if (!path.startsWith('/')) throw invalid(this, `rules[${i}].path`, path, 'a path starting with "/"');
      if (!rule.backends?.length) throw problem(this, `rules[${i}].backends is required: give at least one Service`);
      const headers = Object.entries(rule.headers ?? {}).map(([name, value]) => ({ type: 'Exact', name, value }));
      return {
        matches: [{ path: { type: 'PathPrefix', value: path }, ...(headers.length ? { headers } : {}) }],
        backendRefs: rule.backends.map((b, j) => {
          checkInt(this, `rules[${i}].backends[${j}].weight`, b.weight, { min: 0, max: 1000000 });
          return { name: b.service.name, port: b.port ?? b.service.port().port, ...(b.weight !== undefined ? { weight: b.weight } : {}) };
        }),
      };
    });
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: this.name, labels: props.labels },
      spec: {
        parentRefs: props.parents.map((p) => ({ name: p.name, namespace: p.namespace, sectionName: p.sectionName })),
        hostnames: props.hostnames?.length ? props.hostnames : undefined,
        rules,
      },
    });
  }
}
