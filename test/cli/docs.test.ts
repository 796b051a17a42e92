import * as fs from 'fs';
import * as path from 'path';
import { cliDocs } from '../../lib/cli/docs';
import { COMMANDS } from '../../lib/cli/commands';
import { REPO } from '../support/project';

describe('docs/cli.md', () => {
  const docs = cliDocs();

  test('is what the command definitions generate (run `npm run docs:cli` after changing a command)', () => {
    expect(fs.readFileSync(path.join(REPO, 'docs', 'cli.md'), 'utf8')).toBe(docs);
  });

  test('has a section per command with every flag, argument and example', () => {
    for (const command of COMMANDS) {
      const start = docs.indexOf(`## \`chartwright ${command.name}\``);
      expect(start).toBeGreaterThan(0);
      const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
      for (const flag of command.flags) expect(section).toContain(`| \`--${flag.name}`);
      for (const arg of command.args ?? []) expect(section).toContain(arg.description);
      for (const example of command.examples) expect(section).toContain(`\n${example.command}\n`);
    }
  });

  test('keeps the anchors other pages link to', () => {
    expect(docs).toContain('## `chartwright validate`'); // validation.md: cli.md#chartwright-validate
    expect(docs).toContain('\n### Output\n'); // concepts.md: cli.md#output
  });
});
