/**
 * Every prop's doc has a sentence and its @default (issue 13, "Documentation
 * a user can navigate"): the TSDoc of the props a user writes is what the
 * typedoc API reference and an editor's hover show, so each property of an
 * exported `*Props` or `*Options` interface, and of every interface of lib/
 * reachable through their property types, says what it is in at least one
 * sentence, and an optional one says what happens when it is left out:
 * `@default <value>`, or `@default - <words>` for a computed or absent default
 * (`@default - none`).
 *
 * Contracts a class implements (`IResource`, `IPodSelector`…) are not props a
 * user writes, so the walk does not enter them. Nor does it enter object types
 * written inline (`role: { kind; name }`): the prop that has one documents its
 * fields, since api/chartwright.api.md shows inline types with their comments.
 */
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.join(__dirname, '..');
const LIB = path.join(REPO, 'lib') + path.sep;
const INDEX = path.join(REPO, 'lib', 'index.ts');

/**
 * Props let through without a sentence or a @default, each
 * `Interface.prop: missing sentence|missing @default`: none. Keep it empty;
 * an entry that no longer fails is reported as stale by the second test.
 */
const ALLOWED: readonly string[] = [];

function program(): { checker: ts.TypeChecker; source: ts.SourceFile } {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const p = ts.createProgram([INDEX], { ...config!.options, noEmit: true });
  return { checker: p.getTypeChecker(), source: p.getSourceFile(INDEX)! };
}

// lib/construct/k8s-types.ts is generated from cdk8s-plus-28's Kubernetes types and keeps their docs as they are
const GENERATED = path.join(REPO, 'lib', 'construct', 'k8s-types.ts');
const inLib = (node: ts.Node): boolean => node.getSourceFile().fileName.startsWith(LIB) && node.getSourceFile().fileName !== GENERATED;
const isContract = (name: string): boolean => /^I[A-Z]/.test(name);

function problems(checker: ts.TypeChecker, source: ts.SourceFile): string[] {
  const roots: ts.InterfaceDeclaration[] = [];
  for (let symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    if (!/(Props|Options)$/.test(symbol.name)) continue;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const d of symbol.declarations ?? []) if (ts.isInterfaceDeclaration(d)) roots.push(d);
  }

  const seen = new Set<ts.InterfaceDeclaration>();
  const aliases = new Set<ts.TypeAliasDeclaration>();
  const queue: ts.InterfaceDeclaration[] = [];
  const reach = (shape: ts.InterfaceDeclaration): void => {
    if (seen.has(shape) || !inLib(shape)) return;
    if (isContract(shape.name.text)) return;
    seen.add(shape);
    queue.push(shape);
  };
  /** The interfaces of lib/ that a type annotation names, through type aliases too. */
  const reachFrom = (type: ts.Node | undefined): void => {
    if (!type) return;
    const visit = (n: ts.Node): void => {
      if (ts.isTypeReferenceNode(n) || ts.isExpressionWithTypeArguments(n)) {
        let symbol = checker.getSymbolAtLocation(ts.isTypeReferenceNode(n) ? n.typeName : n.expression);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const d of symbol?.declarations ?? []) {
          if (ts.isInterfaceDeclaration(d)) reach(d);
          else if (ts.isTypeAliasDeclaration(d) && inLib(d) && !aliases.has(d)) {
            aliases.add(d);
            reachFrom(d.type);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(type);
  };
  roots.forEach(reach);

  const found = new Set<string>();
  while (queue.length > 0) {
    const shape = queue.shift()!;
    // what it extends is checked where it is declared
    for (const h of shape.heritageClauses ?? []) h.types.forEach(reachFrom);
    for (const member of shape.members) {
      if (!ts.isPropertySignature(member)) continue;
      reachFrom(member.type);
      const where = `${shape.name.text}.${member.name.getText()}`;
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' ').trim();
      if (!/[A-Za-z]{2,}/.test(text)) found.add(`${where}: missing sentence`);
      if (member.questionToken) {
        const defaults = docs.flatMap((d) => d.tags ?? []).filter((t) => t.tagName.text === 'default');
        if (!defaults.some((t) => (ts.getTextOfJSDocComment(t.comment) ?? '').trim() !== '')) found.add(`${where}: missing @default`);
      }
    }
  }
  return [...found].sort();
}

describe('API docs', () => {
  const { checker, source } = program();
  const offenders = problems(checker, source);

  test('every property of the exported Props and Options has a sentence, and every optional one its @default', () => {
    const fresh = offenders.filter((o) => !ALLOWED.includes(o));
    if (fresh.length > 0) {
      throw new Error(
        `${fresh.length} props lack docs (write a sentence saying what the prop is; for an optional one, ` +
          `\`@default <value>\` or \`@default - <what happens when unset>\`, read from the code that uses it):\n` +
          fresh.map((o) => `  ${o}`).join('\n'),
      );
    }
  });

  test('the allow-list names only offenders that still exist', () => {
    expect(ALLOWED.filter((o) => !offenders.includes(o))).toEqual([]);
  });
});
