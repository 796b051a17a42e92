import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { validateFiles } from '../../lib/cli/validate';
import { Finding, ValidateOptions, kubeVersions, parseManifests, readManifests, validateObjects } from '../../lib/validate';
import { Reread, parseFile } from '../../lib/validate/input';
import { Validation } from '../../lib/validate/validation';
import { generateFiles } from '../support/manifest-gen';
import { REPO } from '../support/project';

/**
 * validate reads files one at a time and keeps only what the checks across
 * objects need (lib/validate/entries.ts). These tests hold it to what it
 * gave when every parsed object was kept until the end: the findings of
 * generated inputs and of every fixture, with every option that changes
 * them, are recorded (as digests, in stream-digests.json) and must stay
 * byte-identical — the rules, their order, the messages and the lines. The
 * same inputs validated as objects in memory (as synth does) give the same.
 * `UPDATE_STREAM_DIGESTS=1 npx jest test/validate/stream.test.ts` records
 * them again, for a change that means to change findings.
 */

const DIGESTS = path.join(__dirname, 'stream-digests.json');
const update = process.env.UPDATE_STREAM_DIGESTS === '1';
const recorded: Record<string, string> = update || !fs.existsSync(DIGESTS) ? {} : JSON.parse(fs.readFileSync(DIGESTS, 'utf8'));
const seen: Record<string, string> = {};
afterAll(() => {
  if (update) fs.writeFileSync(DIGESTS, JSON.stringify(seen, null, 1) + '\n');
});

/** A digest of findings as JSON, with the folder they were read from left out of file names and messages. */
const digest = (findings: readonly Finding[], folder: string) => createHash('sha256').update(JSON.stringify(findings).split(`${folder}/`).join('')).digest('hex').slice(0, 20);

function expectRecorded(name: string, findings: readonly Finding[], folder = REPO): void {
  seen[name] = digest(findings, folder);
  if (!update) expect(`${name} ${seen[name]}`).toBe(`${name} ${recorded[name]}`);
}

/** The options a generated case runs with: every profile, both kinds of input, externals, versions, declared namespaces. */
function optionsOf(seed: number): ValidateOptions {
  return {
    profile: (['dev', 'prod', 'strict'] as const)[seed % 3],
    complete: seed % 2 === 0,
    external: seed % 5 === 0 ? ['Pod/*', 'Secret/shop/db', 'ConfigMap/*'] : seed % 7 === 0 ? ['Service/web/app'] : undefined,
    kubeVersion: seed % 4 === 0 ? kubeVersions()[0] : undefined,
    ignoreMissingSchemas: seed % 6 === 0,
    podSecurity: seed % 3 === 1 ? { web: { enforce: 'restricted' }, shop: { warn: 'baseline', audit: 'restricted' } } : undefined,
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-stream-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('generated inputs: the findings of validate are those recorded, and those of the same objects validated in memory', () => {
  for (let seed = 1; seed <= 240; seed++) {
    const files = generateFiles(seed, 1 + (seed % 4), seed % 10 === 0 ? 40 : 12);
    const caseDir = path.join(dir, String(seed));
    fs.mkdirSync(caseDir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(caseDir, name), text);
    const options = optionsOf(seed);
    const streamed = validateFiles([caseDir], options).findings;
    const read = readManifests([caseDir]);
    expect(streamed).toEqual([...read.findings, ...validateObjects(read.objects, options)]);
    expectRecorded(`generated ${seed}`, streamed, caseDir);
  }
});

const FIXTURES = [path.join(REPO, 'test', 'fixtures', 'validate'), path.join(REPO, 'test', 'fixtures', 'apiserver-corpus')];

function yamlFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

test('every fixture, under each profile and the oldest and newest Kubernetes version: the findings recorded', () => {
  const files = FIXTURES.flatMap(yamlFiles);
  expect(files.length).toBeGreaterThan(300);
  for (const file of files) {
    const name = path.relative(REPO, file);
    for (const [i, options] of ([{}, { profile: 'strict', complete: true }, { profile: 'prod', kubeVersion: kubeVersions()[0] }] as ValidateOptions[]).entries()) {
      const streamed = validateFiles([name], options).findings;
      const parsed = parseManifests(name, fs.readFileSync(file, 'utf8'));
      expect(streamed).toEqual([...parsed.findings, ...validateObjects(parsed.objects, options)]);
      expectRecorded(`${name} ${i}`, streamed);
    }
  }
});

test('a whole fixture folder at once (objects of many files referring to each other)', () => {
  for (const root of FIXTURES) {
    const name = path.relative(REPO, root);
    const streamed = validateFiles([name], { profile: 'prod' }).findings;
    const read = readManifests([name]);
    expect(streamed).toEqual([...read.findings, ...validateObjects(read.objects, { profile: 'prod' })]);
    expectRecorded(name, streamed);
  }
});

test('the line of a finding is read again from its file: a file changed or removed since gives findings without a line, never an error', () => {
  const file = path.join(dir, 'pod.yaml');
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n';
  fs.writeFileSync(file, text);
  const lines = (findings: readonly Finding[]) => findings.map((f) => f.source?.line);
  const kept = validateObjects(parseManifests(file, text).objects);
  expect(lines(kept)).toContain(7);
  const again = (change: () => void) => {
    const parsed = parseFile(file, text, new Reread());
    change();
    return validateObjects(parsed.objects);
  };
  expect(again(() => undefined)).toEqual(kept);
  for (const change of [() => fs.writeFileSync(file, '- not: [an object\n'), () => fs.writeFileSync(file, ''), () => fs.rmSync(file)]) {
    const findings = again(change);
    expect(findings.map((f) => f.message)).toEqual(kept.map((f) => f.message));
    expect(lines(findings).every((line) => line === undefined)).toBe(true);
    fs.writeFileSync(file, text);
  }
});

/** Checks every file of `dir` with `validation`; a WeakRef to each parsed object (in a function of its own: an async test's frame would keep the last file's). */
function checkAll(validation: Validation): WeakRef<object>[] {
  const refs: WeakRef<object>[] = [];
  const reread = new Reread();
  for (const name of fs.readdirSync(dir).sort()) {
    const parsed = parseFile(path.join(dir, name), fs.readFileSync(path.join(dir, name), 'utf8'), reread);
    for (const o of parsed.objects) {
      if (o.obj !== null && typeof o.obj === 'object') refs.push(new WeakRef(o.obj));
      validation.check(o);
    }
  }
  return refs;
}

test('validate keeps no parsed object once it is checked: only the records of the checks across objects', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (const [name, text] of Object.entries(generateFiles(7, 3, 30))) fs.writeFileSync(path.join(dir, name), text);
  const validation = new Validation({ profile: 'strict' }, new Map(), true);
  const refs = checkAll(validation);
  expect(refs.length).toBeGreaterThan(20);
  await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its object until the job that made it ends
  gc();
  expect(refs.filter((r) => r.deref() !== undefined)).toEqual([]);
  expect(validation.finish().length).toBeGreaterThan(0);
});
