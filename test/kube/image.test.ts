import { IMAGE_REFERENCE, imageTag, parseImage } from '../../lib/kube/image';

describe('image references', () => {
  test.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27.3', { repository: 'nginx', tag: '1.27.3' }],
    ['registry:5000/team/app', { repository: 'registry:5000/team/app' }],
    ['registry:5000/team/app:2.0', { repository: 'registry:5000/team/app', tag: '2.0' }],
    ['ghcr.io/acme/api@sha256:abc', { repository: 'ghcr.io/acme/api', digest: 'sha256:abc' }],
    ['ghcr.io/acme/api:1.0@sha256:abc', { repository: 'ghcr.io/acme/api', tag: '1.0', digest: 'sha256:abc' }],
  ])('%s', (image, parts) => {
    expect(parseImage(image)).toEqual(parts);
  });

  test('the tag is "digest" when pinned by digest, undefined without one', () => {
    expect(imageTag('nginx')).toBeUndefined();
    expect(imageTag('nginx:latest')).toBe('latest');
    expect(imageTag('nginx@sha256:abc')).toBe('digest');
  });

  test('the syntax is checked apart from the split', () => {
    expect(IMAGE_REFERENCE.test('nginx:1.27.3')).toBe(true);
    expect(IMAGE_REFERENCE.test('Nginx')).toBe(false);
  });
});
