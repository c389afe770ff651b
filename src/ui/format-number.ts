import { currentLocaleTag } from '../i18n/i18n';

// Built once per language: a formatter per call is what makes toLocaleString slow in a loop.
const decimalByTag = new Map<string, Intl.NumberFormat>();

/** A decimal with at most two digits in the interface's language: « 1,25 », "1.25". */
export function formatDecimal(value: number): string {
  const tag = currentLocaleTag();
  let format = decimalByTag.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    decimalByTag.set(tag, format);
  }
  return format.format(value);
}
