import { Command, FlagSpec, HELP_FLAG, synopsis } from './command';

/** Exit codes of every command, unless a command states its own. */
export const EXIT_CODES = '0 success, 1 the input is wrong (the message says what and where), 2 usage error';

const WIDTH = 100;

/** Markdown inline as terminal text: `code` → code, [text](page.md) → text. */
export function plain(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/`([^`]*)`/g, '$1');
}

/** Words of `text` in lines of at most `width` characters, the lines after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

/** A two-column list: names padded to one width, descriptions wrapped beside them. */
function table(rows: readonly (readonly [string, string])[], indent = 2): string {
  const nameWidth = Math.max(...rows.map(([name]) => name.length)) + 3;
  return rows
    .map(([name, text]) => ' '.repeat(indent) + name.padEnd(nameWidth) + wrap(text, WIDTH - indent - nameWidth, indent + nameWidth))
    .join('\n');
}

/** A flag's help line: `-f, --values FILE`, its description, repeatable and default. */
function flagRow(flag: FlagSpec): [string, string] {
  const name = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
  const notes = [flag.repeatable ? 'repeatable' : '', flag.required ? 'required' : ''].filter((n) => n !== '');
  const text = plain(flag.description) + (notes.length ? `; ${notes.join(', ')}` : '') + (flag.default ? ` (default: ${plain(flag.default)})` : '');
  return [name, text];
}

/** Paragraphs as terminal text: wrapped, `### Heading` as `Heading:`. */
function paragraphs(markdown: string): string {
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((p) => (p.startsWith('### ') ? `${plain(p.slice(4).trim())}:` : wrap(plain(p), WIDTH, 0)))
    .join('\n\n');
}

/** `Usage: chartwright synth [--app FILE] …`, wrapped. */
export function usageLine(command: Command): string {
  const prefix = `Usage: chartwright ${command.name} `;
  return (prefix + wrap(plain(synopsis(command)), WIDTH - prefix.length, prefix.length)).trimEnd();
}

/** `chartwright <command> --help`. */
export function commandHelp(command: Command): string {
  const parts = [
    wrap(`chartwright ${command.name}: ${plain(command.summary)}`, WIDTH, 2),
    usageLine(command),
  ];
  if (command.description) parts.push(paragraphs(command.description));
  if (command.args?.length) {
    parts.push(`Arguments:\n${table(command.args.map((a) => [a.name, plain(a.description) + (a.default ? ` (default: ${plain(a.default)})` : '')]))}`);
  }
  parts.push(`Options:\n${table([...command.flags, HELP_FLAG].map(flagRow))}`);
  if (command.examples.length) {
    parts.push(`Examples:\n${command.examples.map((e) => `  # ${plain(e.description)}\n  ${e.command}`).join('\n\n')}`);
  }
  parts.push(`Exit codes: ${command.exitCodes ?? EXIT_CODES}.`);
  return parts.join('\n\n');
}

/** `chartwright --help`: the commands and how to get more. */
export function mainHelp(commands: readonly Command[]): string {
  return [
    'Usage: chartwright <command> [options]',
    'Package Kubernetes applications as TypeScript and write ordered, validated manifest YAML.',
    `Commands:\n${table([...commands.map((c): [string, string] => [c.name, plain(c.summary)]), ['help', 'show the help of a command: help <command>']])}`,
    `Options:\n${table([['-h, --help', 'show this help'], ['    --version', "print chartwright's version"]])}`,
    "Run 'chartwright <command> --help' (or 'chartwright help <command>') for a command's options and examples.",
    `Exit codes: ${EXIT_CODES}.`,
  ].join('\n\n');
}
