const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A value made safe for HTML and SVG, in text and in quoted attributes alike. */
export const escapeMarkup = (value: string): string => value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
