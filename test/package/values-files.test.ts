import * as fs from 'fs';
import { makeProject, runCli, writeFiles } from '../support/project';

const PACKAGE = `
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package } from '{{lib}}';
const values = z.object({ replicas: z.number().int().default(1) });
export class Blog extends Package<typeof values> {
  static readonly metadata = { name: 'wordpress', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { replicas: String(this.values.replicas) } });
  }
}
`;
const MAIN = `
import { Platform, release } from '{{lib}}';
import { Blog } from './wordpress/package';
export default new Platform({
  environments: {
    base: { abstract: true, releases: { blog: release(Blog) } },
    dev: { extends: 'base' },
    prod: { extends: 'base' },
  },
});
`;

describe('values files synth would not read are errors, not ignored', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeProject({ 'apps/wordpress/package.ts': PACKAGE, 'apps/main.ts': MAIN, 'apps/blog/values.yaml': 'replicas: 2\n', 'apps/blog/values.base.yaml': 'replicas: 2\n' });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the files of the release folder, base environment included, are read', () => {
    const result = runCli(dir, ['synth']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test("a folder with values files that is no release's values folder (the package's folder, not the release's)", () => {
    writeFiles(dir, { 'apps/wordpress/values.prod.yaml': 'replicas: 3\n' });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: apps/wordpress/ has values files (values.prod.yaml) but is no release's values folder, so synth would ignore them: " +
        "values are read from the folder named after the release, or the release's valuesDir; the folders read are blog/ (blog)\n",
    );
  });

  test('values.<env>.yaml for an environment the platform does not have', () => {
    writeFiles(dir, { 'apps/blog/values.production.yaml': 'replicas: 3\n' });
    const result = runCli(dir, ['values', '--env', 'prod']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: apps/blog/values.production.yaml: no environment "production", so release "blog" would never read it; the environments are: dev, prod, base\n');
    writeFiles(dir, { 'apps/blog/values.production.yaml': '', 'apps/blog/values.prd.yaml': '' });
    fs.rmSync(`${dir}/apps/blog/values.production.yaml`);
    expect(runCli(dir, ['synth']).stderr).toContain('no environment "prd" (did you mean "prod"?)');
  });

  test('a .yml file', () => {
    writeFiles(dir, { 'apps/blog/values.dev.yml': 'replicas: 3\n' });
    expect(runCli(dir, ['synth']).stderr).toBe('error: apps/blog/values.dev.yml: synth reads values files named .yaml, not .yml: rename it to values.dev.yaml\n');
  });
});
