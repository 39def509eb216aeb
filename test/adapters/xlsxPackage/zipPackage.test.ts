import JSZip from 'jszip';
import { crc32 } from '../../../src/adapters/xlsxPackage/crc32';
import { fflateCodec } from '../../../src/adapters/xlsxPackage/deflateCodec';
import { nodeDeflateCodec } from '../../../src/adapters/xlsxPackage/nodeDeflateCodec';
import { ZipDamage, ZipPackage } from '../../../src/adapters/xlsxPackage/zipPackage';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A zip as JSZip writes it (data descriptors, a folder entry, a stored and a deflated entry). */
async function sample(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>', { compression: 'DEFLATE' });
  zip.folder('xl');
  zip.file('xl/SharedStrings.xml', '<sst>' + 'x'.repeat(5000) + '</sst>', {
    compression: 'DEFLATE',
  });
  zip.file('xl/media/image1.png', new Uint8Array([1, 2, 3, 4]), { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', streamFiles: true });
}

/** Each entry's compressed bytes, found through the central directory by a reader of its own. */
async function rawEntries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) {
    const data = (f as unknown as { _data: { compressedContent?: Uint8Array } })._data;
    if (data.compressedContent) out.set(name, Buffer.from(data.compressedContent).toString('hex'));
  }
  return out;
}

describe('ZipPackage', () => {
  it('finds parts without regard to case and lists them in the archive order', async () => {
    const pkg = ZipPackage.read(await sample());
    expect(pkg.paths()).toEqual([
      '[Content_Types].xml',
      'xl/SharedStrings.xml',
      'xl/media/image1.png',
    ]);
    expect(pkg.has('xl/sharedStrings.xml')).toBe(true);
    expect(pkg.nameOf('XL/SHAREDSTRINGS.XML')).toBe('xl/SharedStrings.xml');
    expect(pkg.text('xl/sharedstrings.xml')).toBe('<sst>' + 'x'.repeat(5000) + '</sst>');
    expect([...(pkg.bytes('xl/media/image1.png') ?? [])]).toEqual([1, 2, 3, 4]);
    expect(pkg.text('xl/none.xml')).toBeUndefined();
  });

  it.each([
    ['fflate', fflateCodec],
    ["Node's zlib", nodeDeflateCodec],
  ])(
    'copies the compressed bytes of untouched entries and deflates the changed ones (%s)',
    async (_name, codec) => {
      const input = await sample();
      const pkg = ZipPackage.read(input, codec);
      pkg.set('xl/sharedstrings.xml', '<sst/>');
      pkg.set('xl/new.xml', '<新/>');
      // Enough text for several of the compressor's pieces, some of it outside ASCII.
      pkg.setStream('xl/streamed.xml', (emit) => {
        for (let i = 0; i < 60_000; i++) emit(`<r n="${i}">状态</r>`);
      });
      pkg.remove('[content_types].xml');
      const out = pkg.save();
      const before = await rawEntries(input);
      const after = await rawEntries(out);
      expect(after.get('xl/media/image1.png')).toBe(before.get('xl/media/image1.png'));
      const back = await JSZip.loadAsync(out, { checkCRC32: true });
      expect(Object.keys(back.files)).toEqual([
        'xl/',
        'xl/SharedStrings.xml',
        'xl/media/',
        'xl/media/image1.png',
        'xl/new.xml',
        'xl/streamed.xml',
      ]);
      expect(await back.file('xl/SharedStrings.xml')?.async('string')).toBe('<sst/>');
      expect(await back.file('xl/new.xml')?.async('string')).toBe('<新/>');
      const streamed = (await back.file('xl/streamed.xml')?.async('string')) ?? '';
      expect(streamed.startsWith('<r n="0">状态</r><r n="1">')).toBe(true);
      expect(streamed.endsWith('<r n="59999">状态</r>')).toBe(true);
      expect(streamed.length).toBe(
        Array.from({ length: 60_000 }, (_, i) => `<r n="${i}">状态</r>`).join('').length,
      );
      // A long text in one piece, with astral characters at every cut a piece could make.
      const long = 'x' + '😀'.repeat(200_000) + '中'.repeat(100_000);
      const again = ZipPackage.read(out, codec);
      again.setStream('xl/long.xml', (emit) => emit(long));
      expect(ZipPackage.read(again.save()).text('xl/long.xml')).toBe(long);
      // And read again by this reader, the same.
      expect(ZipPackage.read(out).text('xl/new.xml')).toBe('<新/>');
    },
  );

  it('calls a checksum that does not match damage', async () => {
    const damaged = new Uint8Array(await sample());
    // A byte of the stored entry: nothing to inflate, so only the CRC can tell.
    damaged[Buffer.from(damaged).indexOf(Buffer.from([1, 2, 3, 4]))] = 9;
    expect(() => ZipPackage.read(damaged)).toThrow(ZipDamage);
    expect(() => ZipPackage.read(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(ZipDamage);
  });

  it('computes CRC-32 as zlib does, over chunks', () => {
    const all = encode('The quick brown fox jumps over the lazy dog');
    expect(crc32(all)).toBe(0x414fa339);
    expect(crc32(all.subarray(10), crc32(all.subarray(0, 10)))).toBe(0x414fa339);
    // Against the byte-at-a-time definition, over lengths around the eight-byte steps.
    const bytes = new Uint8Array(1037).map((_, i) => (i * 7919 + 13) & 0xff);
    const simple = (b: Uint8Array): number => {
      let c = ~0;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
      return ~c >>> 0;
    };
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 1037])
      expect(crc32(bytes.subarray(0, n))).toBe(simple(bytes.subarray(0, n)));
    // And each codec's, zlib's own where Node has it.
    for (const codec of [fflateCodec, nodeDeflateCodec])
      expect(codec.crc32(bytes.subarray(100), codec.crc32(bytes.subarray(0, 100), 0))).toBe(
        simple(bytes),
      );
  });
});
