import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readValuesFile } from '../../lib/values/layers';

describe('readValuesFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartwright-values-read-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a file read again with the same text gives the same values and positions', () => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, 'replicas: 3\nimage:\n  tag: v1\n');
    const first = readValuesFile(file, 'values.yaml')!;
    const second = readValuesFile(file, 'values.yaml')!;
    expect(second.data).toEqual({ replicas: 3, image: { tag: 'v1' } });
    expect(second.positions?.get('image.tag')).toEqual(first.positions?.get('image.tag'));
  });

  test('an edited file is read anew, even at the same size within the same second', () => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, 'replicas: 3\n');
    expect(readValuesFile(file, 'values.yaml')!.data).toEqual({ replicas: 3 });
    fs.writeFileSync(file, 'replicas: 4\n');
    expect(readValuesFile(file, 'values.yaml')!.data).toEqual({ replicas: 4 });
  });

  test('an error names the file as shown by each caller', () => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, 'replicas: [1\n');
    expect(() => readValuesFile(file, 'a/values.yaml')).toThrow(/^a\/values\.yaml:/);
    expect(() => readValuesFile(file, 'b/values.yaml')).toThrow(/^b\/values\.yaml:/);
  });

  test('a file of more than 64 KiB is read whole, in several reads', () => {
    const file = path.join(dir, 'values.yaml');
    const long = `list:\n${Array.from({ length: 20000 }, (_, i) => `  - item-${i}`).join('\n')}\n`;
    fs.writeFileSync(file, long);
    expect((readValuesFile(file)!.data.list as string[]).length).toBe(20000);
  });
});
