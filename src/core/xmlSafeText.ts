// Characters XML 1.0 cannot hold: C0 controls other than tab, LF and CR, and the two non-characters.
// A workbook is XML, so such a character written into a cell is silently dropped on save, and any
// record of what was written (to find the status column again) would no longer match the file.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The text as a workbook will keep it: without the characters XML cannot hold. */
export function xmlSafeText(text: string): string {
  return XML_INVALID.test(text) ? text.replace(XML_INVALID, '') : text;
}
