import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../support/project';
import { describeCluster, eventually, kubectl, kubectlOk, scratch } from './kube';
import { NPM_FLAGS, chartwright, npm } from './npm';

/**
 * A new user's first hour, as a test: chartwright packed into a tarball,
 * installed from it into an empty folder, `init app` and `init package`
 * there, `npm install`, synth, test and pack, then the app's output applied
 * to the cluster, whose Pod Security admission (`restricted`) must let its
 * pods be created. chartwright never comes from the registry, only from the
 * tarball; the third-party packages from the npm cache (see ./npm.ts).
 */
describeCluster('from the packed tarball to a running project', () => {
  const { dir, remove } = scratch();
  let tarball = '';
  beforeAll(() => {
    const packed = JSON.parse(npm(REPO, 'pack', '--json', '--pack-destination', dir, '--loglevel', 'error'));
    tarball = path.join(dir, packed[0].filename);
  }, 300_000);
  afterAll(() => remove());

  /** An empty folder with chartwright installed from the tarball, as `npm install <tarball>` leaves it. */
  function installed(name: string): string {
    const project = path.join(dir, name);
    fs.mkdirSync(project);
    npm(project, 'install', ...NPM_FLAGS, tarball);
    expect(fs.readdirSync(project).sort()).toEqual(['node_modules', 'package-lock.json', 'package.json']);
    return project;
  }

  test('init app: install, synth, test; the pods of its output are admitted under Pod Security restricted', async () => {
    const app = installed('shop');
    chartwright(app, 'init', 'app', '.');
    const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
    expect(pkg.dependencies.chartwright).toBe(`file:../${path.basename(tarball)}`);
    npm(app, 'install', ...NPM_FLAGS);
    npm(app, 'run', 'synth');
    npm(app, 'test');

    const namespace = 'shop-dev';
    try {
      kubectlOk(['apply', '--server-side', '-k', path.join(app, 'dist', 'dev')]);
      expect(JSON.parse(kubectlOk(['get', 'namespace', namespace, '-o', 'json'])).metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      // the ReplicaSet's pods are created (no kubelet runs them here): admission let them in
      const pods = await eventually('the web pod', () => {
        const items = JSON.parse(kubectlOk(['get', 'pods', '-n', namespace, '-o', 'json'])).items;
        return items.length > 0 ? items : undefined;
      });
      const pod = pods[0].spec;
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      const refused = JSON.parse(kubectlOk(['get', 'events', '-n', namespace, '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items;
      expect(refused).toEqual([]);
    } finally {
      kubectl(['delete', 'namespace', namespace, '--wait=false']);
    }
  }, 600_000);

  test('init package: install, test, pack; the tarball has the build and README, not the test output', () => {
    const pkg = installed('greeter');
    chartwright(pkg, 'init', 'package', '.');
    npm(pkg, 'install', ...NPM_FLAGS);
    npm(pkg, 'test');
    expect(fs.existsSync(path.join(pkg, 'dist', 'test', 'example.k8s.yaml'))).toBe(true);
    npm(pkg, 'run', 'synth');
    const [packed] = JSON.parse(npm(pkg, 'pack', '--json', '--loglevel', 'error'));
    const files = packed.files.map((f: { path: string }) => f.path).sort();
    expect(files).toEqual(['README.md', 'build/index.d.ts', 'build/index.js', 'package.json']);
  }, 600_000);
});
