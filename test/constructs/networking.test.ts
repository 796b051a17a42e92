import { ConfigMap, Ingress, IngressProps, NetworkPeer, NetworkPolicy, NetworkPolicyProps, Package, Secret, Service, ServiceProps, WebService } from '../../lib';
import { WEB, find, render, userError, warnings } from '../support/render';

const DNS_LABEL = "a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
const PORT_NAME = 'a port name: at most 15 lower-case letters, digits and \'-\', with at least one letter, such as "http"';
const LABEL_KEY = "a label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const LABEL_VALUE = "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, or empty";

describe('Ingress', () => {
  const rules = [{ host: 'a.example.com', paths: [{ service: { name: 's' }, port: 80 }] }];

  test('a TLS host that no rule serves records a warning; hosts that rules serve do not', () => {
    expect(
      warnings((p) => new Ingress(p, 'ing', { rules, tls: [{ hosts: ['a.example.com', 'b.example.com'], secret: 'cert' }, { hosts: ['c.example.com'], secret: 'other' }] })),
    ).toEqual([
      'shop/ing: tls[0].hosts[1] "b.example.com" is not the host of any rule: no traffic will use this certificate',
      'shop/ing: tls[1].hosts[0] "c.example.com" is not the host of any rule: no traffic will use this certificate',
    ]);
    expect(warnings((p) => new Ingress(p, 'ing', { rules, tls: [{ hosts: ['a.example.com'], secret: 'cert' }] }))).toEqual([]);
    const wildcard = [{ host: '*.example.com', paths: [{ service: { name: 's' }, port: 80 }] }];
    expect(warnings((p) => new Ingress(p, 'ing', { rules: wildcard, tls: [{ hosts: ['*.example.com'], secret: 'cert' }] }))).toEqual([]);
  });

  test('a web service with TLS covers each of its hosts, so it records no warning', () => {
    const build = (p: Package) => new WebService(p, 'web', { containers: [WEB], ingress: { hosts: ['a.example.com', 'b.example.com'], tlsSecret: 'shop-tls' } });
    expect(warnings(build)).toEqual([]);
    expect(find(render(build), 'Ingress').spec.tls).toEqual([{ hosts: ['a.example.com', 'b.example.com'], secretName: 'shop-tls' }]);
  });

  test('labels, annotations and a Service backend by number', () => {
    const objects = render((p) => {
      const svc = new Service(p, 'svc', { ports: [{ port: 8080 }] });
      new Ingress(p, 'ing', { labels: { tier: 'edge' }, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' }, rules: [{ paths: [{ service: svc }] }] });
    });
    const ing = find(objects, 'Ingress');
    expect(ing.metadata.labels.tier).toBe('edge');
    expect(ing.metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' });
    expect(ing.spec).toEqual({ rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-svc', port: { number: 8080 } } } }] } }] });
  });

  const ingress = (props: Partial<IngressProps>) => () => render((p) => new Ingress(p, 'ing', { rules, ...props }));
  test.each<[string, () => unknown, string]>([
    ['name', ingress({ name: 'Edge_1' }), `shop/ing: name "Edge_1" is not valid: expected ${DNS_LABEL}`],
    ['className', ingress({ className: 'Nginx' }), `shop/ing: className "Nginx" is not valid: expected ${DNS_LABEL}`],
    ['host', ingress({ rules: [{ host: 'A.example.com:80', paths: [{ service: { name: 's' }, port: 80 }] }] }), 'shop/ing: rules[0].host "A.example.com:80" is not valid: expected a lower-case DNS name such as "app.example.com" or "*.example.com", without a port'],
    ['no paths', ingress({ rules: [{ host: 'a.example.com', paths: [] }] }), 'shop/ing: rules[0].paths is required: give at least one path'],
    ['pathType', ingress({ rules: [{ paths: [{ pathType: 'prefix' as any, service: { name: 's' }, port: 80 }] }] }), 'shop/ing: rules[0].paths[0].pathType "prefix" is not valid: expected one of Prefix, Exact, ImplementationSpecific (did you mean "Prefix"?)'],
    ['no rules', ingress({ rules: [] }), 'shop/ing: rules is required: give at least one, such as { host: "app.example.com", paths: [{ service }] }'],
    ['TLS without hosts', ingress({ tls: [{ hosts: [], secret: 'cert' }] }), 'shop/ing: tls[0].hosts is required: name the hosts the certificate covers'],
    ['TLS host', ingress({ tls: [{ hosts: ['a.example.com', 'B.example.com'], secret: 'cert' }] }), 'shop/ing: tls[0].hosts[1] "B.example.com" is not valid: expected a DNS name such as "app.example.com"'],
    ['TLS from a ConfigMap', ingress({ tls: [{ hosts: ['a.example.com'], secret: ConfigMap.fromName('certs') }] }), 'shop/ing: tls[0].secret must be a Secret, not a ConfigMap'],
    ['web service without hosts', () => render((p) => new WebService(p, 'web', { containers: [WEB], ingress: { hosts: [] } })), 'shop/web: ingress.hosts is required: name at least one host'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });

  test('a TLS Secret made here is accepted by object', () => {
    const objects = render((p) => {
      const cert = Secret.tls(p, 'cert', { cert: 'C', key: 'K', allowLiteralData: true });
      new Ingress(p, 'ing', { rules, tls: [{ hosts: ['a.example.com'], secret: cert }] });
    });
    expect(find(objects, 'Ingress').spec.tls).toEqual([{ hosts: ['a.example.com'], secretName: 'shop-cert' }]);
  });
});

describe('Service', () => {
  test('session affinity, publishNotReadyAddresses, annotations, appProtocol and protocol', () => {
    const svc = find(
      render((p) =>
        new Service(p, 'svc', {
          selector: { app: 'a' },
          sessionAffinity: 'ClientIP',
          publishNotReadyAddresses: true,
          annotations: { 'example.com/x': 'y' },
          ports: [{ port: 53, protocol: 'UDP' }],
        }),
      ),
      'Service',
    );
    expect(svc.metadata.annotations).toEqual({ 'example.com/x': 'y' });
    expect(svc.spec).toEqual({ type: 'ClusterIP', selector: { app: 'a' }, sessionAffinity: 'ClientIP', publishNotReadyAddresses: true, ports: [{ port: 53, protocol: 'UDP' }] });
    const grpc = find(render((p) => new Service(p, 'svc', { ports: [{ port: 9000, appProtocol: 'kubernetes.io/h2c' }] })), 'Service');
    expect(grpc.spec.ports).toEqual([{ port: 9000, appProtocol: 'kubernetes.io/h2c' }]);
  });

  const service = (props: ServiceProps) => () => render((p) => new Service(p, 'svc', props));
  const ports = [{ port: 80 }];
  test.each<[string, () => unknown, string]>([
    ['name', service({ name: 'Svc', ports }), `shop/svc: name "Svc" is not valid: expected ${DNS_LABEL}`],
    ['selector key', service({ ports, selector: { 'bad key': 'x' } }), `shop/svc: selector key "bad key" is not valid: expected ${LABEL_KEY}`],
    ['label value', service({ ports, labels: { app: 'a b' } }), `shop/svc: labels["app"] "a b" is not valid: expected ${LABEL_VALUE}`],
    ['sessionAffinity', service({ ports, sessionAffinity: 'Client' as any }), 'shop/svc: sessionAffinity "Client" is not valid: expected one of None, ClientIP (did you mean "ClientIP"?)'],
    ['externalTrafficPolicy', service({ type: 'NodePort', ports, externalTrafficPolicy: 'local' as any }), 'shop/svc: externalTrafficPolicy "local" is not valid: expected one of Cluster, Local (did you mean "Local"?)'],
    ['externalTrafficPolicy on ClusterIP', service({ ports, externalTrafficPolicy: 'Local' }), 'shop/svc: externalTrafficPolicy applies to NodePort and LoadBalancer Services, not ClusterIP'],
    ['ExternalName with a selector', service({ type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'a' } }), 'shop/svc: an ExternalName Service takes no selector: remove selector'],
    ['externalName not a DNS name', service({ type: 'ExternalName', externalName: 'DB.example.com' }), "shop/svc: externalName \"DB.example.com\" is not valid: expected a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters"],
    ['externalName on ClusterIP', service({ ports, externalName: 'db.example.com' }), "shop/svc: externalName is only for type ExternalName, and this Service is ClusterIP: remove externalName or set type: 'ExternalName'"],
    ['loadBalancerSourceRanges on NodePort', service({ type: 'NodePort', ports, loadBalancerSourceRanges: ['10.0.0.0/8'] }), 'shop/svc: loadBalancerSourceRanges applies to LoadBalancer Services, not NodePort'],
    ['loadBalancerSourceRanges CIDR', service({ type: 'LoadBalancer', ports, loadBalancerSourceRanges: ['10.0.0.0/8', '10.1.0.0'] }), 'shop/svc: loadBalancerSourceRanges[1] "10.1.0.0" is not valid: expected a CIDR such as "10.0.0.0/8"'],
    ['port name twice', service({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }), 'shop/svc: ports[1]: the port name "http" is used twice'],
    ['port name', service({ ports: [{ name: 'HTTP', port: 80 }] }), `shop/svc: ports[0].name "HTTP" is not valid: expected ${PORT_NAME}`],
    ['protocol', service({ ports: [{ port: 80, protocol: 'HTTP' as any }] }), 'shop/svc: ports[0].protocol "HTTP" is not valid: expected one of TCP, UDP, SCTP'],
    ['targetPort number', service({ ports: [{ port: 80, targetPort: 0 }] }), 'shop/svc: ports[0].targetPort 0 is not valid: expected a whole number from 1 to 65535'],
    ['targetPort name', service({ ports: [{ port: 80, targetPort: 'web_port' }] }), `shop/svc: ports[0].targetPort "web_port" is not valid: expected ${PORT_NAME}`],
    ['nodePort on LoadBalancer out of range', service({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 40000 }] }), 'shop/svc: ports[0].nodePort 40000 is not valid: expected a whole number from 30000 to 32767'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });

  test('an Ingress backend on a port the Service does not have is an error', () => {
    const build = (port: string | number | undefined, ports = [{ name: 'http', port: 80 }]) => () =>
      render((p) => {
        const svc = new Service(p, 'svc', { ports, headless: ports.length === 0, selector: { app: 'a' } });
        new Ingress(p, 'ing', { rules: [{ paths: [{ service: svc, port }] }] });
      });
    expect(userError(build('grpc'))).toBe('shop/ing: rules[0].paths[0].port "grpc" is not valid: expected a port of Service "shop-svc": http');
    expect(userError(build(undefined, []))).toBe('shop/ing: rules[0].paths[0]: Service "shop-svc" has no ports to send traffic to');
    expect(find(build(80)(), 'Ingress').spec.rules[0].http.paths[0].backend.service.port).toEqual({ name: 'http' });
  });
});

describe('NetworkPolicy', () => {
  test('peers by namespace labels, IP blocks with exceptions, and port ranges', () => {
    const np = find(
      render((p) =>
        new NetworkPolicy(p, 'np', {
          selector: { app: 'db' },
          egress: [{ peers: [NetworkPeer.namespaces({ team: 'data' }), NetworkPeer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])], ports: [{ port: 32000, endPort: 32768, protocol: 'UDP' }] }],
        }),
      ),
      'NetworkPolicy',
    );
    expect(np.spec).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { team: 'data' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
        ports: [{ port: 32000, endPort: 32768, protocol: 'UDP' }],
      }],
    });
  });

  test('default deny of ingress only, or of egress without DNS', () => {
    const objects = render((p) => {
      NetworkPolicy.defaultDeny(p, 'in', { egress: false });
      NetworkPolicy.defaultDeny(p, 'all', { allowDns: false });
    });
    expect(find(objects, 'NetworkPolicy', 'shop-in').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
    expect(find(objects, 'NetworkPolicy', 'shop-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });

  const policy = (props: NetworkPolicyProps) => () => render((p) => new NetworkPolicy(p, 'np', props));
  test.each<[string, () => unknown, string]>([
    ['neither ingress nor egress', policy({ selector: { app: 'a' } }), 'shop/np: set ingress or egress (an empty list denies all): a policy with neither does nothing'],
    ['selector', policy({ selector: { 'bad key': 'a' }, ingress: [] }), `shop/np: selector key "bad key" is not valid: expected ${LABEL_KEY}`],
    ['peer labels', policy({ ingress: [{ peers: [NetworkPeer.pods({ app: 'a b' })] }] }), `shop/np: ingress[0].peers[0]["app"] "a b" is not valid: expected ${LABEL_VALUE}`],
    ['IP block exception', policy({ egress: [{ peers: [NetworkPeer.ipBlock('10.0.0.0/8', ['10.1.0.0'])] }] }), 'shop/np: egress[0].peers[0] "10.1.0.0" is not valid: expected a CIDR such as "10.0.0.0/8"'],
    ['port number', policy({ ingress: [{ ports: [{ port: 0 }] }] }), 'shop/np: ingress[0].ports[0].port 0 is not valid: expected a whole number from 1 to 65535'],
    ['port name', policy({ egress: [{ ports: [{ port: 'HTTP' }] }] }), `shop/np: egress[0].ports[0].port "HTTP" is not valid: expected ${PORT_NAME}`],
    ['protocol', policy({ ingress: [{ ports: [{ port: 80, protocol: 'ICMP' as any }] }] }), 'shop/np: ingress[0].ports[0].protocol "ICMP" is not valid: expected one of TCP, UDP, SCTP'],
    ['endPort out of range', policy({ ingress: [{ ports: [{ port: 80, endPort: 70000 }] }] }), 'shop/np: ingress[0].ports[0].endPort 70000 is not valid: expected a whole number from 1 to 65535'],
    ['endPort below port', policy({ ingress: [{ ports: [{ port: 8000, endPort: 7000 }] }] }), 'shop/np: ingress[0].ports[0].endPort needs a numeric port no greater than it'],
    ['endPort with a named port', policy({ ingress: [{ ports: [{ port: 'http', endPort: 9000 }] }] }), 'shop/np: ingress[0].ports[0].endPort needs a numeric port no greater than it'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});
