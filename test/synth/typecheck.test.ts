import * as fs from 'fs';
import * as path from 'path';
import { typecheck } from '../../lib/synth/typecheck';
import { makeProject, readTree, runCli, writeFiles } from '../support/project';

/** A platform whose web service has `props` (a literal, as users write it). */
const PLATFORM = (props: string) => `
import { Platform, RolloutWebService, Package, PackageProps, release } from '{{lib}}';
import { Construct } from 'constructs';

class Web extends Package {
  static readonly metadata = { name: 'web', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new RolloutWebService(this, 'web', { containers: [{ image: 'web:1.0.0', ports: [{ name: 'http', port: 8080 }] }], ${props} });
  }
}

export default new Platform({ environments: { dev: { namespace: 'dev', releases: { web: release(Web) } } } });
`;

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, skipLibCheck: true, types: ['node'] } });
/** The tests' setup turns the check off (see jest.config.js); these turn it on. */
const checked = { ...process.env, CHARTWRIGHT_TYPECHECK: '1' };

describe("synth's type check", () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('replica for replicas (TS2561) fails synth with the compiler message and nothing is written', () => {
    dir = makeProject({ 'apps/main.ts': PLATFORM('replica: 4'), 'tsconfig.json': TSCONFIG });
    const result = runCli(dir, ['synth'], checked);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: the project has 1 type error, so synth wrote nothing \(fix them, or pass --no-typecheck to synth anyway\):\n {2}apps\/main\.ts:9:\d+ - error TS2561: Object literal may only specify known properties, but 'replica' does not exist in type 'RolloutWebServiceProps'\. Did you mean to write 'replicas'\?\n$/,
    );
    expect(readTree(path.join(dir, 'dist'))).toEqual({});

    // without the check, the runtime check of props still stops it
    const unchecked = runCli(dir, ['synth', '--no-typecheck'], checked);
    expect(unchecked.code).toBe(1);
    expect(unchecked.stderr).toContain('web/web: unknown prop "replica" (did you mean "replicas"?)');
  });

  test('the result is kept until a file of the program changes, and a type error the runtime checks cannot see is found', () => {
    dir = makeProject({ 'apps/main.ts': PLATFORM('replicas: 3'), 'tsconfig.json': TSCONFIG });
    const entry = path.join(dir, 'apps', 'main.ts');
    expect(typecheck(entry, dir)).toEqual({ errors: [] });
    writeFiles(dir, { 'apps/main.ts': `${PLATFORM('replicas: 3')}const port: number = 'http';\n` });
    expect(typecheck(entry, dir).errors).toEqual(["apps/main.ts:14:7 - error TS2322: Type 'string' is not assignable to type 'number'."]);
  });
});
