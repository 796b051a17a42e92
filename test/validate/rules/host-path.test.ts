import { hostPath as rule } from '../../../lib/validate/rules/host-path';
import { findingsOf, pinned } from '../../support/rules';

test('host-path: a hostPath volume, named', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'host-path', path: 'spec.volumes[0].hostPath', message: 'volume "cache" mounts a path of the node' },
  ]);
});

test('host-path: an emptyDir passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
