// Compare layouts: keep the planned layouts drawn in the project panel, compare them with POST /api/assess/compare, draw them
// together on the map with a switch between them, and show the comparison table (best value of each row marked) in the panel.
import { getJson } from './api.js';
import { t } from './i18n.js';
import { $, esc, fmt, problemHtml, provenanceHtml } from './ui.js';

// Every user-visible string of this module: from the map's catalogues (i18n/<lang>.json).
const TEXT = {
  title: t('compare.title'),
  keep: t('compare.keep'),
  run: t('compare.run'),
  clear: t('compare.clear'),
  kept: (count) => t('compare.kept', { count }),
  layoutName: (key) => t('compare.layout-name', { key }),
  nothingToKeep: t('compare.nothing-to-keep'),
  tooMany: t('compare.too-many'),
  comparing: t('compare.comparing'),
  show: t('compare.show'),
  measure: t('compare.measure'),
  better: { lower: t('compare.lower-better'), higher: t('compare.higher-better'), neither: '' },
  notAssessed: t('compare.not-assessed'),
  best: t('compare.best'),
  differences: t('compare.differences'),
  status: (s) => t(`status.${s}`, undefined, s),
};

const empty = { type: 'FeatureCollection', features: [] };
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/** `projects.layoutBody()` gives the planned layout now drawn (GeoJSON text) or null. */
export function comparePanel(map, projects) {
  const kept = [];
  let shown = null;

  $('compare').innerHTML = `<h3>${esc(TEXT.title)}</h3>
    <div class="buttons"><button type="button" id="compare-keep" data-testid="compare-keep">${esc(TEXT.keep)}</button>
      <button type="button" id="compare-run" data-testid="compare-run">${esc(TEXT.run)}</button>
      <button type="button" id="compare-clear" data-testid="compare-clear">${esc(TEXT.clear)}</button></div>
    <p class="hint" id="compare-kept" data-testid="compare-kept">${esc(TEXT.kept(0))}</p>`;

  map.addSource('compare', { type: 'geojson', data: empty });
  map.addLayer({ id: 'compare-rings', type: 'line', source: 'compare', filter: ['==', ['get', 'kind'], 'ring'], paint: { 'line-color': ['get', 'colour'], 'line-width': 1.5 } });
  map.addLayer({ id: 'compare-dwellings', type: 'circle', source: 'compare', filter: ['==', ['get', 'kind'], 'dwelling'],
    paint: { 'circle-radius': 3.5, 'circle-color': ['case', ['get', 'below_minimum_distance'], '#cf222e', '#14323f'], 'circle-stroke-color': ['get', 'colour'], 'circle-stroke-width': 1 } });
  map.addLayer({ id: 'compare-plants', type: 'circle', source: 'compare', filter: ['==', ['get', 'kind'], 'plant'],
    paint: { 'circle-radius': 6, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } });

  function keep() {
    const body = projects.layoutBody();
    if (!body) { $('compare-kept').textContent = TEXT.nothingToKeep; return; }
    if (kept.length >= 5) { $('compare-kept').textContent = TEXT.tooMany; return; }
    const layout = JSON.parse(body);
    layout.name = TEXT.layoutName(String.fromCharCode(65 + kept.length));
    kept.push(layout);
    $('compare-kept').textContent = TEXT.kept(kept.length);
  }

  function clear() {
    kept.length = 0;
    shown = null;
    map.getSource('compare').setData(empty);
    map.getContainer().dataset.compareLayout = '';
    $('compare-kept').textContent = TEXT.kept(0);
  }

  // One layout's features drawn strongly, the others faintly; the map says which is shown.
  function show(key) {
    shown = key;
    const opacity = ['case', ['==', ['get', 'layout'], key], 1, 0.2];
    map.setPaintProperty('compare-rings', 'line-opacity', opacity);
    map.setPaintProperty('compare-plants', 'circle-opacity', opacity);
    map.setFilter('compare-dwellings', ['all', ['==', ['get', 'kind'], 'dwelling'], ['==', ['get', 'layout'], key]]);
    map.getContainer().dataset.compareLayout = key;
    document.querySelectorAll('#answer [data-compare-key]').forEach((b) => b.classList.toggle('active', b.dataset.compareKey === key));
  }

  async function run() {
    $('answer').innerHTML = `<p class="hint">${esc(TEXT.comparing)}</p>`;
    try {
      const c = await getJson('/api/assess/compare?features=true', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ layouts: kept }) });
      const features = c.layouts.flatMap((l, i) => (l.features?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, layout: l.key, colour: colours[i] } })));
      map.getSource('compare').setData({ type: 'FeatureCollection', features });
      $('answer').innerHTML = tableHtml(c);
      $('answer').querySelectorAll('[data-compare-key]').forEach((b) => b.addEventListener('click', () => show(b.dataset.compareKey)));
      show(c.layouts[0].key);
    } catch (error) {
      $('answer').innerHTML = problemHtml(error);
    }
  }

  $('compare-keep').addEventListener('click', keep);
  $('compare-run').addEventListener('click', run);
  $('compare-clear').addEventListener('click', clear);
  return { shown: () => shown };
}

function tableHtml(c) {
  const value = (r, v, i) => v == null ? `<span class="hint">${esc(TEXT.notAssessed)}</span>`
    : `<span class="${r.best.includes(c.layouts[i].key) ? 'best' : ''}" ${r.best.includes(c.layouts[i].key) ? `title="${esc(TEXT.best)}"` : ''}>${fmt(v, r.unit === 'MW' ? 1 : r.unit === 'dB(A)' ? 1 : 0)}${r.best.includes(c.layouts[i].key) ? ' ★' : ''}</span>`;
  const rows = c.rows.map((r) => `<tr data-testid="compare-row" data-row="${esc(r.id)}"><td>${esc(r.measure)} <span class="hint">(${esc(r.unit)})</span>
      <br><span class="status">${esc(TEXT.status(r.status))}</span> <span class="why">${esc(TEXT.better[r.better] ?? '')}</span></td>
      ${r.values.map((v, i) => `<td>${value(r, v, i)}</td>`).join('')}</tr>`).join('');
  const switches = c.layouts.map((l, i) => `<button type="button" data-compare-key="${esc(l.key)}" data-testid="compare-switch-${esc(l.key)}" style="border-color:${colours[i]}">${esc(TEXT.show)} ${esc(l.key)}: ${esc(l.name)}</button>`).join('');
  return `<h2 data-testid="answer-title">${esc(TEXT.title)}</h2>
    <div class="buttons" data-testid="compare-switch">${switches}</div>
    <table data-testid="compare-table"><tr><th>${esc(TEXT.measure)}</th>${c.layouts.map((l) => `<th>${esc(l.key)}</th>`).join('')}</tr>${rows}</table>
    <h3>${esc(TEXT.differences)}</h3><ul data-testid="compare-differences">${c.differences.map((d) => `<li>${esc(d.text)}</li>`).join('')}</ul>
    ${provenanceHtml(c)}`;
}
