import { asArray, isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule } from './rule';

const id = 'ingress-tls';

export const ingressTls: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'Ingresses serve TLS for their hosts',
  why:
    'An Ingress without `tls` serves its hosts over plain HTTP: cookies, tokens and form data cross the network readable by anyone on the path, and browsers mark the site as not secure. ' +
    'A `tls` entry names the hosts and the Secret with their certificate (which cert-manager can issue).',
  fix: 'add `spec.tls` with the hosts and a certificate Secret',
  example: {
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
    passes: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
  },
  checkObject({ obj, report }) {
    if (obj.kind === 'Ingress' && isRecord(obj.spec) && asArray(obj.spec.tls).length === 0) {
      report(id, ['spec', 'tls'], 'the Ingress serves plain HTTP only');
    }
  },
};
