/** The language someone not signed in chose on the page (sign-in, public forms), remembered for a year. */
export const LOCALE_COOKIE = 'ripple_locale';
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
