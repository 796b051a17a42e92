import { capabilitiesDropAll as rule } from '../../../lib/validate/rules/capabilities-drop-all';
import { findingsOf, pinned } from '../../support/rules';

test('capabilities-drop-all: a container that drops less than ALL', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'capabilities-drop-all', path: 'spec.containers[0].securityContext.capabilities.drop', message: 'container "app" keeps the default capabilities' },
  ]);
});

test('capabilities-drop-all: drop: [ALL] passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
