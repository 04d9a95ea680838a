// Small helpers shared by the map's panels.
import { locale, t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

export const fmt = (n, digits = 0) => n == null ? '–'
  : Number(n).toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** An error in a panel: the problem's detail, in words. */
export const problemHtml = (error) => `<p class="problem" data-testid="problem">${esc(error.message)}</p>`;

/** A MapLibre colour expression matching a layer's style attribute against its legend (from /api/legend). */
export function colorExpression(layer, attribute) {
  const expression = ['match', ['to-string', ['get', attribute ?? layer.styleAttribute]]];
  for (const entry of layer.legend) expression.push(entry.value, entry.color);
  expression.push(layer.legend[layer.legend.length - 1].color);
  return expression;
}

export const legendHtml = (layer) => layer.legend.map((e) =>
  `<div class="legend-item"><span class="swatch" style="background:${esc(e.color)}"></span>${esc(e.label)}</div>`).join('');

/** The rule sets, assumptions and data behind an answer. */
export function provenanceHtml(a) {
  return `<details><summary>${t('provenance.title')}</summary>
    <p><b>${t('provenance.rule-sets')}</b> ${a.provenance.ruleSets.map(esc).join(', ')}</p>
    ${a.provenance.unconfirmed.length ? `<p><b>${t('provenance.unconfirmed')}</b></p><ul>${a.provenance.unconfirmed.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : ''}
    ${a.provenance.assumptions.length ? `<p><b>${t('provenance.assumptions')}</b></p><ul>${a.provenance.assumptions.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : ''}
    <p class="why">${t('provenance.data', { version: a.dataVersion })} ${a.attribution.map(esc).join('; ')}</p></details>`;
}

/** A long id (an 18-digit GSRN, an inferred project's key) shortened to its start and end; the full id on hover. */
export function idHtml(id) {
  const text = String(id ?? '');
  const short = text.length <= 16 ? text : `${text.slice(0, text.startsWith('inferred:') ? 13 : 4)}…${text.slice(-5)}`;
  return `<span class="id" title="${esc(text)}" data-id="${esc(text)}">${esc(short)}</span>`;
}
