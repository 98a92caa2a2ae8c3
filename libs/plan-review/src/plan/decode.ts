import { InputError } from '../errors';

/**
 * Decodes a text file the way Windows shells and editors may have saved it: UTF-8 with or
 * without a BOM, UTF-16 LE or BE with a BOM, or BOM-less UTF-16 (detected from the zero bytes
 * of an ASCII first character). Throws an {@link InputError} for bytes that are not text.
 */
export function decodeText(bytes: Uint8Array, name = 'input'): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xff, 0xfe])) return utf16le(buffer.subarray(2));
  if (startsWith(buffer, [0xfe, 0xff])) return utf16be(buffer.subarray(2));
  if (buffer.length >= 2 && buffer[0] !== 0 && buffer[1] === 0) return utf16le(buffer);
  if (buffer.length >= 2 && buffer[0] === 0 && buffer[1] !== 0) return utf16be(buffer);
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    throw new InputError(
      `${name}: this is a binary plan file; convert it with "terraform show -json PLANFILE > plan.json"`,
    );
  }
  return utf8(buffer, name);
}

function startsWith(buffer: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}

/** UTF-8, a byte order mark dropped (TextDecoder's default). */
function utf8(buffer: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new InputError(`${name}: not a text file (neither UTF-8 nor UTF-16)`);
  }
}

function utf16le(buffer: Buffer): string {
  return buffer.subarray(0, buffer.length - (buffer.length % 2)).toString('utf16le');
}

function utf16be(buffer: Buffer): string {
  const even = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  return even.swap16().toString('utf16le');
}
