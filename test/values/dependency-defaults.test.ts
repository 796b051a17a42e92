import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { makeProject, runCli } from '../support/project';

// A parent that gives its dependencies values (Helm's parent values.yaml
// under a subchart's key), and a group of dependencies switched by one shared
// condition path: what Helm's `tags` do.
const PACKAGES = `
import { ApiObject } from 'cdk8s';
import { z } from 'zod';
import { Package } from '{{lib}}';

const dbValues = z.object({
  storage: z.string().default('1Gi').describe('Volume size.'),
  resources: z
    .object({ limits: z.object({ cpu: z.string().optional(), memory: z.string().optional() }) })
    .default({ limits: { cpu: '500m', memory: '1Gi' } })
    .describe('Container resources.'),
  replicas: z.number().int().min(1).default(1),
});

export class Db extends Package<typeof dbValues> {
  static readonly metadata = { name: 'db', version: '1.0.0' };
  static readonly values = dbValues;
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'store', { apiVersion: 'v1', kind: 'ConfigMap', data: { storage: this.values.storage } });
  }
}

const shopValues = z.object({
  backend: z.boolean().default(true).describe('Run the backend: the database and its replica.'),
});

export class Shop extends Package<typeof shopValues, typeof Shop.dependencies> {
  static readonly metadata = { name: 'shop', version: '1.0.0' };
  static readonly values = shopValues;
  static readonly dependencies = {
    db: { package: Db, condition: 'backend', values: { storage: '5Gi', resources: { limits: { cpu: '2' } } } },
    replica: { package: Db, condition: 'backend', values: { replicas: 2, resources: { limits: { memory: null } } } },
  };
  constructor(scope: any, id: string, props: any) {
    super(scope, id, props);
    new ApiObject(this, 'app', { apiVersion: 'v1', kind: 'ConfigMap', data: { backend: String(this.values.backend) } });
  }
}
`;

const MAIN = `
import { Platform, release } from '{{lib}}';
import { Shop } from './shop';
export default new Platform({ environments: { dev: { releases: { shop: release(Shop) } } } });
`;

describe('dependency values the parent gives', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({ 'apps/shop.ts': PACKAGES, 'apps/main.ts': MAIN });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('values --docs shows the parent-given default, and it is the value the release gets', () => {
    const docs = runCli(dir, ['values', '--docs']);
    expect(docs.stderr).toBe('');
    expect(docs.stdout).toContain('| `db.storage` | string | `"5Gi"` | Volume size. |');
    expect(docs.stdout).toContain('| `db.resources.limits.cpu` | string | `"2"` |');
    expect(docs.stdout).toContain('| `db.resources.limits.memory` | string | `"1Gi"` |');
    expect(docs.stdout).toContain('| `replica.storage` | string | `"1Gi"` | Volume size. |');
    expect(docs.stdout).toContain('| `replica.replicas` | integer (≥ 1) | `2` |');
    expect(docs.stdout).toContain('| `replica.resources.limits.memory` | string |  |');

    // every default in the table is what `chartwright values` gives the release
    const merged = parse(runCli(dir, ['values']).stdout);
    const rows = docs.stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(' | '));
    for (const [keyCell, , defaultCell] of rows) {
      const key = keyCell.replace(/^\| `|`$/g, '');
      if (key === 'global') continue;
      const value = key.split('.').reduce<any>((v, part) => v?.[part], merged);
      expect({ key, value: defaultCell === '' ? undefined : JSON.parse(defaultCell.replace(/^`|`$/g, '')) }).toEqual({ key, value });
    }
  });

  test('values --schema has the parent-given defaults, for editors', () => {
    const result = runCli(dir, ['values', '--schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    const db = schema.properties.db;
    expect(db.properties.storage.default).toBe('5Gi');
    expect(db.properties.resources.default).toEqual({ limits: { cpu: '2', memory: '1Gi' } });
    expect(schema.properties.replica.properties.replicas.default).toBe(2);
    expect(schema.properties.replica.properties.resources.default).toEqual({ limits: { cpu: '500m' } });
  });

  test("one shared condition path switches a group of dependencies, as Helm's tags do", () => {
    const objects = (args: string[]) => {
      const result = runCli(dir, ['synth', ...args]);
      expect(result.stderr).toBe('');
      const text = fs.readFileSync(path.join(dir, 'dist/dev/shop.k8s.yaml'), 'utf8');
      return parseAllDocuments(text).map((d) => d.toJS().metadata.name).sort();
    };
    expect(objects([])).toEqual(['shop-app', 'shop-db-store', 'shop-replica-store']);
    expect(objects(['--set', 'backend=false'])).toEqual(['shop-app']);
    // the group switch is in the schema: a misspelling is an error, not a group left on
    const typo = runCli(dir, ['synth', '--set', 'backnd=false']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('did you mean "backend"?');
  });
});
