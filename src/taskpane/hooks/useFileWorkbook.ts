import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../core/issue';
import { downloadName } from '../lib/downloadName';
import type { FilePort } from '../../port/optionalPorts';
import type { Notice } from './notice';
import { describeError } from '../lib/describeError';
import { readBytes } from '../lib/readBytes';

/** How file mode reaches files: injected so tests can use an in-memory workbook. */
export interface FileServices {
  /** Opens .xlsx bytes; the adapter words its errors in `lang`. */
  openXlsx(data: ArrayBuffer, lang: Lang): Promise<FilePort>;
  fetchSample(): Promise<ArrayBuffer>;
  /** Offers bytes as a download; an .xlsx unless `type` gives another media type. */
  saveBytes: (bytes: Uint8Array, name: string, type?: string) => void;
}

export interface FileWorkbook {
  readonly port: FilePort | null;
  /** The file's own name, or null for the built-in sample. */
  readonly fileName: string | null;
  readonly opening: boolean;
  readonly saving: boolean;
  readonly notice: Notice | null;
  openFile(file: File): Promise<void>;
  /** Saves the painted workbook as "<name>.三色.xlsx"; sampleName names the sample's copy. */
  download(sampleName: string): Promise<void>;
  /** A plain function (no `this`), passed on as an event handler. */
  readonly dismissNotice: () => void;
}

/** File mode: which .xlsx is open (the built-in sample first), opening another one, downloading. */
export function useFileWorkbook(
  enabled: boolean,
  services: FileServices,
  lang: Lang,
): FileWorkbook {
  const [port, setPort] = useState<FilePort | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const servicesRef = useRef(services);
  servicesRef.current = services;
  const langRef = useRef(lang);
  langRef.current = lang;
  const openSeq = useRef(0);
  const current = useRef<FilePort | null>(null);

  const open = useCallback(async (load: () => Promise<ArrayBuffer>, name: string | null) => {
    const seq = ++openSeq.current;
    setOpening(true);
    setNotice(null);
    try {
      const data = await load();
      const next = await servicesRef.current.openXlsx(data, langRef.current);
      if (seq !== openSeq.current) {
        next.dispose?.();
        return;
      }
      current.current?.dispose?.();
      current.current = next;
      setPort(next);
      setFileName(name);
    } catch (err) {
      if (seq === openSeq.current)
        setNotice({ intent: 'error', text: (t, lang) => describeError(err, t, lang) });
    } finally {
      if (seq === openSeq.current) setOpening(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void open(() => servicesRef.current.fetchSample(), null);
  }, [enabled, open]);

  useEffect(
    () => () => {
      current.current?.dispose?.();
      current.current = null;
    },
    [],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (!/\.xlsx$/i.test(file.name)) {
        setNotice({ intent: 'error', text: (t) => t.file.notXlsx(file.name) });
        return;
      }
      await open(() => readBytes(file), file.name);
    },
    [open],
  );

  const download = useCallback(
    async (sampleName: string) => {
      if (port === null) return;
      setSaving(true);
      try {
        const name = downloadName(fileName ?? sampleName);
        const bytes = await port.save();
        servicesRef.current.saveBytes(bytes, name);
        setNotice({ intent: 'success', text: (t) => t.file.savedAs(name) });
      } catch (err) {
        setNotice({ intent: 'error', text: (t, lang) => describeError(err, t, lang) });
      } finally {
        setSaving(false);
      }
    },
    [fileName, port],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);

  return {
    port,
    fileName,
    opening,
    saving,
    notice,
    openFile,
    download,
    dismissNotice,
  };
}
