import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateFiles } from '../../lib/cli/validate';
import { UnreadableInputError, readManifests } from '../../lib/validate';
import { MAX_FILE_BYTES } from '../../lib/validate/input';
import { REPO, runCli } from '../support/project';

/** What `chartwright validate` reads: each file once, however named; only regular files; kustomize's files not counted. */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-input-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  level: info\n';

test('a file given twice, or a folder and a file inside it, is read once: no duplicate-object against itself', () => {
  const file = path.join(dir, 'cm.yaml');
  fs.writeFileSync(file, CONFIG_MAP);
  for (const args of [[file, file], [dir, file], [file, path.join(dir, '.', 'cm.yaml')]]) {
    const result = validateFiles(args);
    expect([result.files.length, result.objects, result.findings.map((f) => f.rule)]).toEqual([1, 1, []]);
  }
  fs.symlinkSync(file, path.join(dir, 'link.yaml'));
  expect(validateFiles([dir]).objects).toBe(1);
});

test('a folder behind a symbolic link is read, not skipped; a link back up the tree is no loop; a dangling link is named', () => {
  fs.mkdirSync(path.join(dir, 'real'));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'real', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: a}]}\n');
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'in', 'linked'));
  const linked = validateFiles([path.join(dir, 'in')]);
  expect([linked.objects, linked.findings.some((f) => f.rule === 'image-reference')]).toEqual([1, true]);
  fs.symlinkSync(dir, path.join(dir, 'real', 'up'));
  expect(validateFiles([path.join(dir, 'in')]).objects).toBe(1);
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'in', 'gone'));
  expect(() => validateFiles([path.join(dir, 'in')])).toThrow(new UnreadableInputError(`${path.join(dir, 'in', 'gone')}: a symbolic link to nothing`));
});

test('kustomization.yaml in a folder is not counted as an object', () => {
  fs.writeFileSync(path.join(dir, 'app.yaml'), CONFIG_MAP);
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n');
  const result = validateFiles([dir]);
  expect([result.files.length, result.objects, result.errors]).toEqual([2, 1, 0]);
});

test('a FIFO is refused (reading it could wait forever): exit 2', () => {
  const fifo = path.join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  expect(() => readManifests([fifo])).toThrow(new UnreadableInputError(`${fifo}: not a regular file (a FIFO); validate reads files and folders`));
  expect(() => readManifests([dir])).toThrow(UnreadableInputError);
  const result = runCli(REPO, ['validate', fifo]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('not a regular file (a FIFO)');
  expect(runCli(REPO, ['validate', '/dev/null']).stderr).toContain('/dev/null: not a regular file (a device)');
});

test('a file larger than the limit is refused before it is read', () => {
  const big = path.join(dir, 'big.yaml');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no disk used
  expect(() => readManifests([big])).toThrow(/big\.yaml: 256 MiB is more than validate reads \(256 MiB\)/);
});

test('int64 fields take integers above 2^53, up to 2^63', () => {
  const cronJob = (deadline: string) =>
    `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, namespace: shop}\nspec:\n  schedule: "@daily"\n  startingDeadlineSeconds: ${deadline}\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: app, image: "nginx:1.27.3"}]\n`;
  const rules = (deadline: string) => {
    const file = path.join(dir, 'c.yaml');
    fs.writeFileSync(file, cronJob(deadline));
    return validateFiles([file]).findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.path]);
  };
  expect(rules('9007199254740993')).toEqual([]);
  expect(rules('9223372036854775807')).toEqual([]);
  expect(rules('18446744073709551616')).toEqual([['schema-format', 'spec.startingDeadlineSeconds']]);
});
