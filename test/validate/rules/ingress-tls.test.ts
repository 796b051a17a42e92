import { ingressTls as rule } from '../../../lib/validate/rules/ingress-tls';
import { findingsOf, pinned } from '../../support/rules';

test('ingress-tls: an Ingress without tls', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'ingress-tls', path: 'spec.tls', message: 'the Ingress serves plain HTTP only' },
  ]);
});

test('ingress-tls: a tls entry passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
