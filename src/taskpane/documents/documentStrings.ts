import type { Lang } from '../../core/issue';

/** The words of the documents' part of the 通报 step, in the pane's languages. */
export interface DocumentStrings {
  readonly heading: string;
  readonly hint: string;
  readonly office: string;
  readonly docNumber: string;
  readonly issueDate: string;
  readonly replyDays: string;
  readonly noticeBody: string;
  readonly noticeBodyHint: string;
  readonly bulletin: string;
  readonly notices: string;
  readonly making: string;
  readonly madeBulletin: (name: string) => string;
  readonly madeNotices: (n: number, name: string) => string;
  readonly noNotices: string;
  readonly failed: string;
}

export const DOCUMENT_STRINGS: Record<Lang, DocumentStrings> = {
  zh: {
    heading: '公文',
    hint: '按党政机关公文格式(GB/T 9704-2012)生成 Word 文件;留空的项以【】占位,可在 Word 中再填。',
    office: '发文机关',
    docNumber: '发文字号',
    issueDate: '成文日期',
    replyDays: '回复期限(天)',
    noticeBody: '通知单正文',
    noticeBodyHint: '可用 {单位} {截止日期} {事项数} {回复日期} {发文机关}。',
    bulletin: '下载通报(Word)',
    notices: '下载通知单',
    making: '正在生成…',
    madeBulletin: (name) => `已生成 ${name}。`,
    madeNotices: (n, name) => `已生成 ${n} 份督办通知单:${name}。`,
    noNotices: '没有滞后事项,无需督办通知单。',
    failed: '未能生成文件,请重试。',
  },
  en: {
    heading: 'Documents',
    hint: 'Word files in the official document layout (GB/T 9704-2012); fields left blank print as [placeholders] to fill in Word.',
    office: 'Issuing office',
    docNumber: 'Document number',
    issueDate: 'Date of issue',
    replyDays: 'Reply within (days)',
    noticeBody: 'Notice text',
    noticeBodyHint: 'You can use {unit} {asOf} {count} {replyBy} {office}.',
    bulletin: 'Download bulletin (Word)',
    notices: 'Download notices',
    making: 'Making…',
    madeBulletin: (name) => `Made ${name}.`,
    madeNotices: (n, name) => `Made ${n} notices: ${name}.`,
    noNotices: 'Nothing is behind: no notices to send.',
    failed: 'The file could not be made. Please try again.',
  },
};
