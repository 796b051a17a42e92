import { readOnlyRootFilesystem as rule } from '../../../lib/validate/rules/read-only-root-filesystem';
import { findingsOf, pinned } from '../../support/rules';

test('read-only-root-filesystem: a container that can write to its root filesystem', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'read-only-root-filesystem', path: 'spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "app" can write to its root filesystem' },
  ]);
});

test('read-only-root-filesystem: readOnlyRootFilesystem: true passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});
