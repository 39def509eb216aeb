import { walkXml } from './xml';

/**
 * The shared strings as plain text: rich text runs joined, phonetic guides (<rPh>, furigana)
 * left out as Excel leaves them out of the cell's value.
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(tag) {
      if (tag.local === 'si') current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && phonetic === 0) inText = true;
    },
    close(local) {
      if (local === 'si') {
        out.push(current ?? '');
        current = null;
      } else if (local === 'rPh') phonetic--;
      else if (local === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return out;
}
