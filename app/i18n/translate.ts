/**
 * A translator outside React (server-side documents, tests): the same lookup and {name} filling as the page's
 * `useLocale().t`.
 */
import { messages, type Locale, type MessageKey } from './messages';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    let text: string = messages[locale][key];
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
