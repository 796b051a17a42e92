import { z } from 'zod';
import { UserError } from '../../lib';
import { ValuesLayer } from '../../lib/values/layers';
import { resolveValues } from '../../lib/values/resolve';
import { isSecretName, isSensitivePath } from '../../lib/values/sensitive';
import { describeSet, parseSet } from '../../lib/values/set';

const schema = z.object({
  dbPassword: z.string().min(12),
  apiToken: z.string().optional(),
  tokenTtlSeconds: z.number().int().meta({ sensitive: false }).default(60),
  license: z.string().meta({ sensitive: true }).optional(),
  auth: z.object({ credentials: z.record(z.string(), z.string()).default({}) }).default({ credentials: {} }),
  existingSecretName: z.string().optional(),
  replicas: z.number().int().default(1),
});
const Pkg = { name: 'Pkg', metadata: { name: 'pkg', version: '1.0.0' }, values: schema };

function failure(layers: ValuesLayer[]): UserError {
  try {
    resolveValues(Pkg, layers);
  } catch (err) {
    if (UserError.isUserError(err)) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('sensitive values', () => {
  test('the naming rule, and the schema flag that overrides it', () => {
    for (const key of ['password', 'dbPassword', 'passwd', 'passphrase', 'apiToken', 'clientSecret', 'api_key', 'apiKey', 'privateKey', 'credentials']) expect(isSecretName(key)).toBe(true);
    for (const key of ['existingSecretName', 'tokenRef', 'passwordFile', 'replicas', 'image', 'secretKeyName', 'tlsSecret', 'existingSecret', 'imagePullSecrets']) expect(isSecretName(key)).toBe(false);
    expect(isSensitivePath(schema, ['license'])).toBe(true); // flagged
    expect(isSensitivePath(schema, ['tokenTtlSeconds'])).toBe(false); // named like one, flagged not
    expect(isSensitivePath(schema, ['auth', 'credentials', 'anything'])).toBe(true); // below a secret's key
    expect(isSensitivePath(schema, ['replicas'])).toBe(false);
  });

  test('a --set of a secret is never printed: not as the source, not as the value given', () => {
    const set = 'dbPassword=S3cr3t!,replicas=many';
    const err = failure([{ source: `--set ${describeSet(set)}`, data: parseSet(set) }]);
    expect(err.message).not.toContain('S3cr3t');
    expect(err.message).toContain('dbPassword: expected string to have >=12 characters, got a string (not shown: a secret\'s value) (from --set dbPassword=…,replicas=…)');
    // the value of an ordinary field is shown, as it helps
    expect(err.message).toContain('replicas: expected number, got string "many"');
    expect(JSON.stringify(err.problems)).not.toContain('S3cr3t');
    expect(err.problems!.find((p) => p.field === 'dbPassword')!.given).toBeUndefined();
  });

  test('flagged values and values under a secret key are redacted in type errors', () => {
    const err = failure([{ source: 'values.yaml', data: { dbPassword: 'long-enough-secret', license: 424242, auth: { credentials: { admin: 987654 } } } }]);
    expect(err.message).toContain('license: expected string, got a number (not shown: a secret\'s value)');
    expect(err.message).toContain('auth.credentials.admin: expected string, got a number (not shown: a secret\'s value)');
    expect(err.message).not.toMatch(/424242|987654/);
  });
});
