import { m } from '../paraglide/messages';
import type { Locale } from './locales';

/** Each language as a sentence in the reader's language names it: "Dutch", "Nederlands", "荷兰语". */
export const languageInText: Record<Locale, () => string> = {
	en: () => m.admin_language_en_in_text(),
	nl: () => m.admin_language_nl_in_text(),
	'zh-CN': () => m.admin_language_zh_cn_in_text()
};
