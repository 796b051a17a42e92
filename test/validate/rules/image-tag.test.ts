import { imageTag } from '../../../lib/kube/image';
import { imageTagRule as rule } from '../../../lib/validate/rules/image-tag';
import { findingsOf, pinned } from '../../support/rules';

test('image-tag: an image without a tag, or tagged latest', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'image-tag', path: 'spec.containers[0].image', message: 'image "nginx" has no tag, so what runs changes without a change here' },
  ]);
  expect(pinned(rule, rule.example.fails.replace('image: nginx', 'image: nginx:latest'))).toEqual([
    { rule: 'image-tag', path: 'spec.containers[0].image', message: 'image "nginx:latest" uses the tag "latest", so what runs changes without a change here' },
  ]);
});

test('image-tag: a version tag or a digest passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('image: nginx', `image: nginx@sha256:${'a'.repeat(64)}`))).toEqual([]);
});

test('imageTag reads the tag after the last slash, so a registry port is no tag', () => {
  expect(imageTag('localhost:5000/app')).toBeUndefined();
  expect(imageTag('localhost:5000/app:2.1')).toBe('2.1');
  expect(imageTag('app@sha256:abc')).toBe('digest');
});
