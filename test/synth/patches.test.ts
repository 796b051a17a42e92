import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../../lib';
import { jsonPatch, mergePatch } from '../../lib/synth/patches';
import { SAMPLE_PACKAGE, makeProject, runCli } from '../support/project';

describe('JSON merge patch (RFC 7386)', () => {
  test('maps merge, null removes, lists replace', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = () => ({ spec: { args: ['a'], 'x/y': 1, n: 1 } });
  test('add, remove, replace, move, copy, test', () => {
    expect(
      jsonPatch(
        doc(),
        [
          { op: 'add', path: '/spec/args/-', value: 'b' },
          { op: 'add', path: '/spec/args/0', value: 'first' },
          { op: 'replace', path: '/spec/n', value: 2 },
          { op: 'remove', path: '/spec/x~1y' },
          { op: 'copy', from: '/spec/n', path: '/spec/m' },
          { op: 'move', from: '/spec/m', path: '/spec/k' },
          { op: 'test', path: '/spec/k', value: 2 },
        ],
        'p',
      ),
    ).toEqual({ spec: { args: ['first', 'a', 'b'], n: 2, k: 2 } });
  });

  test('an operation that does not apply is an error, not skipped', () => {
    expect(() => jsonPatch(doc(), [{ op: 'replace', path: '/spec/missing', value: 1 }], 'p')).toThrow(UserError);
    expect(() => jsonPatch(doc(), [{ op: 'replace', path: '/spec/missing', value: 1 }], 'p')).toThrow('p: json[0] (replace /spec/missing): /spec/missing is not in the object');
    expect(() => jsonPatch(doc(), [{ op: 'test', path: '/spec/n', value: 5 }], 'p')).toThrow('p: json[0] (test /spec/n): the value is 1, not 5');
    expect(() => jsonPatch(doc(), [{ op: 'add', path: 'spec/n', value: 5 }], 'p')).toThrow('a JSON pointer starts with "/"');
  });
});

const platform = (patches: string) => `
import { Platform, release } from '{{lib}}';
import { Sample } from './sample';
export default new Platform({
  environments: {
    base: { abstract: true, namespace: 'shop', releases: { web: release(Sample, { patches: [{ target: { kind: 'Deployment', name: 'web-server' }, merge: { metadata: { annotations: { team: 'shop' } } } }] }) } },
    dev: { extends: 'base', releases: { web: { patches: ${patches} } } },
  },
});
`;

describe('releases.x.patches in synth', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const deployment = () =>
    parseAllDocuments(fs.readFileSync(path.join(dir, 'dist/dev/web.k8s.yaml'), 'utf8'))
      .map((d) => d.toJS())
      .find((o) => o.kind === 'Deployment');

  test("apply after build, the base environment's first", () => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': platform(`[{ target: { kind: 'Deployment', name: 'web-server' }, json: [{ op: 'replace', path: '/spec/replicas', value: 4 }, { op: 'add', path: '/metadata/annotations/stage', value: 'dev' }] }]`) });
    const result = runCli(dir, ['synth']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const obj = deployment();
    expect(obj.spec.replicas).toBe(4);
    expect(obj.metadata.annotations).toMatchObject({ team: 'shop', stage: 'dev' });
  });

  test('patched output is validated like the rest', () => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': platform(`[{ target: { kind: 'Deployment', name: 'web-server' }, merge: { spec: { replicas: 'three' } } }]`) });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Deployment shop/web-server at spec.replicas: expected an integer, found the string "three"');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a target that is not there is an error with the closest name', () => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': platform(`[{ target: { kind: 'Deployment', name: 'web-servr' }, merge: { spec: { paused: true } } }]`) });
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: environment "dev", release "web": patches[1] (environment "dev"): the target Deployment "web-servr" is not an object of the release (did you mean "web-server"?); the release\'s Deployment objects are: web-server\n',
    );
  });

  test('an unknown key in a patch is an error with the closest key', () => {
    dir = makeProject({ 'apps/sample.ts': SAMPLE_PACKAGE, 'apps/main.ts': platform(`[{ target: { kind: 'Deployment', name: 'web-server' }, merged: {} }]`) });
    expect(runCli(dir, ['synth']).stderr).toContain('environment "dev": release "web": patches[0]: unknown key "merged" (did you mean "merge"?)');
  });
});
