import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ALLOW_LIST, SETUP, Case, Result, TABLE, agreementTable, chartwrightVerdict, comparison, readAllowList, readCorpus, updateDocuments } from '../support/corpus';
import { KUBECTL, describeCluster, eventually, kubectl, kubectlOk, scratch, waitEstablished } from './kube';

/**
 * chartwright's validation measured against a real API server: every case of
 * test/fixtures/apiserver-corpus/ through both, each verdict checked against
 * the case's expectation, chartwright's against the server's (except the
 * deliberate differences of corpus-allow-list.json), and the agreement table
 * docs/validation-agreement.md kept equal to what the run found
 * (UPDATE_AGREEMENT=1 rewrites it).
 */
const NAMESPACE = 'corpus';
/** kubectl processes at once: the cases are independent dry runs. */
const PARALLEL = 4;

interface Run {
  readonly code: number;
  readonly out: string;
}

function kubectlAsync(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(KUBECTL, [...args], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out: `${stderr}${stdout}` });
    });
  });
}

const firstError = (out: string): string => out.split('\n').find((l) => /error|invalid|forbidden|denied/i.test(l))?.trim() ?? out.trim().split('\n')[0] ?? '';

/** The server's verdict on a case: a dry run of the file (server-side apply, or create), or for an update case a real apply of the first document and a dry run of the second over it. */
async function serverVerdict(c: Case, dir: string): Promise<{ valid: boolean; message: string }> {
  if (!c.update) {
    const run = await kubectlAsync([...(c.create ? ['create'] : ['apply', '--server-side']), '--dry-run=server', '-n', NAMESPACE, '-f', c.file]);
    return { valid: run.code === 0, message: run.code === 0 ? '' : firstError(run.out) };
  }
  const [before, after] = updateDocuments(c);
  const first = path.join(dir, `${c.id.replace('/', '--')}.1.yaml`);
  const second = path.join(dir, `${c.id.replace('/', '--')}.2.yaml`);
  fs.writeFileSync(first, before);
  fs.writeFileSync(second, after);
  try {
    kubectlOk(['apply', '--server-side', '-n', NAMESPACE, '-f', first]);
    const run = await kubectlAsync(['apply', '--server-side', '--dry-run=server', '-n', NAMESPACE, '-f', second]);
    return { valid: run.code === 0, message: run.code === 0 ? '' : firstError(run.out) };
  } finally {
    kubectlOk(['delete', '--ignore-not-found', '--wait=true', '--cascade=background', '-n', NAMESPACE, '-f', first]);
  }
}

/** Runs `work` over `items`, `limit` at a time, keeping their order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function serverVersion(): string {
  const version = JSON.parse(kubectlOk(['version', '-o', 'json'])).serverVersion;
  return `${version.gitVersion}`;
}

describeCluster('the API-server corpus: chartwright validate and kubectl apply --dry-run=server', () => {
  const cases = readCorpus();
  const allowed = readAllowList();
  const { dir, remove } = scratch();
  let results: Result[] = [];
  afterAll(remove);

  beforeAll(async () => {
    kubectl(['create', 'namespace', NAMESPACE]);
    kubectlOk(['apply', '--server-side', '-f', SETUP]);
    waitEstablished(['-f', SETUP]);
    // ServiceAccount admission needs the namespace's default ServiceAccount before any Pod
    await eventually(`the default ServiceAccount of ${NAMESPACE}`, () => (kubectl(['get', 'serviceaccount', 'default', '-n', NAMESPACE]).code === 0 ? true : undefined));
    const plain = cases.filter((c) => !c.update);
    const updates = cases.filter((c) => c.update);
    const plainVerdicts = await pool(plain, PARALLEL, (c) => serverVerdict(c, dir));
    const updateVerdicts: Array<{ valid: boolean; message: string }> = [];
    for (const c of updates) updateVerdicts.push(await serverVerdict(c, dir)); // they share object names
    const server = new Map<Case, { valid: boolean; message: string }>();
    plain.forEach((c, i) => server.set(c, plainVerdicts[i]));
    updates.forEach((c, i) => server.set(c, updateVerdicts[i]));
    results = cases.map((c) => ({ case: c, serverValid: server.get(c)!.valid, serverMessage: server.get(c)!.message, chartwright: chartwrightVerdict(c) }));
  }, 600_000);

  test('the corpus holds at least 150 cases, valid and invalid ones', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.expectValid).length).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.expectValid).length).toBeGreaterThan(0);
  });

  test('the API server does with every case what the case expects', () => {
    const wrong = results
      .filter((r) => r.serverValid !== r.case.expectValid)
      .map((r) => `${r.case.id}: expected ${r.case.expectValid ? 'valid' : 'invalid'}, the server ${r.serverValid ? 'accepted it' : `rejected it: ${r.serverMessage}`}`);
    expect(wrong).toEqual([]);
  });

  test('chartwright agrees with the server, except the listed deliberate differences and known gaps', () => {
    const unexplained = results
      .filter((r) => {
        const how = comparison(r);
        return how !== 'agree' && how !== 'not-checked' && allowed[r.case.id]?.direction !== how;
      })
      .map((r) => `${r.case.id}: the server ${r.serverValid ? 'accepts' : `rejects (${r.serverMessage})`}, chartwright ${r.chartwright.valid ? 'accepts' : `rejects (${r.chartwright.rules.join(', ')})`}`);
    expect(unexplained).toEqual([]);
  });

  test('every entry of the allow-list still stands for a disagreement in its direction', () => {
    const byId = new Map(results.map((r) => [r.case.id, r]));
    const stale = Object.entries(allowed)
      .filter(([id, a]) => !byId.has(id) || comparison(byId.get(id)!) !== a.direction)
      .map(([id, a]) => `${id} (${a.direction}): ${byId.has(id) ? `now ${comparison(byId.get(id)!)}` : 'no such case'}; remove it from ${path.relative(process.cwd(), ALLOW_LIST)}`);
    expect(stale).toEqual([]);
  });

  test('docs/validation-agreement.md is the table this run finds', () => {
    const table = agreementTable(results, allowed, serverVersion().replace(/\+.*$/, '')) + '\n';
    if (process.env.UPDATE_AGREEMENT === '1') {
      fs.mkdirSync(path.dirname(TABLE), { recursive: true });
      fs.writeFileSync(TABLE, table);
    }
    expect(fs.existsSync(TABLE) ? fs.readFileSync(TABLE, 'utf8') : '(missing)').toBe(table);
  });
});
