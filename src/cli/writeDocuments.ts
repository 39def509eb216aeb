import { promises as fsp } from 'fs';
import * as path from 'path';
import type { BulletinSummary } from '../core/bulletin/summarize';
import { bulletinDocument } from '../core/documents/bulletinDocument';
import { resolveDocumentSettings } from '../core/documents/documentSettings';
import { noticeDocuments } from '../core/documents/noticeDocuments';
import type { Lang } from '../core/issue';
import { writeAtomic } from './files';

const WORDS = {
  zh: {
    wroteDocx: (f: string) => `Word 通报已写入 ${f}`,
    wroteNotices: (n: number, d: string) => `已写入 ${n} 份督办通知单:${d}`,
    noNotices: '没有滞后事项,未写督办通知单。',
    failed: (f: string) => `无法写入 ${f}。`,
  },
  en: {
    wroteDocx: (f: string) => `Wrote the bulletin document ${f}`,
    wroteNotices: (n: number, d: string) => `Wrote ${n} notices to ${d}`,
    noNotices: 'Nothing is behind: no notices written.',
    failed: (f: string) => `Could not write ${f}.`,
  },
} as const;

export interface DocumentsRequest {
  readonly summary: BulletinSummary;
  readonly lang: Lang;
  /** WorkbookSettings.documents as loaded (checked here: a hand-edited value falls back to defaults). */
  readonly saved: unknown;
  readonly cwd: string;
  readonly docx?: string;
  readonly notices?: string;
}

/** Lines for stdout, or the line that says what could not be written. */
export type DocumentsResult = { ok: true; lines: string[] } | { ok: false; lines: string[] };

/**
 * `tricolor run --docx FILE --notices DIR`: the 通报 and one 督办通知单 per unit behind, from the
 * summary the bulletin sheets are built from. The `docx` package is loaded only when asked for.
 */
export async function writeDocuments(req: DocumentsRequest): Promise<DocumentsResult> {
  const w = WORDS[req.lang];
  if (req.docx === undefined && req.notices === undefined) return { ok: true, lines: [] };
  const { renderDocx } = await import('../adapters/docx/renderDocx');
  const settings = resolveDocumentSettings(req.saved, req.lang);
  const lines: string[] = [];
  let target = '';
  try {
    if (req.docx !== undefined) {
      target = path.resolve(req.cwd, req.docx);
      await writeAtomic(
        target,
        await renderDocx(bulletinDocument(req.summary, req.lang, settings)),
      );
      lines.push(w.wroteDocx(target));
    }
    if (req.notices !== undefined) {
      const dir = path.resolve(req.cwd, req.notices);
      target = dir;
      const notices = noticeDocuments(req.summary, req.lang, settings);
      if (notices.length === 0) {
        lines.push(w.noNotices);
      } else {
        await fsp.mkdir(dir, { recursive: true });
        for (const n of notices) {
          target = path.join(dir, n.fileName);
          await writeAtomic(target, await renderDocx(n.model));
        }
        lines.push(w.wroteNotices(notices.length, dir));
      }
    }
  } catch {
    return { ok: false, lines: [w.failed(target)] };
  }
  return { ok: true, lines };
}
