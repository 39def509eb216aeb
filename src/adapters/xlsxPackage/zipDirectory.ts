import type { DeflateCodec } from './deflateCodec';

/*
 * Reading a zip's central directory and its entries' bytes, for zipPackage.ts (which says why the
 * container is read here). APPNOTE.TXT, the PKWARE zip specification, sections 4.3 and 4.4.
 */

/** A zip that cannot be read: bad structure, a checksum that does not match, encryption. */
export class ZipDamage extends Error {}

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
const END64_SIG = 0x06064b50;
const END64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
const STORED = 0;
export const DEFLATED = 8;

/** An entry as read from the central directory, its compressed bytes a view of the input. */
export interface StoredEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly versionMadeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
  readonly internalAttrs: number;
  readonly externalAttrs: number;
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** A 64-bit little-endian field; zip64 values beyond 2^53 are not files this tool opens. */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function need(cond: boolean, what: string): asserts cond {
  if (!cond) throw new ZipDamage(what);
}

/** The end of central directory record, searched backwards past a comment of up to 64 KiB. */
function findEnd(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= lowest; i--) if (u32(b, i) === END_SIG) return i;
  throw new ZipDamage('end of central directory not found');
}

/** The entries the central directory lists, in its order. */
export function readEntries(b: Uint8Array): StoredEntry[] {
  const end = findEnd(b);
  let count = u16(b, end + 10);
  let dirOffset = u32(b, end + 16);
  // Zip64: the real count and offset are in the zip64 end record its locator points to.
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20) {
    const locator = end - 20;
    if (u32(b, locator) === END64_LOCATOR_SIG) {
      const end64 = u64(b, locator + 8);
      need(end64 + 56 <= b.length && u32(b, end64) === END64_SIG, 'bad zip64 end record');
      count = u64(b, end64 + 32);
      dirOffset = u64(b, end64 + 48);
    }
  }
  const out: StoredEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    need(p + 46 <= b.length && u32(b, p) === CENTRAL_SIG, 'bad central directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLength);
    // Zip64 extra field: holds, in this order, those of the three values saturated above.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(b, x);
      const length = u16(b, x + 2);
      if (id === ZIP64_EXTRA) {
        let f = x + 4;
        if (size === 0xffffffff) {
          size = u64(b, f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, f);
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, f);
      }
      x += 4 + length;
    }
    need(localOffset + 30 <= b.length && u32(b, localOffset) === LOCAL_SIG, 'bad local header');
    // The local header's name and extra field may differ in length from the central one's.
    const dataStart = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    need(dataStart + compressedSize <= b.length, 'entry runs past the end of the file');
    out.push({
      name: flags & FLAG_UTF8 ? utf8.decode(nameBytes) : legacyName(nameBytes),
      nameBytes,
      versionMadeBy: u16(b, p + 4),
      flags,
      method,
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc: u32(b, p + 16),
      size,
      data: b.subarray(dataStart, dataStart + compressedSize),
      internalAttrs: u16(b, p + 36),
      externalAttrs: u32(b, p + 38),
    });
    p = extraEnd + commentLength;
  }
  return out;
}

/**
 * Names without the UTF-8 flag are in the archive's code page by the specification (IBM 437), but
 * producers write UTF-8 there too, so they are read as UTF-8 when they are valid UTF-8 (as JSZip
 * reads them) and byte for byte otherwise. Their bytes are written back as they were either way.
 */
function legacyName(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let s = '';
    for (const c of bytes) s += String.fromCharCode(c);
    return s;
  }
}

/** The inflated bytes of an entry, checked against its size and CRC. */
export function inflate(e: StoredEntry, codec: DeflateCodec): Uint8Array {
  if (e.flags & FLAG_ENCRYPTED) throw new ZipDamage(`${e.name}: encrypted entry`);
  let out: Uint8Array;
  if (e.method === STORED) out = e.data;
  else if (e.method === DEFLATED) {
    try {
      out = codec.inflate(e.data, e.size);
    } catch (err) {
      throw new ZipDamage(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else throw new ZipDamage(`${e.name}: unsupported compression method ${e.method}`);
  if (out.length !== e.size) throw new ZipDamage(`${e.name}: size mismatch`);
  if (codec.crc32(out, 0) !== e.crc) throw new ZipDamage(`${e.name}: CRC32 mismatch`);
  return out;
}
