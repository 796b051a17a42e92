import { parseManifests, validateObjects } from '../../lib/validate';

describe('aliases in manifests', () => {
  test('a List of 150 objects sharing one anchor is read (the old limit of 100 alias uses refused it)', () => {
    const lines = ['apiVersion: v1', 'kind: List', 'items:', '- {apiVersion: v1, kind: ConfigMap, metadata: {name: c0, labels: &l {app: x}}, data: &d {k: v}}'];
    for (let i = 1; i < 150; i++) lines.push(`- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}, labels: *l}, data: *d}`);
    const { objects, findings } = parseManifests('list.yaml', lines.join('\n') + '\n');
    expect(findings).toEqual([]);
    expect(objects).toHaveLength(150);
    expect(validateObjects(objects).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('an alias bomb is a yaml-syntax finding at its line, found without expanding it', () => {
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    const names = 'abcdefghijkl';
    for (let i = 1; i < 12; i++) bomb.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]`);
    const { objects, findings } = parseManifests('bomb.yaml', bomb.join('\n') + '\n');
    expect(objects).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'yaml-syntax', source: expect.objectContaining({ line: 9 }), message: expect.stringContaining('aliases repeat more than 1,000,000 nodes') })]);
  });
});
