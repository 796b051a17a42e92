import * as fs from 'fs';
import * as path from 'path';
import { makeProject, runCli } from '../support/project';

const WEB = (props: string) => `
import { Construct } from 'constructs';
import { Package, Platform, WebService, release } from '{{lib}}';

class Web extends Package {
  static readonly metadata = { name: 'web', version: '1.0.0' };
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new WebService(this, 'web', { containers: [{ image: 'web:1.0.0', ports: [{ name: 'http', port: 8080 }] }], ${props} });
  }
}

export default new Platform({ environments: { dev: { namespace: 'dev', releases: { shop: release(Web) } } } });
`;

describe('the first hour: where synth runs and what its errors show', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('synth works from a subfolder of the project, writing dist/ at its root', () => {
    dir = makeProject({ 'package.json': '{ "name": "p", "private": true }', 'apps/main.ts': WEB('replicas: 2'), 'apps/web/README.md': '' });
    const result = runCli(path.join(dir, 'apps', 'web'), ['synth']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('../../dist/dev: 3 objects\n');
    expect(fs.existsSync(path.join(dir, 'dist', 'dev', 'shop.k8s.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'apps', 'web', 'dist'))).toBe(false);
  });

  test("a construct's error names the line of the user's code that built it", () => {
    dir = makeProject({ 'apps/main.ts': WEB('replicas: -1') });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: environment "dev", release "shop" (package web): shop/web: replicas -1 is not valid: expected a whole number of 0 or more\n  at apps/main.ts:9:5\n');
  });

  test("a bad import says which module and from where, without Node's require stack", () => {
    dir = makeProject({ 'apps/main.ts': `import { helper } from './helpers';\nhelper();\n${WEB('replicas: 2')}` });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: apps/main.ts failed to load: cannot find module './helpers' imported by apps/main.ts: check the path and the file name\n  at apps/main.ts:1:89\n");
    expect(result.stderr).not.toContain('Require stack');
  });
});
