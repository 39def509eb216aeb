import JSZip from 'jszip';
import { renderDocx } from '../../adapters/docx/renderDocx';
import type { BulletinSummary } from '../../core/bulletin/summarize';
import { bulletinDocument } from '../../core/documents/bulletinDocument';
import type { ResolvedDocumentSettings } from '../../core/documents/documentSettings';
import { DOC_WORDS } from '../../core/documents/docWords';
import { noticeDocuments } from '../../core/documents/noticeDocuments';
import type { Lang } from '../../core/issue';

/**
 * The pane's documents, as files to download. This module pulls in the `docx` package, so the
 * pane imports it only with import() when a document is asked for: it is a chunk of its own,
 * outside the first download.
 */
export interface MadeFile {
  readonly bytes: Uint8Array;
  readonly name: string;
}

/** 通报2023-06-30.docx */
export async function bulletinDocx(
  summary: BulletinSummary,
  lang: Lang,
  settings: ResolvedDocumentSettings,
): Promise<MadeFile> {
  const name = lang === 'zh' ? `通报${summary.asOf}.docx` : `bulletin-${summary.asOf}.docx`;
  return { bytes: await renderDocx(bulletinDocument(summary, lang, settings)), name };
}

/** One .zip of the notices (督办通知单2023-06-30.zip), or null when no unit is behind. */
export async function noticesZip(
  summary: BulletinSummary,
  lang: Lang,
  settings: ResolvedDocumentSettings,
): Promise<(MadeFile & { readonly count: number }) | null> {
  const notices = noticeDocuments(summary, lang, settings);
  if (notices.length === 0) return null;
  const zip = new JSZip();
  for (const n of notices) zip.file(n.fileName, await renderDocx(n.model));
  // The .docx files are compressed already.
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return {
    bytes,
    name: `${DOC_WORDS[lang].noticeFile}${lang === 'zh' ? '' : '-'}${summary.asOf}.zip`,
    count: notices.length,
  };
}
