import { dangerousCapabilities as rule } from '../../../lib/validate/rules/dangerous-capabilities';
import { findingsOf, pinned } from '../../support/rules';

test('dangerous-capabilities: SYS_ADMIN added beside drop: [ALL]', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'dangerous-capabilities', path: 'spec.containers[0].securityContext.capabilities.add[0]', message: 'container "app" adds SYS_ADMIN, which the baseline Pod Security Standard refuses, whatever it drops' },
  ]);
});

test('dangerous-capabilities: add: [ALL] and CAP_-prefixed names are found; an error under prod', () => {
  const yaml = rule.example.fails.replace('add: [SYS_ADMIN]', 'add: [ALL, CAP_NET_ADMIN, CAP_CHOWN]');
  expect(pinned(rule, yaml)).toEqual([
    { rule: 'dangerous-capabilities', path: 'spec.containers[0].securityContext.capabilities.add[0]', message: 'container "app" adds ALL capabilities, which grants every one whatever it drops' },
    { rule: 'dangerous-capabilities', path: 'spec.containers[0].securityContext.capabilities.add[1]', message: 'container "app" adds CAP_NET_ADMIN, which the baseline Pod Security Standard refuses, whatever it drops' },
  ]);
  expect(findingsOf(rule, yaml, 'prod').map((f) => f.severity)).toEqual(['error', 'error']);
});

test('dangerous-capabilities: NET_BIND_SERVICE passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
