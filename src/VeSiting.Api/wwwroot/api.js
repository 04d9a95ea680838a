// The web map's client for this service: every request of the map goes through here (MapLibre's tile requests get
// the key from transformRequest). It adds the API key, asks for one where reads are closed, turns error answers
// (RFC 7807 problem+json) into ApiProblem errors with the problem's detail, and downloads files with the key.

import { lang, t } from './i18n.js';

const keyStore = window.sessionStorage;
const keyName = 'vesiting-api-key';

/** The API key entered in this browser session, or null. */
export const apiKey = () => keyStore.getItem(keyName);

export const sameOrigin = (url) => new URL(url, window.location.href).origin === window.location.origin;

/** An error answer: its message is the problem's detail; status and field as the service gave them. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.field = problem.field;
  }
}

/** Whether an error is a request aborted because a newer one replaced it (not worth showing). */
export const isAborted = (error) => error?.name === 'AbortError';

// Where the service closes reads (VeSiting:RequireKeyForReads) the map asks once for a key, for concurrent requests alike.
let askingForKey = null;
function askForKey() {
  askingForKey ??= Promise.resolve(window.prompt(t('api.key-prompt'))).then((key) => {
    if (key) keyStore.setItem(keyName, key.trim());
    askingForKey = null;
    return Boolean(key);
  });
  return askingForKey;
}

function send(url, init) {
  const headers = new Headers(init.headers || {});
  if (apiKey()) headers.set('X-Api-Key', apiKey());
  // The answers' reasons come rendered in the map's language.
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', lang);
  return fetch(url, { ...init, headers });
}

async function problemOf(response) {
  const text = await response.text().catch(() => '');
  let problem = {};
  try {
    problem = JSON.parse(text);
  } catch {
    problem = { detail: text.trim().slice(0, 300) || undefined };
  }
  return new ApiProblem(response.status, problem);
}

/** A request to this service; answers other than 2xx are thrown as ApiProblem. `init.signal` aborts it. */
export async function request(url, init = {}) {
  const sentWith = apiKey();
  let response = await send(url, init);
  // A request sent before the key was entered just goes again; otherwise ask for the key (once).
  if (response.status === 401 && ((apiKey() && apiKey() !== sentWith) || await askForKey())) response = await send(url, init);
  if (!response.ok) throw await problemOf(response);
  return response;
}

export const getJson = async (url, init) => (await request(url, init)).json();

export const postJson = (url, body, init = {}) =>
  getJson(url, { ...init, method: 'POST', headers: { 'Content-Type': 'application/json', ...init.headers }, body: JSON.stringify(body) });

/**
 * Latest wins: each call of the returned function aborts the request started by the previous call and gives the
 * signal for the new one, so answers of superseded requests never arrive.
 */
export function latestOnly() {
  let controller = null;
  return () => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };
}

/** Downloads a file through this client (so it carries the key); an error answer is thrown, never saved as the file. */
export async function download(url, init, fallbackName) {
  const response = await request(url, init);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download from the URL; it is released once that has begun.
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  }
}
