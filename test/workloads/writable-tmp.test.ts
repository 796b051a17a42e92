import { Deployment, DeploymentProps, Volume } from '../../lib';
import { find, render } from '../support/render';

/** The pod spec of a Deployment made with the given props. */
function podSpec(props: Partial<DeploymentProps>): any {
  const objects = render((p) => new Deployment(p, 'web', { containers: [{ image: 'nginxinc/nginx-unprivileged:1.27.3-alpine', ports: [{ name: 'http', port: 8080 }] }], ...props }));
  return find(objects, 'Deployment').spec.template.spec;
}

describe('a writable /tmp where the root filesystem is read-only', () => {
  test('every container with a read-only root filesystem gets /tmp from one emptyDir of the pod, init containers too', () => {
    const spec = podSpec({ initContainers: [{ image: 'busybox:1.36', command: ['true'] }], containers: [{ image: 'nginxinc/nginx-unprivileged:1.27.3-alpine', ports: [{ port: 8080 }] }, { name: 'side', image: 'busybox:1.36', command: ['sleep', '1d'], liveness: false }] });
    expect(spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    for (const c of [...spec.initContainers, ...spec.containers]) expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
  });

  test('a container that mounts its own /tmp, has a writable root filesystem, or sets writableTmp: false gets none', () => {
    const own = Volume.emptyDir('scratch', { sizeLimit: '1Gi' });
    const spec = podSpec({
      containers: [
        { name: 'own', image: 'busybox:1.36', command: ['sleep', '1d'], liveness: false, mounts: [{ volume: own, path: '/tmp' }] },
        { name: 'writable', image: 'busybox:1.36', command: ['sleep', '1d'], liveness: false, security: { readOnlyRootFilesystem: false } },
        { name: 'declined', image: 'busybox:1.36', command: ['sleep', '1d'], liveness: false, writableTmp: false },
      ],
    });
    expect(spec.volumes).toEqual([{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }]);
    expect(spec.containers.map((c: any) => c.volumeMounts)).toEqual([[{ name: 'scratch', mountPath: '/tmp' }], undefined, undefined]);
  });

  test('a pod volume of its own named "tmp" mounted elsewhere keeps its name; the /tmp volume is then "writable-tmp"', () => {
    const spec = podSpec({ containers: [{ image: 'busybox:1.36', command: ['sleep', '1d'], liveness: false, mounts: [{ volume: Volume.emptyDir('tmp'), path: '/cache' }] }] });
    expect(spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'writable-tmp']);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/cache' }, { name: 'writable-tmp', mountPath: '/tmp' }]);
  });
});
