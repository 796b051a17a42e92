/**
 * The props reference (docs/reference/constructs.md), rendered from the TSDoc
 * of lib/: the one place a construct's defaults are stated is the `@default`
 * of its props, and this page shows them. Written by `npm run docs:props`
 * (scripts/props-docs.js); test/docs/props-docs.test.ts fails when the
 * committed page differs.
 *
 * For every construct class exported from lib/index.ts whose constructor
 * takes a `*Props` interface: a section with the class's first sentence and a
 * table of every prop of that interface, inherited ones flattened (the
 * interface's own first, then those of what it extends, each in declaration
 * order), with its type as written, its `@default` (`@default - words` shown
 * as the words) and the first sentence of its TSDoc. Sections follow
 * lib/index.ts, under its `// Group` comments.
 */
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');
const INDEX = path.join(REPO, 'lib', 'index.ts');

export interface PropRow {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  /** The `@default` as written, without the `- ` of a worded default. */
  readonly defaultText: string | undefined;
  readonly worded: boolean;
  readonly description: string;
}

export interface ConstructDoc {
  readonly name: string;
  readonly group: string;
  readonly summary: string;
  readonly propsName: string;
  readonly props: readonly PropRow[];
}

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return ts.createProgram([INDEX], { ...config!.options, noEmit: true });
}

/** `{@link X}` and `{@link X | text}` as code or text; other markup kept. */
const plain = (text: string): string =>
  text
    .replace(/\{@link\s+([^}|\s]+)\s*\|\s*([^}]+)\}/g, '$2')
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The first sentence: of the first paragraph, up to a `.`, `!` or `?` outside
 * code that ends it or is followed by a space (not after "e.g." or "i.e.");
 * a paragraph that leads into an example with a colon ends with a full stop.
 */
export function firstSentence(text: string): string {
  const s = plain(text.trim().split(/\n\s*\n/)[0]).replace(/:$/, '.');
  let code = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '`') code = !code;
    if (code || !'.!?'.includes(c)) continue;
    if (i + 1 < s.length && s[i + 1] !== ' ') continue;
    if (/\b(e\.g|i\.e|etc|vs)$/.test(s.slice(0, i))) continue;
    return s.slice(0, i + 1);
  }
  return s;
}

const comment = (c: string | ts.NodeArray<ts.JSDocComment> | undefined): string => ts.getTextOfJSDocComment(c) ?? '';

function docsOf(node: ts.Node): { text: string; tags: ts.JSDocTag[] } {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return { text: docs.map((d) => comment(d.comment)).join(' ').trim(), tags: docs.flatMap((d) => [...(d.tags ?? [])]) };
}

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** Text in code, with a fence longer than any backtick run inside. */
function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The group comment (`// Workloads`) that heads the export statements after it. */
function groupOf(source: ts.SourceFile, statement: ts.Statement, previous: string): string {
  for (const range of ts.getLeadingCommentRanges(source.text, statement.pos) ?? []) {
    const text = source.text.slice(range.pos, range.end);
    if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) return text.replace(/^\/\/\s*/, '').replace(/\s*\(.*\)$/, '').replace(/:.*$/, '').trim();
  }
  return previous;
}

function isConstruct(checker: ts.TypeChecker, type: ts.Type): boolean {
  const seen = new Set<ts.Type>();
  const walk = (t: ts.Type): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    const symbol = t.getSymbol();
    if (symbol?.name === 'Construct' && (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.includes(`${path.sep}constructs${path.sep}`))) return true;
    return (checker.getBaseTypes(t as ts.InterfaceType) ?? []).some(walk);
  };
  return walk(type);
}

/** The `*Props` interface a constructor signature takes, by its declared parameter type. */
function propsInterface(checker: ts.TypeChecker, cls: ts.ClassDeclaration): ts.InterfaceDeclaration | undefined {
  const classSymbol = checker.getSymbolAtLocation(cls.name!)!;
  const statics = checker.getTypeOfSymbolAtLocation(classSymbol, cls);
  for (const signature of statics.getConstructSignatures()) {
    for (const parameter of signature.getParameters()) {
      const declaration = parameter.valueDeclaration;
      if (!declaration || !ts.isParameter(declaration) || !declaration.type || !ts.isTypeReferenceNode(declaration.type)) continue;
      let symbol = checker.getSymbolAtLocation(declaration.type.typeName);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      if (!symbol || !/Props$/.test(symbol.name)) continue;
      const found = (symbol.declarations ?? []).find(ts.isInterfaceDeclaration);
      if (found) return found;
    }
  }
  return undefined;
}

function propRow(checker: ts.TypeChecker, property: ts.Symbol): PropRow | undefined {
  const declaration = (property.declarations ?? []).find(ts.isPropertySignature);
  if (!declaration) return undefined;
  const { text, tags } = docsOf(declaration);
  const tag = tags.find((t) => t.tagName.text === 'default');
  let defaultText = tag ? comment(tag.comment).replace(/\s+/g, ' ').trim() : undefined;
  const worded = !!defaultText && /^-(\s|$)/.test(defaultText);
  if (worded) defaultText = plain(defaultText!.replace(/^-\s*/, ''));
  return {
    name: property.name,
    type: declaration.type ? declaration.type.getText().replace(/\s+/g, ' ').replace(/;\s*}/g, ' }').trim() : checker.typeToString(checker.getTypeOfSymbol(property)),
    required: !declaration.questionToken,
    defaultText: defaultText || undefined,
    worded,
    description: firstSentence(text),
  };
}

/** Every construct of lib/index.ts with a `*Props` interface, in the order it exports them. */
export function constructDocs(): ConstructDoc[] {
  const p = program();
  const checker = p.getTypeChecker();
  const source = p.getSourceFile(INDEX)!;
  const out: ConstructDoc[] = [];
  let group = '';
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    group = groupOf(source, statement, group);
    if (statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      let symbol = checker.getSymbolAtLocation(element.name)!;
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const cls = (symbol.declarations ?? []).find(ts.isClassDeclaration);
      if (!cls || !isConstruct(checker, checker.getDeclaredTypeOfSymbol(symbol))) continue;
      const props = propsInterface(checker, cls);
      if (!props) continue;
      const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(props.name)!);
      const rows = checker
        .getPropertiesOfType(type)
        .map((property) => propRow(checker, property))
        .filter((row): row is PropRow => !!row);
      out.push({ name: element.name.text, group, summary: firstSentence(docsOf(cls).text), propsName: props.name.text, props: rows });
    }
  }
  return out;
}

/** A literal default's value in code, words after it (`0 (every pod)`) as words. */
const LITERAL = /^('[^']*'|"[^"]*"|-?\d[\w.%]*|true|false|null|\[[^\]]*\]|\{[^}]*\})(.+)$/;

function defaultCell(row: PropRow): string {
  if (row.required) return 'required';
  if (row.defaultText === undefined) return '';
  if (row.worded) return cell(row.defaultText);
  const parts = LITERAL.exec(row.defaultText);
  return cell(parts ? `${code(parts[1])}${parts[2]}` : code(row.defaultText));
}

/** docs/reference/constructs.md. */
export function propsDocs(docs: readonly ConstructDoc[] = constructDocs()): string {
  const lines = [
    '# Constructs: props reference',
    '',
    '<!-- Generated by `npm run docs:props` from the TSDoc of lib/: edit the TSDoc, not this file. -->',
    '',
    'Every prop of every construct, with its default, rendered from the TSDoc',
    "of the construct's props interface (the `@default` of each prop is the one",
    'place a default is stated). Inherited props are listed with the others: the',
    "interface's own first, then those of what it extends. For what each",
    'construct makes and the opinions behind the defaults, see the',
    '[construct guide](../constructs.md).',
    '',
  ];
  let group = '';
  for (const doc of docs) {
    if (doc.group !== group) {
      group = doc.group;
      lines.push(`## ${group}`, '');
    }
    lines.push(`### ${doc.name}`, '');
    if (doc.summary) lines.push(doc.summary, '');
    lines.push(`Props: \`${doc.propsName}\`.`, '');
    lines.push('| prop | type | default | description |', '| --- | --- | --- | --- |');
    for (const row of doc.props) {
      lines.push(`| \`${row.name}\` | ${cell(code(row.type))} | ${defaultCell(row)} | ${cell(row.description)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * lib/construct/prop-names.ts: the prop names of every construct's props
 * interface, by interface name, so a construct can tell a misspelled prop
 * (`replica: 4`) at run time, where the compiler is not asked. Generated
 * from the same interfaces as the reference, so the two cannot drift.
 */
export function propNamesSource(docs: readonly ConstructDoc[] = constructDocs()): string {
  const byInterface = new Map<string, readonly string[]>();
  for (const doc of docs) byInterface.set(doc.propsName, doc.props.map((p) => p.name));
  const entries = [...byInterface].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    '// Generated by `npm run docs:props` from the props interfaces of lib/: do not edit.',
    '',
    '/** The props of each construct props interface, by interface name (see checkPropNames in ./checks.ts). */',
    'export const PROP_NAMES = {',
    ...entries.map(([name, props]) => `  ${name}: [${props.map((p) => `'${p}'`).join(', ')}],`),
    '} as const satisfies Record<string, readonly string[]>;',
    '',
  ].join('\n');
}
