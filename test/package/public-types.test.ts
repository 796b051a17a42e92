import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { init } from '../../lib/cli/init';

/*
 * What a user's `tsc --noEmit` pays for chartwright's public types: the
 * project `chartwright init app` makes, type-checked against chartwright's
 * declarations as `npm run build` emits them. Not a timing (that is
 * `npm run bench`, bench/typecheck.js) but the two causes it had: the
 * declarations reached cdk8s-plus-28's whole generated k8s.d.ts, and a
 * user's `z.object()` was compared with zod's `z.ZodType` member by member
 * (31,912 types made by the checker, against about 1,100 now).
 */

const REPO = path.join(__dirname, '..', '..');

/** chartwright's declarations, emitted as `npm run build` would, into `dir`. */
function emitDeclarations(dir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options = { ...config.options, noCheck: true, emitDeclarationOnly: true, declarationMap: false, sourceMap: false, outDir: dir, rootDir: REPO };
  const program = ts.createProgram({ rootNames: [path.join(REPO, 'lib', 'index.ts')], options });
  program.emit(undefined, (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }, undefined, true);
}

let project: string;
let program: ts.Program;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-public-types-'));
  project = path.join(dir, 'app');
  init({ kind: 'app', dir: project, name: 'shop' });
  const installed = path.join(project, 'node_modules', 'chartwright');
  emitDeclarations(path.join(installed, 'build'));
  fs.writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ name: 'chartwright', types: 'build/lib/index.d.ts' }));
  for (const name of ['cdk8s', 'cdk8s-plus-28', 'constructs', 'zod', 'yaml', '@types/node']) {
    fs.mkdirSync(path.dirname(path.join(project, 'node_modules', name)), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules', name), path.join(project, 'node_modules', name));
  }
  const config = ts.getParsedCommandLineOfConfigFile(path.join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
}, 240000);

afterAll(() => fs.rmSync(path.dirname(project), { recursive: true, force: true }));

test('the init app project type-checks against the declarations', () => {
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
});

test("the declarations do not reach cdk8s-plus-28's generated Kubernetes types", () => {
  const files = program.getSourceFiles().map((f) => f.fileName);
  expect(files.some((f) => f.endsWith(path.join('chartwright', 'build', 'lib', 'construct', 'k8s-types.d.ts')))).toBe(true);
  expect(files.filter((f) => f.includes(`${path.sep}cdk8s-plus-28${path.sep}`))).toEqual([]);
});

test("the declarations do not reach the yaml package's declarations (validate's reading settings stay internal)", () => {
  const files = program.getSourceFiles().map((f) => f.fileName);
  expect(files.some((f) => f.endsWith(path.join('chartwright', 'build', 'lib', 'validate', 'input.d.ts')))).toBe(true);
  expect(files.filter((f) => f.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`))).toEqual([]);
});

test('checking the project makes few types (a user schema is not compared with zod classes member by member)', () => {
  ts.getPreEmitDiagnostics(program);
  expect(program.getTypeCount()).toBeLessThan(2500);
});

/** Syntax nodes of the program's files whose path contains `part`: what tsc parses and binds for them. */
function nodesOf(of: ts.Program, part: string): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    count++;
    ts.forEachChild(node, visit);
  };
  for (const file of of.getSourceFiles()) if (file.fileName.includes(part)) visit(file);
  return count;
}

test("chartwright's declarations cost a project less to read than cdk8s-plus-28's (the values schema's zod aside)", () => {
  // tsc's parse and bind time follows the syntax nodes it reads (docs/performance.md, "Type-checking
  // a project"): the init project reads zod's declarations for its values schema, about as many nodes
  // as cdk8s-plus-28's, so chartwright's own must stay well under those of the cdk8s app it is
  // measured against (bench/typecheck.js), which reads cdk8s-plus-28's in their place
  const entry = path.join(project, 'apps', 'cdk8s-plus.ts');
  fs.writeFileSync(entry, "import * as kplus from 'cdk8s-plus-28';\nexport const deployment = kplus.Deployment;\n");
  try {
    const cdk8s = ts.createProgram({ rootNames: [entry], options: program.getCompilerOptions() });
    const chartwright = nodesOf(program, `${path.sep}chartwright${path.sep}build${path.sep}`);
    const plus = nodesOf(cdk8s, `${path.sep}cdk8s-plus-28${path.sep}`);
    expect(chartwright).toBeGreaterThan(0);
    expect(chartwright).toBeLessThan(plus * 0.8); // 0.68 when this was written
  } finally {
    fs.rmSync(entry);
  }
});
