import { CIDR, DNS1123_LABEL, DNS1123_SUBDOMAIN, ENV_VAR_NAME, HOSTNAME, portNameProblem } from '../../lib/kube/names';

describe('Kubernetes names', () => {
  test('DNS-1123 labels and subdomains', () => {
    expect(['web', 'a', 'web-2'].every((n) => DNS1123_LABEL.test(n))).toBe(true);
    expect(['-web', 'web-', 'Web', 'a.b', ''].some((n) => DNS1123_LABEL.test(n))).toBe(false);
    expect(DNS1123_SUBDOMAIN.test('a.b-c.d')).toBe(true);
    expect(DNS1123_SUBDOMAIN.test('a..b')).toBe(false);
  });

  test('host names take a leading wildcard', () => {
    expect(HOSTNAME.test('*.example.com')).toBe(true);
    expect(HOSTNAME.test('app.example.com')).toBe(true);
    expect(HOSTNAME.test('a.*.example.com')).toBe(false);
  });

  test('CIDRs, environment variable names and port names', () => {
    expect(CIDR.test('10.0.0.0/8') && CIDR.test('fd00::/8')).toBe(true);
    expect(CIDR.test('10.0.0.0')).toBe(false);
    expect(ENV_VAR_NAME.test('LOG_LEVEL') && ENV_VAR_NAME.test('a.b-c')).toBe(true);
    expect(ENV_VAR_NAME.test('1A')).toBe(false);
    expect(portNameProblem('http')).toBeUndefined();
    expect(portNameProblem('a--b')).toBe('contains "--"');
    expect(portNameProblem('8080')).toBe('has no letter');
    expect(portNameProblem('a-very-long-port-name')).toMatch(/at most 15/);
  });
});
