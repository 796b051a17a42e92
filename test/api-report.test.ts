/**
 * The public API report: every name the package's entry points export, with
 * its kind and signature, compared with the committed api/chartwright.api.md
 * so that a change to the surface shows in review (what api-extractor does,
 * with the TypeScript compiler that is already a dependency).
 *
 * It also fails on a "forgotten export": a type that an exported signature
 * names but that no entry point exports, which a user could not name.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.join(__dirname, '..');
const REPORT = path.join(REPO, 'api', 'chartwright.api.md');
const UPDATE = 'UPDATE_API_REPORT=1 npx jest test/api-report.test.ts';

/**
 * Types a public signature names that are not exported on purpose (what
 * api-extractor calls @internal), each with the reason. Keep this list short.
 */
const UNEXPORTED: Record<string, string> = {
  Amounts: 'LimitRangeItem: amounts of cpu, memory, ephemeral-storage, storage (a local type of limit-range.ts)',
  PodTemplateOptions: "Workload's protected constructor: how the library's own workloads build their pods",
  RenderedPodTemplate: "Workload.pod: the rendered pod template, an implementation detail of the library's workloads",
  Selectable: 'NetworkPeer.pods(): labels, or anything with a `selector` (a local type of network-policy.ts)',
};

/**
 * Kubernetes API types (`k8s.Volume`, `k8s.Probe`…) are cdk8s-plus-28's
 * generated types, of which this file is a copy of the part lib/ uses (so a
 * project's type check does not read the whole generated file): users name
 * them as cdk8s-plus-28's `k8s.*`, the same types structurally.
 */
const GENERATED_K8S_TYPES = path.join(REPO, 'lib', 'construct', 'k8s-types.ts');

/** The package's entry points: the `exports` map of package.json, read back to its sources. */
function entryPoints(): Array<{ subpath: string; file: string }> {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const out: Array<{ subpath: string; file: string }> = [];
  for (const [subpath, target] of Object.entries<unknown>(pkg.exports)) {
    if (typeof target !== 'object' || target === null) continue; // ./package.json
    const js = (target as Record<string, string>).default;
    const source = js.replace(/^\.\/build\//, '').replace(/\.js$/, '.ts');
    out.push({ subpath, file: path.join(REPO, source) });
  }
  return out;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/;\s*}/g, ' }').trim();

interface Entry {
  readonly name: string;
  readonly kind: string;
  readonly lines: string[];
}

class Reporter {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Every declaration any entry point exports. */
  readonly exported = new Set<ts.Declaration>();
  readonly forgotten = new Map<string, Set<string>>();

  constructor(files: readonly string[]) {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    this.program = ts.createProgram([...files], { ...config!.options, noEmit: true });
    this.checker = this.program.getTypeChecker();
    checker = this.checker;
  }

  exportsOf(file: string): Array<{ name: string; symbol: ts.Symbol }> {
    const source = this.program.getSourceFile(file)!;
    const module = this.checker.getSymbolAtLocation(source)!;
    return this.checker
      .getExportsOfModule(module)
      .map((s) => ({ name: s.name, symbol: s.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(s) : s }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  markExported(file: string): void {
    for (const { symbol } of this.exportsOf(file)) for (const d of symbol.declarations ?? []) this.exported.add(d);
  }

  report(file: string): Entry[] {
    return this.exportsOf(file).flatMap(({ name, symbol }) => (symbol.declarations ?? []).map((d) => this.entry(name, d)));
  }

  private entry(name: string, decl: ts.Declaration): Entry {
    const c = this.checker;
    if (ts.isClassDeclaration(decl)) {
      const heritage = (decl.heritageClauses ?? []).map((h) => oneLine(h.getText())).join(' ');
      const lines = [`${abstract(decl)}class ${name}${typeParameters(decl)}${heritage ? ' ' + heritage : ''}`];
      this.scan(name, decl.heritageClauses);
      this.scan(name, decl.typeParameters);
      for (const m of decl.members) {
        if (isHidden(m)) continue;
        const line = this.member(m);
        if (line) lines.push('  ' + line);
        this.scanMember(name, m);
      }
      return { name, kind: 'class', lines };
    }
    if (ts.isInterfaceDeclaration(decl)) {
      const heritage = (decl.heritageClauses ?? []).map((h) => oneLine(h.getText())).join(' ');
      const lines = [`interface ${name}${typeParameters(decl)}${heritage ? ' ' + heritage : ''}`];
      this.scan(name, decl.heritageClauses);
      this.scan(name, decl.typeParameters);
      for (const m of decl.members) {
        lines.push('  ' + this.member(m));
        this.scanMember(name, m);
      }
      return { name, kind: 'interface', lines };
    }
    if (ts.isFunctionDeclaration(decl)) {
      this.scan(name, decl.typeParameters);
      decl.parameters.forEach((p) => this.scan(name, p.type));
      this.scan(name, decl.type);
      const signature = c.getSignatureFromDeclaration(decl)!;
      return { name, kind: 'function', lines: [`function ${name}${c.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature).replace(/ => /, ': ')}`] };
    }
    if (ts.isTypeAliasDeclaration(decl)) {
      this.scan(name, decl.type);
      // a type derived from a value (`(typeof X)[number]`, `z.infer<typeof s>`) shows what it comes to
      const text = decl.typeParameters || !/\btypeof\b|\binfer\b/.test(decl.type.getText())
        ? oneLine(decl.type.getText())
        : c.typeToString(c.getTypeAtLocation(decl), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
      return { name, kind: 'type', lines: [`type ${name}${typeParameters(decl)} = ${text}`] };
    }
    if (ts.isEnumDeclaration(decl)) {
      return { name, kind: 'enum', lines: [`enum ${name}`, ...decl.members.map((m) => `  ${oneLine(m.getText())}`)] };
    }
    if (ts.isVariableDeclaration(decl)) {
      this.scan(name, decl.type);
      const constness = decl.parent.flags & ts.NodeFlags.Const ? 'const' : 'let';
      const type = decl.type ? oneLine(decl.type.getText()) : c.typeToString(c.getTypeAtLocation(decl), decl, ts.TypeFormatFlags.NoTruncation);
      return { name, kind: constness, lines: [`${constness} ${name}: ${type}`] };
    }
    return { name, kind: ts.SyntaxKind[decl.kind], lines: [`${ts.SyntaxKind[decl.kind]} ${name}`] };
  }

  /** One member of a class or interface: its declared text without body or initializer. */
  private member(m: ts.ClassElement | ts.TypeElement): string | undefined {
    const c = this.checker;
    const mods = modifiers(m);
    const name = m.name ? m.name.getText() : '';
    if (ts.isConstructorDeclaration(m)) return `constructor(${m.parameters.map((p) => oneLine(withoutInitializer(p))).join(', ')})`;
    if (ts.isPropertyDeclaration(m) || ts.isPropertySignature(m)) {
      const type = m.type ? oneLine(m.type.getText()) : c.typeToString(c.getTypeAtLocation(m), m, ts.TypeFormatFlags.NoTruncation);
      return `${mods}${name}${m.questionToken ? '?' : ''}: ${type}`;
    }
    if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) {
      const params = m.parameters.map((p) => oneLine(withoutInitializer(p))).join(', ');
      const type = m.type ? oneLine(m.type.getText()) : c.typeToString(c.getSignatureFromDeclaration(m)!.getReturnType(), m, ts.TypeFormatFlags.NoTruncation);
      return `${mods}${name}${m.questionToken ? '?' : ''}${typeParameters(m)}(${params}): ${type}`;
    }
    if (ts.isGetAccessorDeclaration(m)) {
      const type = m.type ? oneLine(m.type.getText()) : c.typeToString(c.getTypeAtLocation(m), m, ts.TypeFormatFlags.NoTruncation);
      return `${mods}get ${name}(): ${type}`;
    }
    if (ts.isSetAccessorDeclaration(m)) return `${mods}set ${name}(${m.parameters.map((p) => oneLine(withoutInitializer(p))).join(', ')})`;
    if (ts.isIndexSignatureDeclaration(m) || ts.isCallSignatureDeclaration(m) || ts.isConstructSignatureDeclaration(m)) return oneLine(m.getText());
    if (ts.isClassStaticBlockDeclaration(m) || ts.isSemicolonClassElement(m)) return undefined;
    return oneLine(m.getText());
  }

  private scanMember(owner: string, m: ts.Node): void {
    if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) {
      this.scan(owner, m.typeParameters);
      m.parameters.forEach((p) => this.scan(owner, p.type));
      this.scan(owner, m.type);
    } else if (ts.isPropertyDeclaration(m)) {
      this.scan(owner, m.type);
    } else {
      this.scan(owner, m);
    }
  }

  /** Records types declared in lib/ that `node` names and no entry point exports. */
  private scan(owner: string, node: ts.Node | ts.NodeArray<ts.Node> | undefined): void {
    if (!node) return;
    if (Array.isArray(node)) {
      (node as ts.NodeArray<ts.Node>).forEach((n) => this.scan(owner, n));
      return;
    }
    const visit = (n: ts.Node): void => {
      // `typeof X` needs no export: a user never writes X's name to use the type
      if (ts.isTypeReferenceNode(n) || ts.isExpressionWithTypeArguments(n)) {
        const at = ts.isTypeReferenceNode(n) ? n.typeName : n.expression;
        let symbol = this.checker.getSymbolAtLocation(at);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
        for (const d of symbol?.declarations ?? []) {
          const file = d.getSourceFile().fileName;
          if (!file.startsWith(path.join(REPO, 'lib') + path.sep) || file === GENERATED_K8S_TYPES || ts.isTypeParameterDeclaration(d)) continue;
          if (this.exported.has(d) || UNEXPORTED[symbol!.name] !== undefined) continue;
          const key = `${symbol!.name} (${path.relative(REPO, file)})`;
          if (!this.forgotten.has(key)) this.forgotten.set(key, new Set());
          this.forgotten.get(key)!.add(owner);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(node as ts.Node);
  }
}

function isHidden(m: ts.ClassElement): boolean {
  const flags = ts.getCombinedModifierFlags(m as ts.Declaration);
  if (flags & ts.ModifierFlags.Private) return true;
  if (m.name && ts.isPrivateIdentifier(m.name)) return true;
  return ts.getJSDocTags(m).some((t) => t.tagName.text === 'internal');
}

function modifiers(m: ts.Node): string {
  const flags = ts.canHaveModifiers(m) ? ts.getCombinedModifierFlags(m as ts.Declaration) : 0;
  return [
    flags & ts.ModifierFlags.Protected ? 'protected ' : '',
    flags & ts.ModifierFlags.Static ? 'static ' : '',
    flags & ts.ModifierFlags.Abstract ? 'abstract ' : '',
    flags & ts.ModifierFlags.Readonly ? 'readonly ' : '',
  ].join('');
}

function abstract(decl: ts.ClassDeclaration): string {
  return ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Abstract ? 'abstract ' : '';
}

function typeParameters(decl: { readonly typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }): string {
  return decl.typeParameters ? `<${decl.typeParameters.map((t) => oneLine(t.getText())).join(', ')}>` : '';
}

let checker: ts.TypeChecker;

/** A parameter as a signature shows it: a default makes it optional, and its type is spelled out. */
function withoutInitializer(p: ts.ParameterDeclaration): string {
  const type = p.type ? p.type.getText() : checker.typeToString(checker.getTypeAtLocation(p), p, ts.TypeFormatFlags.NoTruncation);
  return `${p.dotDotDotToken ? '...' : ''}${p.name.getText()}${p.questionToken || p.initializer ? '?' : ''}: ${type}`;
}

function render(): { text: string; counts: Record<string, number>; forgotten: Map<string, Set<string>> } {
  const entries = entryPoints();
  const reporter = new Reporter(entries.map((e) => e.file));
  entries.forEach((e) => reporter.markExported(e.file));
  const counts: Record<string, number> = {};
  const parts = [
    '# chartwright: public API report',
    '',
    `Generated by test/api-report.test.ts from the entry points in package.json's \`exports\`; do not edit.`,
    `After a deliberate change to the public API: \`${UPDATE}\`, and review the diff.`,
  ];
  for (const { subpath, file } of entries) {
    const report = reporter.report(file);
    const names = new Set(report.map((e) => e.name));
    counts[subpath] = names.size;
    const specifier = subpath === '.' ? 'chartwright' : `chartwright/${subpath.slice(2)}`;
    parts.push('', `## \`${specifier}\` (${path.relative(REPO, file)}): ${names.size} names`, '', '```ts');
    for (const entry of report) parts.push(...entry.lines);
    parts.push('```');
  }
  return { text: parts.join('\n') + '\n', counts, forgotten: reporter.forgotten };
}

describe('public API', () => {
  const { text, counts, forgotten } = render();

  test('matches the committed report api/chartwright.api.md', () => {
    if (process.env.UPDATE_API_REPORT === '1') {
      fs.mkdirSync(path.dirname(REPORT), { recursive: true });
      fs.writeFileSync(REPORT, text);
    }
    const committed = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '';
    if (committed !== text) {
      throw new Error(
        `The public API changed (now ${Object.entries(counts).map(([k, v]) => `${k}: ${v} names`).join(', ')}) and api/chartwright.api.md does not show it.\n` +
          `If the change is meant, run \`${UPDATE}\` and commit the report; otherwise export only what users need from lib/index.ts.\n\n` +
          firstDifference(committed, text),
      );
    }
  });

  test('every type an exported signature names is exported too', () => {
    const lines = [...forgotten].map(([type, users]) => `  ${type}, named by ${[...users].sort().join(', ')}`).sort();
    expect(lines).toEqual([]);
  });

  test('the docs, templates and examples import only exported names from "chartwright"', () => {
    const exported = new Set(text.split('\n').map((l) => /^(?:abstract )?(?:class|interface|function|type|enum|const|let) (\w+)/.exec(l)?.[1]).filter(Boolean));
    const files = [
      path.join(REPO, 'README.md'),
      ...fs.readdirSync(path.join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(REPO, 'docs', f)),
    ];
    const missing: string[] = [];
    for (const file of files) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/import \{([^}]*)\} from 'chartwright'/g)) {
        for (const name of match[1].split(',').map((n) => n.trim().replace(/^type /, '')).filter(Boolean)) {
          if (!exported.has(name)) missing.push(`${path.relative(REPO, file)}: ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `first difference at line ${i + 1}:\n- ${left[i] ?? '(end of file)'}\n+ ${right[i] ?? '(end of file)'}`;
  }
  return '';
}
