import { bilingual } from './i18n.js';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';
/** Help texts of arguments, options and exit codes, in both languages. */
export const H = { ...bilingual(zh.help, en.help), exits: bilingual(zh.help.exits, en.help.exits) };
