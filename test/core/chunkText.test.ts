import { chunkText } from '../../src/core/chunkText';

describe('chunkText', () => {
  it('splits text into chunks that join back to it, never inside a surrogate pair', () => {
    const text = 'ab😀cd😀😀e';
    for (let size = 2; size <= 6; size++) {
      const chunks = chunkText(text, size);
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    }
  });
});
