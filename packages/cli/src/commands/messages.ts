import { bilingual } from '../i18n.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';
/** Messages of the test, check, diff and init commands, in both languages. */

/** `gridsafe test`. */
export const testText = bilingual(zh.test, en.test);

/** `gridsafe check`. */
export const checkText = bilingual(zh.check, en.check);

/** `gridsafe diff`. */
export const diffText = bilingual(zh.diff, en.diff);

/** `gridsafe init`. */
export const initText = bilingual(zh.init, en.init);
