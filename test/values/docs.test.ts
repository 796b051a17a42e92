import * as fs from 'fs';
import * as path from 'path';
import { valuesDocRows, valuesDocs, embedDocs } from '../../lib/values/json-schema';
import { Cache } from '../../apps/cache';
import { HelloWeb } from '../../apps/hello-web';
import { Shop } from './fixtures';

describe('values documentation', () => {
  test.each([
    ['apps/hello-web/README.md', HelloWeb],
    ['apps/cache/README.md', Cache],
  ])('%s embeds the current values table', (readme, pkg) => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', readme), 'utf8');
    const expected = embedDocs(text, valuesDocs(pkg));
    if (text !== expected) {
      throw new Error(`${readme} has an out-of-date values table: run \`npx chartwright values --release <release> --docs --write ${readme}\``);
    }
  });

  test('rows cover every leaf, with defaults from enclosing defaults, and dependencies under their key', () => {
    const rows = Object.fromEntries(valuesDocRows(Shop).map((r) => [r.key, r]));
    expect(rows['image.tag']).toEqual({ key: 'image.tag', type: 'string', default: '', description: 'Image tag.' });
    expect(rows['mode'].type).toBe('one of "live", "maintenance"');
    expect(rows['ports'].type).toBe('list of integer (≥ 1, ≤ 65535)');
    expect(rows['annotations'].type).toBe('map of string');
    expect(rows['db.enabled']).toMatchObject({ type: 'boolean', default: 'true' });
    expect(rows['db.resources.limits.cpu']).toMatchObject({ default: '"500m"' });
    expect(rows['replica.storage']).toMatchObject({ default: '"2Gi"', description: 'Volume size.' }); // the value Shop gives it, not Db's own 1Gi
    expect(rows['global'].type).toBe('map');
  });
});
