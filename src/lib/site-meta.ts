/** Names the site uses for itself, in citations and page titles. */
export const SITE_NAME = 'Nagorno-Karabakh Chronology, 1918–2023';
/** Licence of the site's own text and data (the quoted articles remain their publishers'). */
export const CONTENT_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
