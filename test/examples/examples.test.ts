import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Platform, synthesize } from '../../lib';
import { embedDocs, valuesDocs } from '../../lib/values/json-schema';
import { EXAMPLES } from './examples';

const REPO = path.join(__dirname, '..', '..');

describe.each(EXAMPLES)('example $name', (example) => {
  const app = path.join(REPO, 'examples', example.name, 'platform.ts');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const platform: Platform = require(app).default;

  test('has dev, staging and prod, which differ only in values', () => {
    const envs = ['dev', 'staging', 'prod'].map((name) => platform.environment(name));
    const shape = (env: (typeof envs)[number]) => env.releases.map((r) => [r.name, r.package]);
    expect(shape(envs[1])).toEqual(shape(envs[0]));
    expect(shape(envs[2])).toEqual(shape(envs[0]));
    expect(envs.map((e) => e.profile ?? 'dev')).toEqual(['dev', 'prod', 'prod']);
  });

  test('every environment synthesizes with zero findings at its profile', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `chartwright-example-${example.name}-`));
    try {
      const result = synthesize({ app, out, timeout: 0 });
      expect([...result.written.keys()].sort()).toEqual(['dev', 'prod', 'staging']);
      for (const [env, findings] of result.warnings) {
        expect([env, findings.map((f) => `${f.rule}: ${f.message}`)]).toEqual([env, []]);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test.each(example.readmes)('%s embeds the current values table', (readme, pkg) => {
    const file = path.join(REPO, 'examples', example.name, readme);
    const text = fs.readFileSync(file, 'utf8');
    if (text !== embedDocs(text, valuesDocs(pkg))) {
      throw new Error(`examples/${example.name}/${readme} has an out-of-date values table: run \`npx chartwright values --app examples/${example.name}/platform.ts --release <release> --docs --write examples/${example.name}/${readme}\``);
    }
  });
});
