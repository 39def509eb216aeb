import { fflateCodec, type DeflateCodec } from './deflateCodec';
import {
  CENTRAL_SIG,
  DEFLATED,
  END_SIG,
  FLAG_DESCRIPTOR,
  FLAG_UTF8,
  inflate,
  LOCAL_SIG,
  readEntries,
  type StoredEntry,
} from './zipDirectory';

export { ZipDamage } from './zipDirectory';

/*
 * The zip container of a .xlsx package, read and written here on top of raw DEFLATE (fflate's
 * inflateSync and Deflate, or Node's zlib: see deflateCodec.ts). fflate's own zip functions are
 * not used: unzipSync inflates every entry and hands back only the inflated bytes, and its Zip
 * writer recompresses whatever it is given, while this adapter's promise is that the parts it
 * does not change leave as they came. So the central directory is read here (zipDirectory.ts),
 * the compressed bytes of untouched entries are copied into the output as they are (never
 * inflated and deflated again), and only changed parts are compressed. (APPNOTE.TXT, the PKWARE
 * zip specification, sections 4.3 and 4.4, is the reference.)
 *
 * Part names are case-insensitive in OPC (ECMA-376 part 2, 9.1.1.1) and producers disagree on
 * case (xl/sharedStrings.xml, xl/SharedStrings.xml), so every lookup here ignores case and a part
 * written over keeps the name it had.
 */

/** Inflated parts at least this large are not kept after they are read (see bytes()). */
const KEEP_BELOW = 1 << 20;
/**
 * Text streamed into a part is gathered up to this many characters and encoded into a buffer that
 * goes to the compressor when full. Short strings die young: gathering a megabyte of text before
 * encoding it kept the pieces alive long enough to be promoted, and the collector's copying of
 * them cost more than the compression.
 */
const STREAM_PIECE = 1 << 14;
/** Room for a few pieces at 3 bytes a UTF-16 unit, the most UTF-8 takes. */
const STREAM_BUFFER = 1 << 18;

/** A part's new content: text, bytes, or text produced piece by piece when the package is saved. */
type NewContent =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'stream'; readonly write: (emit: (text: string) => void) => void };

interface Entry {
  /** The name as stored (or as first set, for a new part). */
  readonly name: string;
  readonly stored: StoredEntry | null;
  content: NewContent | null;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Compresses a part's new content; the text of a stream is encoded and deflated piece by piece. */
function compress(
  content: NewContent,
  codec: DeflateCodec,
): {
  chunks: Uint8Array[];
  compressedSize: number;
  size: number;
  crc: number;
} {
  const chunks: Uint8Array[] = [];
  let compressedSize = 0;
  let size = 0;
  let crc = 0;
  const deflate = codec.deflater((chunk) => {
    chunks.push(chunk);
    compressedSize += chunk.length;
  });
  const push = (bytes: Uint8Array, final: boolean): void => {
    size += bytes.length;
    crc = codec.crc32(bytes, crc);
    deflate.push(bytes, final);
  };
  if (content.kind === 'bytes') push(content.bytes, true);
  else {
    // The codec is done with a piece when push returns, so one buffer serves the whole part.
    const buffer = new Uint8Array(STREAM_BUFFER);
    let filled = 0;
    let pending = '';
    const encode = (): void => {
      if (filled + pending.length * 3 > buffer.length) {
        push(buffer.subarray(0, filled), false);
        filled = 0;
      }
      if (pending.length * 3 > buffer.length) push(encoder.encode(pending), false);
      else filled += encoder.encodeInto(pending, buffer.subarray(filled)).written;
      pending = '';
    };
    content.write((text) => {
      // A long text (the untouched stretch of a sheet between two edited rows) goes in pieces,
      // never cut between the two halves of a surrogate pair, which would encode as U+FFFD.
      let at = 0;
      while (text.length - at > STREAM_PIECE) {
        let to = at + STREAM_PIECE;
        const last = text.charCodeAt(to - 1);
        if (last >= 0xd800 && last <= 0xdbff) to++;
        pending += text.slice(at, to);
        encode();
        at = to;
      }
      pending += at === 0 ? text : text.slice(at);
      if (pending.length >= STREAM_PIECE) encode();
    });
    encode();
    push(buffer.subarray(0, filled), true);
  }
  return { chunks, compressedSize, size, crc };
}

/** Writes little-endian fields into a header being built. */
class Header {
  readonly bytes: Uint8Array;
  private at = 0;
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
  }
  u16(v: number): this {
    this.bytes[this.at++] = v & 0xff;
    this.bytes[this.at++] = (v >>> 8) & 0xff;
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  raw(b: Uint8Array): this {
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

/**
 * A package's entries: read from bytes, looked up and replaced by part name (case ignored),
 * written back with every entry not set or removed copied as it was stored.
 */
export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byLower = new Map<string, Entry>();
  /** Inflated bytes of entries checked at read and not yet handed out (see bytes()). */
  private readonly inflated = new Map<Entry, Uint8Array>();

  private constructor(private readonly codec: DeflateCodec) {}

  /**
   * Reads a zip. Every entry is inflated and its CRC checked now: a damaged entry is damage even
   * in a part this adapter never reads (a theme, a picture), since the writer copies those parts
   * as they are. Throws ZipDamage.
   */
  static read(bytes: Uint8Array, codec: DeflateCodec = fflateCodec): ZipPackage {
    const pkg = new ZipPackage(codec);
    for (const stored of readEntries(bytes)) {
      const entry: Entry = { name: stored.name, stored, content: null };
      pkg.entries.push(entry);
      if (stored.name.endsWith('/')) continue; // a folder entry: kept, but not a part
      pkg.byLower.set(stored.name.toLowerCase(), entry);
      pkg.inflated.set(entry, inflate(stored, codec));
    }
    return pkg;
  }

  /** An empty package, for building one from nothing (tests). */
  static empty(codec: DeflateCodec = fflateCodec): ZipPackage {
    return new ZipPackage(codec);
  }

  private entry(path: string): Entry | undefined {
    return this.byLower.get(path.toLowerCase());
  }

  /** The part names, in the archive's order (folder entries left out). */
  paths(): string[] {
    return this.entries
      .filter((e) => this.byLower.get(e.name.toLowerCase()) === e)
      .map((e) => e.name);
  }

  has(path: string): boolean {
    return this.entry(path) !== undefined;
  }

  /** The name the package stores a part under, found without regard to case. */
  nameOf(path: string): string | undefined {
    return this.entry(path)?.name;
  }

  /**
   * A part's bytes, or undefined when there is no such part. A large part's inflated bytes are
   * handed out once and then forgotten (inflated again if asked for again), so a 24 MB sheet is
   * not held twice, as bytes here and as text by its reader.
   */
  bytes(path: string): Uint8Array | undefined {
    const e = this.entry(path);
    if (e === undefined) return undefined;
    if (e.content !== null) {
      if (e.content.kind === 'bytes') return e.content.bytes;
      const pieces: string[] = [];
      e.content.write((t) => pieces.push(t));
      return encoder.encode(pieces.join(''));
    }
    const kept = this.inflated.get(e);
    if (kept !== undefined) {
      if (kept.length >= KEEP_BELOW) this.inflated.delete(e);
      return kept;
    }
    if (e.stored === null) return undefined;
    const bytes = inflate(e.stored, this.codec);
    if (bytes.length < KEEP_BELOW) this.inflated.set(e, bytes);
    return bytes;
  }

  /** A part's text (UTF-8, a byte order mark dropped), or undefined when there is no such part. */
  text(path: string): string | undefined {
    const b = this.bytes(path);
    return b === undefined ? undefined : utf8.decode(b);
  }

  /** Replaces a part's content (keeping its stored name) or adds a part. */
  set(path: string, data: string | Uint8Array): void {
    this.put(path, {
      kind: 'bytes',
      bytes: typeof data === 'string' ? encoder.encode(data) : data,
    });
  }

  /**
   * Replaces or adds a part whose text `write` produces, piece by piece, when the package is
   * saved: a painted sheet's XML goes into the compressor as it is produced, never as one string.
   */
  setStream(path: string, write: (emit: (text: string) => void) => void): void {
    this.put(path, { kind: 'stream', write });
  }

  private put(path: string, content: NewContent): void {
    const known = this.entry(path);
    if (known !== undefined) {
      known.content = content;
      this.inflated.delete(known);
      return;
    }
    const entry: Entry = { name: path, stored: null, content };
    this.entries.push(entry);
    this.byLower.set(path.toLowerCase(), entry);
  }

  remove(path: string): void {
    const e = this.entry(path);
    if (e === undefined) return;
    this.byLower.delete(path.toLowerCase());
    this.inflated.delete(e);
    this.entries.splice(this.entries.indexOf(e), 1);
  }

  /**
   * The zip: entries in their order, new ones last. Untouched entries keep their compressed
   * bytes, CRC, method, dates and attributes; their headers are written anew without extra fields
   * (zip64 and timestamp fields are optional, and sizes are now in the local header, so no data
   * descriptor follows). Changed and new parts are deflated.
   */
  save(): Uint8Array {
    const now = dosTime(new Date());
    const pieces: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const e of this.entries) {
      let nameBytes: Uint8Array;
      let fields: {
        versionMadeBy: number;
        flags: number;
        method: number;
        time: number;
        date: number;
        crc: number;
        compressedSize: number;
        size: number;
        internalAttrs: number;
        externalAttrs: number;
      };
      let data: Uint8Array[];
      if (e.content === null && e.stored !== null) {
        const s = e.stored;
        nameBytes = s.nameBytes;
        fields = { ...s, flags: s.flags & ~FLAG_DESCRIPTOR, compressedSize: s.data.length };
        data = [s.data];
      } else if (e.content !== null) {
        nameBytes = encoder.encode(e.name);
        const c = compress(e.content, this.codec);
        const ascii = nameBytes.length === e.name.length;
        fields = {
          versionMadeBy: 20,
          flags: ascii ? 0 : FLAG_UTF8,
          method: DEFLATED,
          ...now,
          crc: c.crc,
          compressedSize: c.compressedSize,
          size: c.size,
          internalAttrs: 0,
          externalAttrs: 0,
        };
        data = c.chunks;
      } else continue;
      if (fields.size > 0xfffffffe || fields.compressedSize > 0xfffffffe || offset > 0xfffffffe)
        throw new Error('package too large for a zip without zip64');
      const local = new Header(30 + nameBytes.length)
        .u32(LOCAL_SIG)
        .u16(20)
        .u16(fields.flags)
        .u16(fields.method)
        .u16(fields.time)
        .u16(fields.date)
        .u32(fields.crc)
        .u32(fields.compressedSize)
        .u32(fields.size)
        .u16(nameBytes.length)
        .u16(0)
        .raw(nameBytes);
      central.push(
        new Header(46 + nameBytes.length)
          .u32(CENTRAL_SIG)
          .u16(fields.versionMadeBy)
          .u16(20)
          .u16(fields.flags)
          .u16(fields.method)
          .u16(fields.time)
          .u16(fields.date)
          .u32(fields.crc)
          .u32(fields.compressedSize)
          .u32(fields.size)
          .u16(nameBytes.length)
          .u16(0)
          .u16(0)
          .u16(0)
          .u16(fields.internalAttrs)
          .u32(fields.externalAttrs)
          .u32(offset)
          .raw(nameBytes).bytes,
      );
      pieces.push(local.bytes, ...data);
      offset += local.bytes.length + fields.compressedSize;
    }
    const dirSize = central.reduce((n, c) => n + c.length, 0);
    if (central.length > 0xfffe) throw new Error('too many entries for a zip without zip64');
    const end = new Header(22)
      .u32(END_SIG)
      .u16(0)
      .u16(0)
      .u16(central.length)
      .u16(central.length)
      .u32(dirSize)
      .u32(offset)
      .u16(0).bytes;
    const out = new Uint8Array(offset + dirSize + end.length);
    let at = 0;
    for (const p of [...pieces, ...central, end]) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
