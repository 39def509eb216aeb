import { useCallback, useState } from 'react';
import type { BulletinSummary } from '../../core/bulletin/summarize';
import {
  resolveDocumentSettings,
  type DocumentSettings,
} from '../../core/documents/documentSettings';
import type { Lang } from '../../core/issue';
import type { DocumentStrings } from '../documents/documentStrings';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_MIME = 'application/zip';

export type DocumentKind = 'bulletin' | 'notices';

export interface DocumentDownloads {
  /** The document being made, if any. */
  readonly busy: DocumentKind | null;
  /** What the last request came to, worded at render time. */
  readonly message: ((s: DocumentStrings) => string) | null;
  readonly failed: boolean;
  download(kind: DocumentKind): Promise<void>;
}

/**
 * Makes the 通报 .docx or the notices' .zip from the summary the pane shows (the one the bulletin
 * sheets were written from) and offers it as a download. The `docx` package arrives with the
 * first request, as its own chunk.
 */
export function useDocumentDownloads(
  summary: BulletinSummary,
  lang: Lang,
  settings: DocumentSettings,
  saveBytes: (bytes: Uint8Array, name: string, type?: string) => void,
): DocumentDownloads {
  const [busy, setBusy] = useState<DocumentKind | null>(null);
  const [message, setMessage] = useState<DocumentDownloads['message']>(null);
  const [failed, setFailed] = useState(false);

  const download = useCallback(
    async (kind: DocumentKind) => {
      setBusy(kind);
      setMessage(null);
      setFailed(false);
      try {
        const make = await import(/* webpackChunkName: "docx" */ '../documents/makeDocuments');
        const resolved = resolveDocumentSettings(settings, lang);
        if (kind === 'bulletin') {
          const file = await make.bulletinDocx(summary, lang, resolved);
          saveBytes(file.bytes, file.name, DOCX_MIME);
          setMessage(() => (s: DocumentStrings) => s.madeBulletin(file.name));
        } else {
          const file = await make.noticesZip(summary, lang, resolved);
          if (file === null) {
            setMessage(() => (s: DocumentStrings) => s.noNotices);
          } else {
            saveBytes(file.bytes, file.name, ZIP_MIME);
            setMessage(() => (s: DocumentStrings) => s.madeNotices(file.count, file.name));
          }
        }
      } catch {
        setFailed(true);
        setMessage(() => (s: DocumentStrings) => s.failed);
      } finally {
        setBusy(null);
      }
    },
    [lang, saveBytes, settings, summary],
  );

  return { busy, message, failed, download };
}
