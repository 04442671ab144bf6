/** One entry of the message catalogue: a text (or text function) in English and in German. */
export type Lang = 'en' | 'de';

export interface Entry<T> {
  en: T;
  de: T;
}

/** One catalogue entry: the English text and its German twin, of the same shape. */
export function m<T>(en: T, de: NoInfer<T>): Entry<T> {
  return { en, de };
}
