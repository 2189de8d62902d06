/** A heading in English and French, written `English / Français`. */
export interface Bilingual {
  en: string;
  fr: string;
}

export const bilingual = (text: Bilingual): string => `${text.en} / ${text.fr}`;

/** A day in the UN's style: 1 May 2026. */
export function unDate(day: string): string {
  const at = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** A code in words, first letter capitalised: `travel-ban` gives `Travel ban`. */
export function words(code: string): string {
  const spaced = code.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
