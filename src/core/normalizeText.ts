/**
 * One canonical form for the text of headers and typed values: half-width ASCII, simplified
 * characters, no spaces. Built once at module load; each call is a single pass over the string.
 */

// Traditional characters seen in plan-table headers and values, mapped to their simplified forms.
const TRADITIONAL =
  '項目稱責單時號編務點劃計畫進況實際間辦銷導領類別業屬質設開資總額狀態問題備註協牽頭聯繫係內規節議說難調須動處區鎮縣標準審條續預測報對應該們來與為個這會經濟發產嚴滯後長幾達絕滿數據務圍護擬錄據廠園區館醫療衛農鄉環線場壩橋鐵車運輸電網絡歲紀級貨價幣萬億賬帳臺檯參與據組織級專盤灣廣東陽濱鞏區財稅設衛體廳採購證權層壓險優門結';
const SIMPLIFIED =
  '项目称责单时号编务点划计画进况实际间办销导领类别业属质设开资总额状态问题备注协牵头联系系内规节议说难调须动处区镇县标准审条续预测报对应该们来与为个这会经济发产严滞后长几达绝满数据务围护拟录据厂园区馆医疗卫农乡环线场坝桥铁车运输电网络岁纪级货价币万亿账帐台台参与据组织级专盘湾广东阳滨巩区财税设卫体厅采购证权层压险优门结';

const charMap = new Map<number, string>();
for (let i = 0; i < TRADITIONAL.length; i++) {
  charMap.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charAt(i));
}
charMap.set(0x756b, '划'); // 計畫 (Taiwan) = 计划
charMap.set(0x8a08, '计');

/** Full-width ASCII (！ to ～) to half-width, ideographic space to space, Chinese punctuation kept. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text.charAt(i);
  }
  return out;
}

/** Traditional to simplified for the characters plan tables use. */
export function toSimplified(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const mapped = charMap.get(text.charCodeAt(i));
    out += mapped ?? text.charAt(i);
  }
  return out;
}

const SPACES = /[\s\u00a0\u200b\ufeff]+/g;
const SPACE_TEST = /[\s\u00a0\u200b\ufeff]/;
// Any character the two maps would change: most cells have none, and skip both passes.
// (Only the characters that really change: the lists above also pair 目 with 目, 任 with 任.)
const CHANGING = [...charMap]
  .filter(([code, to]) => String.fromCharCode(code) !== to)
  .map(([code]) => String.fromCharCode(code));
const NEEDS_MAPPING = new RegExp(`[\uff01-\uff5e\u3000${CHANGING.join('')}]`);

/** Half-width, simplified, without any whitespace (headers are often typed "项 目 名 称" or broken by Alt+Enter). */
export function normalizeText(text: string): string {
  const mapped = NEEDS_MAPPING.test(text) ? toSimplified(toHalfWidth(text)) : text;
  return SPACE_TEST.test(mapped) ? mapped.replace(SPACES, '') : mapped;
}
