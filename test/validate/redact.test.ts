import { parseManifests, validateObjects } from '../../lib/validate';
import { formatFinding } from '../../lib/validate/findings';

describe("a Secret's values never appear in findings", () => {
  const yaml = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata: { name: pin }',
    'stringData: { pin: 123456789, flag: true, short: 7 }',
    'data: { key: 42 }',
  ].join('\n');

  test('type errors under data and stringData say the type, in text and JSON', () => {
    const findings = validateObjects(parseManifests('secret.yaml', yaml).objects);
    const typeErrors = findings.filter((f) => f.rule === 'schema-type');
    expect(typeErrors.map((f) => f.path).sort()).toEqual(['data.key', 'stringData.flag', 'stringData.pin', 'stringData.short']);
    const text = findings.map(formatFinding).join('\n');
    const json = JSON.stringify(findings);
    for (const secret of ['123456789', 'true', '42']) {
      expect(text).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
    expect(text).toContain('stringData.pin: expected a string, found a number (not shown: a secret\'s value)');
  });

  test('a ConfigMap of the same content still shows its values', () => {
    const findings = validateObjects(parseManifests('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { pin: 123456789 }\n').objects);
    expect(findings.map(formatFinding).join('\n')).toContain('found number 123456789');
  });
});
