// The web map's languages: one catalogue per language in i18n/<lang>.json (a flat map of key → text, `{name}` for a
// value). The language is the one chosen with the switch (kept in localStorage), else the browser's first language
// with a catalogue, else English. A key the chosen catalogue lacks falls back to English, then to the English default
// given in code, so a module can bring its own English texts and be translated later:
//
//   const TEXT = texts('noise', { title: 'Noise at the neighbours', over: '{count} homes over the limit' });
//   TEXT.title                     // 'Støj hos naboerne' once da.json has "noise.title"; the English default until then
//   fill(TEXT.over, { count: 3 })  // '3 homes over the limit'
//
// The service is asked in the same language (api.js sends it), so reasons arrive rendered in it.

const storageKey = 'vesiting-lang';
const defaultLanguage = 'en';
/** The languages the map has catalogues for, with their own names (the switch lists these). */
export const languages = { en: 'English', da: 'Dansk' };

function chosen() {
  const stored = window.localStorage.getItem(storageKey);
  if (stored && languages[stored]) return stored;
  for (const asked of navigator.languages ?? [navigator.language]) {
    const primary = String(asked ?? '').toLowerCase().split('-')[0];
    if (languages[primary]) return primary;
  }
  return defaultLanguage;
}

/** The language the map shows (and asks the service in). */
export const lang = chosen();

const load = async (code) => (await fetch(`i18n/${code}.json`)).json();
const [english, current] = await Promise.all([load(defaultLanguage), lang === defaultLanguage ? null : load(lang)]);

/** A text with `{name}` placeholders filled from `values` (numbers written the language's way). */
export function fill(text, values = {}) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return typeof value === 'number' ? value.toLocaleString(locale()) : String(value ?? '');
  });
}

/** The text of a key in the map's language; English, then `fallback`, then the key itself when missing. */
export function t(key, values, fallback) {
  const text = current?.[key] ?? english[key] ?? fallback ?? key;
  return values ? fill(text, values) : text;
}

/** A module's texts under a prefix: `texts('noise', { title: 'Noise' }).title` is t('noise.title') with 'Noise' as default. */
export function texts(prefix, defaults) {
  return Object.fromEntries(Object.entries(defaults).map(([name, text]) => [name, t(`${prefix}.${name}`, undefined, text)]));
}

/** The locale numbers are written in: Danish for both languages' money in DKK would confuse; each its own. */
export const locale = () => (lang === 'da' ? 'da-DK' : 'en-GB');

/** Switches the language: kept for the next visit, and the page reloads so every panel and answer is in it. */
export function setLanguage(code) {
  if (!languages[code] || code === lang) return;
  window.localStorage.setItem(storageKey, code);
  window.location.reload();
}

/**
 * Puts the texts into the page: `data-i18n="key"` sets an element's text, `data-i18n-placeholder`, `data-i18n-title`
 * and `data-i18n-aria-label` set those attributes.
 */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    const data = `data-i18n-${attribute}`;
    for (const element of root.querySelectorAll(`[${data}]`)) element.setAttribute(attribute, t(element.getAttribute(data)));
  }
  if (root === document) document.title = t('page.title');
}

/** The language switch: a small select in the header, persisted in localStorage. */
export function languageSwitch(container) {
  const select = document.createElement('select');
  select.dataset.testid = 'language';
  select.setAttribute('aria-label', t('language.label'));
  for (const [code, name] of Object.entries(languages)) select.append(new Option(name, code, code === lang, code === lang));
  select.addEventListener('change', () => setLanguage(select.value));
  container.append(select);
  return select;
}
