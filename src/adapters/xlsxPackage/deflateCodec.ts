import { Deflate, inflateSync } from 'fflate';
import { crc32 } from './crc32';

/**
 * The raw DEFLATE (RFC 1951) a ZipPackage inflates and compresses parts with. fflate's runs
 * anywhere (the page's worker, the tests); a Node process may pass Node's zlib instead
 * (nodeDeflateCodec.ts), native code three to four times as fast on a 24 MB sheet.
 */
export interface DeflateCodec {
  /** The inflated bytes; `size`, from the central directory, is what they should come to. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** The running CRC-32 after `bytes` (start with 0): the codec's own when it has a faster one. */
  crc32(bytes: Uint8Array, crc: number): number;
  /** A compressor for one part: pieces pushed in order, the last `final`; output goes to `out`. */
  deflater(out: (chunk: Uint8Array) => void): {
    push(piece: Uint8Array, final: boolean): void;
  };
}

/** fflate level 3: within a few per cent of level 1's time on sheet XML and 18% smaller. */
const LEVEL = 3;

export const fflateCodec: DeflateCodec = {
  crc32,
  inflate(data, size) {
    // Into a buffer of the declared size: a longer stream stops there, a shorter one comes back
    // short, and the caller's size and CRC checks catch both.
    return inflateSync(data, { out: new Uint8Array(size) });
  },
  deflater(out) {
    // Deflate.push copies what it is given, so the caller may reuse its buffer.
    const d = new Deflate({ level: LEVEL }, (chunk) => out(chunk));
    return { push: (piece, final) => d.push(piece, final) };
  },
};
