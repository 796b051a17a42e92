import * as fs from 'fs';
import { parse } from 'yaml';
import { UserError } from '../../lib';
import { parseSetFile, parseSetJson, parseSetString } from '../../lib/values/set-forms';
import { makeProject, runCli } from '../support/project';

describe('--set-string', () => {
  test('keeps every value a string, null and numbers too; \\, is a comma', () => {
    expect(parseSetString('image.tag=007,replicas=3,name=null,flag=true,list[0]=a\\,b')).toEqual({
      image: { tag: '007' },
      replicas: '3',
      name: 'null',
      flag: 'true',
      list: ['a,b'],
    });
  });
});

describe('--set-json', () => {
  test('parses each value as JSON; commas inside JSON do not split', () => {
    expect(parseSetJson('resources={"cpu":{"limit":"1","request":"100m"}},ports=[80,443],name="a,b",on=true')).toEqual({
      resources: { cpu: { limit: '1', request: '100m' } },
      ports: [80, 443],
      name: 'a,b',
      on: true,
    });
    expect(parseSetJson('a.b[1]={"x":null}')).toEqual({ a: { b: [null, { x: null }] } });
  });

  test('a value that is not JSON names the path', () => {
    expect(() => parseSetJson('a={x:1}')).toThrow(UserError);
    expect(() => parseSetJson('a={x:1}')).toThrow(/^--set-json a=\{x:1\}: the value of a is not JSON: /);
  });
});

describe('--set-file', () => {
  test("sets the file's content as a string", () => {
    const files: Record<string, string> = { 'app.conf': 'listen 8080;\nworkers 4;\n', 'n.txt': '42' };
    expect(parseSetFile('config=app.conf,count=n.txt', (f) => files[f] ?? fs.readFileSync(f, 'utf8'))).toEqual({ config: 'listen 8080;\nworkers 4;\n', count: '42' });
  });

  test('a file that cannot be read names it', () => {
    expect(() => parseSetFile('config=/no/such/file.conf')).toThrow(/^--set-file config=\/no\/such\/file\.conf: cannot read \/no\/such\/file\.conf: /);
  });
});

const PACKAGE = `
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package } from '{{lib}}';
const values = z.object({
  replicas: z.number().int().default(1),
  tag: z.string().default('1.0.0'),
  config: z.string().default(''),
  resources: z.record(z.string(), z.string()).default({}),
});
export class App extends Package<typeof values> {
  static readonly metadata = { name: 'app', version: '1.0.0' };
  static readonly values = values;
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { values: JSON.stringify(this.values) } });
  }
}
`;
const MAIN = `
import { Platform, release } from '{{lib}}';
import { App } from './app';
export default new Platform({ environments: { dev: { releases: { app: release(App) } } } });
`;

test('synth and values take --set-json, --set-string and --set-file, in Helm order: --set-json < --set < --set-string < --set-file', () => {
  const dir = makeProject({ 'apps/app.ts': PACKAGE, 'apps/main.ts': MAIN, 'app.conf': 'listen 8080;\n' });
  try {
    const args = ['--set-json', 'resources={"cpu":"1"},replicas=2', '--set', 'replicas=3,tag=x', '--set-string', 'tag=007', '--set-file', 'config=app.conf'];
    const values = runCli(dir, ['values', '--env', 'dev', ...args]);
    expect(values.stderr).toBe('');
    expect(parse(values.stdout)).toEqual({ replicas: 3, tag: '007', config: 'listen 8080;\n', resources: { cpu: '1' } });
    const synth = runCli(dir, ['synth', ...args]);
    expect(synth.code).toBe(0);
    const configMap = parse(fs.readFileSync(`${dir}/dist/dev/app.k8s.yaml`, 'utf8'));
    expect(JSON.parse(configMap.data.values)).toEqual({ replicas: 3, tag: '007', config: 'listen 8080;\n', resources: { cpu: '1' } });
    // a string where the schema wants a number is still an error, with its source
    const wrong = runCli(dir, ['synth', '--set-string', 'replicas=3']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('replicas: ');
    expect(wrong.stderr).toContain('(from --set-string replicas=…)'); // the value is not echoed: it may be a secret
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
