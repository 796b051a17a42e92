import * as fs from 'fs';

/**
 * Reading a text file a user names, with bounds: only a regular file (a
 * FIFO would block forever, `/dev/zero` never ends), at most `limit` bytes
 * (counted while reading, as `/proc` files report a size of 0), decoded as
 * UTF-8, or UTF-16 when a byte-order mark or the NUL pattern of UTF-16
 * says so. Bytes that are not valid UTF-8 are an error naming the line,
 * never silently replaced by U+FFFD.
 */

/** Why a text file cannot be read; the message completes "FILE cannot be read: …". */
export class TextFileError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'TextFileError';
  }
}

/** The largest values file read, by default. */
export const TEXT_FILE_LIMIT = 4 * 1024 * 1024;

export function readTextFile(file: string, limit = TEXT_FILE_LIMIT): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(err as NodeJS.ErrnoException);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new TextFileError(`it is ${kindOf(stat)}, not a regular file`, 'ENOTFILE');
    if (stat.size > limit) throw new TextFileError(tooBig(stat.size, limit), 'ETOOBIG');
    const chunks: Buffer[] = [];
    let total = 0;
    // the file's size and one byte more (to see its end in one read), or 64 KiB when it reports none (/proc);
    // not zero-filled: only the bytes read are kept
    const chunk = Buffer.allocUnsafe(stat.size > 0 && stat.size < 64 * 1024 ? stat.size + 1 : 64 * 1024);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new TextFileError(tooBig(total, limit, true), 'ETOOBIG');
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return decodeText(Buffer.concat(chunks));
  } finally {
    fs.closeSync(fd);
  }
}

/** Text from bytes: UTF-8 (a BOM dropped), or UTF-16 by its BOM or its NUL bytes; invalid UTF-8 is an error. */
export function decodeText(bytes: Buffer): string {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const start = bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
    return new TextDecoder(utf16, { fatal: false }).decode(bytes.subarray(start));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new TextFileError(`line ${line} holds bytes that are not UTF-8 (byte ${at + 1}: 0x${bytes[at].toString(16).padStart(2, '0')}); save the file as UTF-8`, 'EENCODING');
  }
}

/** 'utf-16le' or 'utf-16be' when the bytes are UTF-16 (YAML's own detection: a BOM, or a NUL in the first two bytes). */
function utf16Of(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  if (bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  return undefined;
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return 0;
}

function tooBig(size: number, limit: number, atLeast = false): string {
  return `it is ${atLeast ? 'more than ' : ''}${mib(size)}, and files of more than ${mib(limit)} are refused`;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openError(err: NodeJS.ErrnoException): TextFileError {
  switch (err.code) {
    case 'ENOENT':
      return new TextFileError('no such file', err.code);
    case 'ELOOP':
      return new TextFileError('its path is a loop of symbolic links', err.code);
    case 'EACCES':
    case 'EPERM':
      return new TextFileError('permission denied', err.code);
    case 'EISDIR':
      return new TextFileError('it is a folder, not a regular file', err.code);
    case 'ENOTDIR':
      return new TextFileError('a part of its path is not a folder', err.code);
    case 'ENAMETOOLONG':
      return new TextFileError('its name is too long', err.code);
    default:
      return new TextFileError(err.code ?? err.message, err.code);
  }
}
