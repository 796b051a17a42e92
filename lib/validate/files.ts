/** `chartwright validate`'s reading of files: one file at a time, validated as one output. */
import { Finding } from './findings';
import { Reread, expandInputs, parseFile, readInput, scanFiles } from './input';
import { ValidateOptions, Validation, collectCustomResourceDefinitions } from './validation';

/**
 * Reads manifest files and folders and validates them as one output, each
 * file's objects checked and dropped before the next file is read: memory
 * grows with what the checks across objects keep (entries.ts), not with the
 * input. What every object's checks need of all files is found first
 * (scanFiles: the CRDs, whether a Namespace sets Pod Security). Throws
 * UnreadableInputError when a file cannot be read.
 */
export function validateFiles(paths: readonly string[], options: ValidateOptions = {}): { files: string[]; objects: number; findings: Finding[] } {
  const files = expandInputs(paths);
  const scan = scanFiles(files);
  const validation = new Validation(options, collectCustomResourceDefinitions(scan.customResourceDefinitions), scan.podSecurity);
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
