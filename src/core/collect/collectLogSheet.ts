import type { BulletinBook, BulletinCell, BulletinSheet } from '../bulletinBook';
import type { Lang } from '../issue';
import { xmlSafeText } from '../xmlSafeText';
import type { CollectResult } from './collectReturns';

const WORDS = {
  zh: {
    name: '汇总记录',
    title: (d: string) => `汇总记录(${d})`,
    changes: '一、写入总表的内容',
    changeHead: ['工作表', '单元格', '原值', '新值', '来源文件'],
    conflicts: '二、未写入的内容(冲突),总表保留原值',
    conflictHead: ['文件', '单元格', '类型', '说明'],
    notReturned: '三、未报送单位',
    none: '无',
  },
  en: {
    name: 'Collected ',
    title: (d: string) => `Collection record (${d})`,
    changes: '1. Written into the master',
    changeHead: ['Sheet', 'Cell', 'Old value', 'New value', 'File'],
    conflicts: '2. Not written (conflicts); the master keeps its values',
    conflictHead: ['File', 'Cell', 'Code', 'Message'],
    notReturned: '3. Units that sent nothing',
    none: 'none',
  },
} as const;

/** The name of the record sheet for a day: "汇总记录2023-07-05". */
export function collectLogName(lang: Lang, isoDay: string): string {
  return `${WORDS[lang].name}${isoDay}`;
}

/**
 * The sheet of the add-in's own that lists what a collect changed and what it left alone, built as
 * a bulletin sheet so both adapters write it the way they already write bulletins (as text, never
 * formulas, replacing only a sheet of ours for the same day).
 */
export function collectLogBook(result: CollectResult, lang: Lang, isoDay: string): BulletinBook {
  const w = WORDS[lang];
  const cells: BulletinCell[] = [];
  let row = 0;
  const put = (values: readonly string[], style?: string): void => {
    values.forEach((v, col) =>
      cells.push({ row, col, value: xmlSafeText(v), ...(style ? { style } : {}) }),
    );
    row++;
  };
  put([w.title(isoDay)], 'title');
  row++;
  put([w.changes], 'heading');
  put(w.changeHead, 'head');
  for (const c of result.changes) put([c.sheet, c.cell, c.old, c.new, c.file], 'cell');
  if (result.changes.length === 0) put([w.none]);
  row++;
  put([w.conflicts], 'heading');
  put(w.conflictHead, 'head');
  for (const c of result.conflicts) put([c.file, c.cell ?? '', c.code, c.message], 'cell');
  if (result.conflicts.length === 0) put([w.none]);
  row++;
  put([w.notReturned], 'heading');
  put([
    result.notReturned.length === 0 ? w.none : result.notReturned.join(lang === 'zh' ? '、' : ', '),
  ]);
  const sheet: BulletinSheet = {
    name: collectLogName(lang, isoDay),
    cells,
    styles: {
      title: { bold: true, fontSize: 14 },
      heading: { bold: true },
      head: { bold: true, fill: 'D9D9D9', border: true, align: 'center' },
      cell: { border: true, wrap: true },
    },
    merges: [],
    columnWidths: [28, 10, 30, 30, 40],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
  };
  return { reportDate: isoDay, sheets: [sheet], text: '' };
}
