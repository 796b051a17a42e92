import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../errors';

/** What a file-system error code means, in words, and what to do about it. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device: free some space and run again',
  EDQUOT: 'the disk quota is exceeded: free some space and run again',
  EACCES: 'permission denied: choose a folder you can write to',
  EPERM: 'operation not permitted: choose a folder you can write to',
  EROFS: 'the file system is read-only: choose a folder on a writable one',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long: choose a shorter path',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
  EIO: 'an input/output error from the device',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and run again',
  ENFILE: 'too many open files in the system',
  EBUSY: 'the file or folder is busy',
  EXDEV: 'the paths are on different file systems',
};

/** The path of an error shown relative to the working directory when it is below it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Whether `err` is an error of a file-system call (one with an errno `code`). */
export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  // not instanceof Error: errors of the fs module can come from another realm (a vm context, a test runner)
  return typeof err === 'object' && err !== null && /^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException).code));
}

/**
 * A file-system error as a UserError that says what was being done, to
 * which path, why it failed and what to do: `cannot write dist/dev/web.k8s.yaml:
 * no space left on the device: …`. Other errors are returned as they are.
 */
export function fileError(err: unknown, doing: string, file?: string): unknown {
  if (!isFileSystemError(err)) return err;
  const where = file ?? err.path;
  const reason = REASONS[err.code!] ?? `${err.code}`;
  return new UserError(`cannot ${doing}${where ? ` ${shownPath(where)}` : ''}: ${reason} (${err.code})`, { cause: err });
}

/** Flushes a file's or a folder's content to the device (a folder: the names in it). */
export function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces a file's content all at once: the text goes to a temporary file
 * beside it, flushed to the device, then renamed over the file, so a crash
 * or a full disk leaves either the old file or the new one, never a file
 * cut midway. A symbolic link is followed (its target is replaced, the link
 * stays); an existing file keeps its permissions.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  let target = path.resolve(file);
  let mode = 0o666 & ~process.umask();
  try {
    target = fs.realpathSync(target);
    mode = fs.statSync(target).mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(err, 'write', file);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target));
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw fileError(err, 'write', file);
  }
}
