import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigMap, Ingress, ScheduledJob, Secret, WebService } from '../../lib';
import { parseManifests, validateObjects } from '../../lib/validate';
import { REPO, runCli } from '../support/project';
import { WEB, render, userError } from '../support/render';

/**
 * Objects the API server refuses, which synth made and `validate` passed
 * (issue 20, item 10): each is now an error in synth, at the construct path
 * (or the values path), and a finding of `validate`.
 */
describe('refused by the API server: caught in synth', () => {
  test('a CronJob time zone the tz database does not have, or spelled in the wrong case', () => {
    const cron = (timeZone: string) => () => render((p) => new ScheduledJob(p, 'cron', { containers: [{ image: 'c:1.0.0' }], schedule: '@daily', timeZone }));
    expect(userError(cron('Mars/Olympus'))).toBe('shop/cron: timeZone "Mars/Olympus" is not valid: expected an IANA time zone such as "Europe/Paris" or "UTC" (this one is not a time zone of the IANA database)');
    expect(userError(cron('europe/paris'))).toContain('(this one is spelled "Europe/Paris" in the IANA database, and the API server minds the case)');
    expect(userError(cron('Local'))).toContain('"Local", which the API server refuses');
    expect(() => cron('Europe/Paris')()).not.toThrow();
    expect(() => cron('Etc/UTC')()).not.toThrow();
  });

  test("an Ingress TLS secret that is not a Secret's name, and a backend port that is neither a number nor a name", () => {
    const rules = [{ host: 'a.example.com', paths: [{ service: { name: 's' }, port: 80 }] }];
    const tls = (secret: string) => () => render((p) => new Ingress(p, 'ing', { rules, tls: [{ hosts: ['a.example.com'], secret }] }));
    // the echoed value is cut, with its length
    expect(userError(tls('x'.repeat(300)))).toMatch(/^shop\/ing: tls\[0\]\.secret "x{199}… \(302 characters\) is not valid: expected a DNS-1123 subdomain/);
    expect(userError(tls('Bad_Name'))).toMatch(/^shop\/ing: tls\[0\]\.secret "Bad_Name" is not valid/);
    const port = (port: unknown) => () => render((p) => new Ingress(p, 'ing', { rules: [{ host: 'a.example.com', paths: [{ service: { name: 's' }, port: port as any }] }] }));
    expect(userError(port({}))).toBe('shop/ing: rules[0].paths[0].port {} is not valid: expected a port number (1 to 65535) or a port name');
    expect(userError(port(70000))).toMatch(/^shop\/ing: rules\[0\]\.paths\[0\]\.port 70000 is not valid/);
    expect(userError(port('Not A Name'))).toMatch(/^shop\/ing: rules\[0\]\.paths\[0\]\.port "Not A Name" is not valid: expected a port name/);
  });

  test('a negative resource amount is named as such, not as a request above its limit', () => {
    expect(userError(() => render((p) => new WebService(p, 'w', { containers: [{ ...WEB, resources: { memory: { limit: '-1Mi' } } }] })))).toBe(
      'shop/w: containers[0].resources.memory.limit "-1Mi" is not valid: expected an amount of 0 or more, such as "128Mi"',
    );
  });

  test('ConfigMap and Secret keys ".", ".." and "..x"; content over 1 MiB', () => {
    for (const key of ['.', '..', '..data', '../etc', 'bad key!']) {
      expect(userError(() => render((p) => new ConfigMap(p, 'cm', { data: { [key]: 'x' } })))).toMatch(/^shop\/cm: data key .* is not valid/);
      expect(userError(() => render((p) => new Secret(p, 's', { stringData: { [key]: 'x' }, allowLiteralData: true })))).toMatch(/^shop\/s: stringData key .* is not valid/);
    }
    const big = 'x'.repeat(1024 * 1024 + 1);
    expect(userError(() => render((p) => new ConfigMap(p, 'cm', { data: { a: big } })))).toContain(
      'shop/cm: the ConfigMap holds 1.00 MiB (1048577 bytes), and the API server takes at most 1.00 MiB (1048576 bytes)',
    );
    // added after construction, and from a file, counts too
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-big-'));
    fs.writeFileSync(path.join(dir, 'blob.bin'), Buffer.alloc(1024 * 1024, 1));
    expect(userError(() => render((p) => new ConfigMap(p, 'cm', { data: { a: 'x' } }).addFile(path.join(dir, 'blob.bin'))))).toContain('the ConfigMap holds 1.00 MiB (1048577 bytes)');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(userError(() => render((p) => new Secret(p, 's', { stringData: { a: big }, allowLiteralData: true })))).toBe(
      'shop/s: the Secret holds 1.00 MiB (1048577 bytes), and the API server takes at most 1.00 MiB (1048576 bytes)',
    );
    expect(() => render((p) => new ConfigMap(p, 'cm', { data: { a: 'x'.repeat(1024 * 1024) } }))).not.toThrow();
  });

  test('a values-level case: a 299-character tlsSecret (its schema takes any DNS name, the Secret name is at most 253) fails synth with the construct path', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-out-'));
    try {
      const result = runCli(REPO, ['synth', '--env', 'prod', '--release', 'hello', '--set', `tlsSecret=${Array(5).fill('a'.repeat(59)).join('.')}`, '--out', path.join(out, 'dist')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/hello\/.*tls\[0\]\.secret "[a.]{199}… \(\d+ characters\) is not valid: expected a DNS-1123 subdomain/);
      // the user's line that made the construct, and no stack trace
      expect(result.stderr).toContain('\n  at apps/hello-web/index.ts:');
      expect(result.stderr).not.toMatch(/\n\s+at .*\(|node_modules|\blib\//);
      expect(fs.existsSync(path.join(out, 'dist'))).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('refused by the API server: found by validate', () => {
  // the API server's checks only: references to objects not in the input are another matter
  const findings = (yaml: string) => validateObjects(parseManifests('in.yaml', yaml).objects).filter((f) => f.severity === 'error' && f.rule !== 'ingress-backend');
  const one = (yaml: string) => findings(yaml).map((f) => `${f.rule} ${f.path}: ${f.message}`);

  test('a CronJob time zone', () => {
    const cron = (tz: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  timeZone: ${tz}\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: "c:1"}]}}}}\n`;
    expect(one(cron('Mars/Olympus'))).toEqual(['schema-format spec.timeZone: timeZone "Mars/Olympus" is not a time zone of the IANA database']);
    expect(one(cron('Europe/Paris'))).toEqual([]);
  });

  test("an Ingress TLS secretName and a backend port with neither name nor number", () => {
    const yaml = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  tls: [{secretName: "${'a'.repeat(300)}"}]\n  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: s, port: {}}}}]}}]\n`;
    expect(one(yaml)).toEqual([
      `name-format spec.tls[0].secretName: secretName "${'a'.repeat(57)}..." is not a Secret's name (lower-case letters, digits, "-" and ".", at most 253)`,
      'schema-required spec.rules[0].http.paths[0].backend.service.port: the backend names a Service but no port of it',
    ]);
  });

  test('a TLS Secret without its keys, Secret data that is not base64, content over 1 MiB', () => {
    expect(one('apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: kubernetes.io/tls\ndata: {tls.crt: "Y2VydA=="}\n')).toEqual([
      'schema-required data: a kubernetes.io/tls Secret needs the key "tls.key"',
    ]);
    expect(one('apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: kubernetes.io/tls\nstringData: {tls.crt: c, tls.key: k}\n')).toEqual([]);
    const bad = one('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {pin: "S3cr3t!not-base64"}\n');
    expect(bad).toEqual(['schema-format data.pin: the value of key "pin" is not base64 (the API server decodes every value of a Secret\'s data)']);
    expect(one(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "${'x'.repeat(1024 * 1024 + 1)}"}\n`)).toEqual([
      'schema-format : the ConfigMap holds 1.00 MiB (1048577 bytes), and the API server takes at most 1.00 MiB (1048576 bytes)',
    ]);
    expect(one('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {"..data": x}\n')).toHaveLength(1);
  });
});
