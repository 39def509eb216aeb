import type { Lang } from '../issue';

/**
 * The line under a split file's title. It names no column by its header: a header word here
 * could make the engine take this line for the table's header when the return is read.
 */
export function splitInstruction(lang: Lang, unit: string, due: string | null): string {
  if (lang === 'en') {
    return `${unit}: fill in the unlocked (editable) cells of your rows${due === null ? '' : ` and return this file by ${due}`}. Other cells are protected (no password); please do not change them or add rows.`;
  }
  return `${unit}:请在本单位各行未锁定(可编辑)的单元格中填写本月情况${due === null ? '' : `,于${due}前报回本文件`}。其余单元格已保护(无密码),请勿改动,也不要增加行。`;
}
