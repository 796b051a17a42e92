/** `chartwright validate`'s reading of files: one file at a time, validated as one output. */
import { Finding } from './findings';
import { Reread, customResourceDefinitions, expandInputs, parseFile, readInput } from './input';
import { ValidateOptions, Validation, collectCustomResourceDefinitions } from './validation';

/**
 * Reads manifest files and folders and validates them as one output, each
 * file's objects checked and dropped before the next file is read: memory
 * grows with what the checks across objects keep (entries.ts), not with the
 * input. The CustomResourceDefinitions are read first, so that a custom
 * resource is checked against its CRD wherever the CRD is. Throws
 * UnreadableInputError when a file cannot be read.
 */
export function validateFiles(paths: readonly string[], options: ValidateOptions = {}): { files: string[]; objects: number; findings: Finding[] } {
  const files = expandInputs(paths);
  const validation = new Validation(options, collectCustomResourceDefinitions(customResourceDefinitions(files)));
  const findings: Finding[] = [];
  const reread = new Reread();
  let objects = 0;
  for (const file of files) {
    const parsed = parseFile(file, readInput(file), reread);
    for (const f of parsed.findings) findings.push(f);
    for (const o of parsed.objects) validation.check(o);
    objects += parsed.objects.length;
  }
  for (const f of validation.finish()) findings.push(f);
  return { files, objects, findings };
}
