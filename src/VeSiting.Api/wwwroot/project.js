// Planned projects (turbines and a solar area) and registered plants: one assessment request at a time, its rings
// and dwellings drawn from the same answer, exports of the last assessed project through the API client.
import { t } from './i18n.js';
import { Marker } from './lib/maplibre-gl.mjs';
import { download, getJson, isAborted } from './api.js';
import { $, esc, fmt, problemHtml, provenanceHtml } from './ui.js';

const empty = { type: 'FeatureCollection', features: [] };
// User-visible strings of the case-report hook.
const TEXT = { reportButton: t('project.report-button'), reportTitle: t('project.report-title'), reportFile: t('project.report-file') };
// While a turbine is dragged its project is assessed when the pointer rests this long (ms); older requests are aborted.
const dragPause = 150;

/**
 * `answerSignal` aborts the answer panel's previous request and gives the signal for the next one; `bands` (noise.js) draws a
 * planned layout's noise and flicker bands and fills the neighbour table's noise and flicker columns.
 */
export function plannedProjects(map, answerSignal, bands) {
  const state = { turbines: [], solar: [], solarArea: null, last: null };
  let dragTimer;

  function addTurbine(lngLat) {
    const marker = new Marker({ color: '#1f77b4', draggable: true }).setLngLat(lngLat).addTo(map);
    marker.getElement().dataset.testid = 'turbine';
    marker.on('drag', () => {
      bands?.update(body());
      clearTimeout(dragTimer);
      dragTimer = setTimeout(assess, dragPause);
    });
    marker.on('dragend', () => {
      clearTimeout(dragTimer);
      assess();
    });
    state.turbines.push(marker);
    assess();
  }

  function addSolarCorner(lngLat) {
    state.solar.push([lngLat.lng, lngLat.lat]);
    map.getSource('draft').setData({ type: 'Feature', geometry: { type: 'LineString', coordinates: state.solar }, properties: {} });
  }

  function finishSolar() {
    if (state.solar.length < 3) return;
    state.solarArea = [...state.solar, state.solar[0]];
    state.solar = [];
    map.getSource('draft').setData({ type: 'Feature', geometry: { type: 'LineString', coordinates: state.solarArea }, properties: {} });
    assess();
  }

  function clear() {
    clearTimeout(dragTimer);
    answerSignal(); // aborts an assessment still on its way
    bands?.clear();
    state.turbines.forEach((m) => m.remove());
    Object.assign(state, { turbines: [], solar: [], solarArea: null, last: null });
    map.getSource('project').setData(empty);
    map.getSource('draft').setData(empty);
    $('answer').innerHTML = '';
    $('export-problem').innerHTML = '';
  }

  function body() {
    const hub = Number($('hub').value), rotor = Number($('rotor').value), mw = Number($('mw').value);
    const features = state.turbines.map((m, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.getLngLat().lng, m.getLngLat().lat] },
      properties: { id: `T${i + 1}`, hub_height_m: hub, rotor_diameter_m: rotor, capacity_kw: mw * 1000 } }));
    if (state.solarArea) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [state.solarArea] }, properties: { id: 'solar', capacity_mw: mw } });
    return JSON.stringify({ type: 'FeatureCollection', permit_date: $('permit').value || undefined, features });
  }

  function assess() {
    if (state.turbines.length === 0 && !state.solarArea) return;
    if (state.turbines.length > 0) bands?.update(body());
    return show('/api/assess/project', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: body() });
  }

  function showPlant(id) {
    return show(`/api/assess/plant/${encodeURIComponent(id)}`, {});
  }

  /** One request: the answer and its GeoJSON (features=true); a newer assessment aborts it. */
  async function show(url, init) {
    const signal = answerSignal();
    $('answer').innerHTML = `<p class="hint">${t('answer.assessing')}</p>`;
    try {
      const a = await getJson(`${url}?features=true`, { ...init, signal });
      state.last = { url, init };
      map.getSource('project').setData(a.features);
      $('answer').innerHTML = answerHtml(a, url === '/api/assess/project' ? bands : null);
    } catch (error) {
      if (!isAborted(error)) $('answer').innerHTML = problemHtml(error);
    }
  }

  async function exportAs(format, filename) {
    if (!state.last) return;
    $('export-problem').innerHTML = '';
    try {
      await download(`${state.last.url}?format=${format}`, state.last.init, filename);
    } catch (error) {
      $('export-problem').innerHTML = problemHtml(error);
    }
  }

  $('finish-solar').addEventListener('click', finishSolar);
  $('clear-project').addEventListener('click', clear);
  $('export-csv').addEventListener('click', () => exportAs('csv', 'neighbours.csv'));
  $('export-geojson').addEventListener('click', () => exportAs('geojson', 'neighbours.geojson'));
  $('export-gpkg').addEventListener('click', () => exportAs('gpkg', 'neighbours.gpkg'));
  const report = Object.assign(document.createElement('button'), { type: 'button', id: 'export-report', textContent: TEXT.reportButton, title: TEXT.reportTitle });
  report.dataset.testid = 'export-report';
  $('export-gpkg').after(report);
  report.addEventListener('click', () => exportAs('pdf', TEXT.reportFile));

  /** The planned layout now drawn, as the GeoJSON body of an assessment, or null when nothing is placed. */
  const layoutBody = () => (state.turbines.length === 0 && !state.solarArea ? null : body());

  return { addTurbine, addSolarCorner, showPlant, layoutBody };
}

function answerHtml(a, bands) {
  const dwellings = a.dwellings.slice(0, 60).map((d) => `<tr><td>${esc(d.address)}</td><td>${fmt(d.distanceM)} m</td><td>${esc(d.ring)}</td>
    <td class="${d.belowMinimumDistance ? 'violation' : ''}">${d.belowMinimumDistance ? t('project.too-close') : d.salesOption ? t('project.sales-option') : ''}</td><td>${fmt(d.veBonusDkkPerYear)}</td>${bands ? bands.cells(d.id) : ''}</tr>`).join('');
  return `<h2 data-testid="answer-title">${esc(a.name)}</h2>
    <p>${esc(a.permit)} · ${t('project.rings')} ${[...a.rings.map((r) => `${fmt(r.k)} × H = ${fmt(r.radiusM)} m`), ...(a.solarRadiusM ? [esc(t('project.solar-ring', { distance: fmt(a.solarRadiusM) }))] : [])].join(', ') || t('project.no-rings')}</p>
    ${a.grouping ? `<p class="why">${esc(a.grouping)}</p>` : ''}
    ${a.plants.filter((p) => p.coverage !== 'Covered').map((p) => `<p class="why">${esc(p.id)}: ${esc(p.coverageWhy)} — ${t('project.no-money')}</p>`).join('')}
    <p><b data-testid="neighbour-count">${a.dwellings.length}</b> ${t('project.dwellings-within')} ·
       <span class="${a.violations ? 'violation' : ''}" data-testid="violations">${esc(t('project.closer', { count: a.violations }))}</span> ·
       ${esc(t('project.with-sales-option', { count: a.salesOptionHouseholds }))} · ${esc(t('project.with-ve-bonus', { count: a.veBonusHouseholds }))}</p>
    <p>VE-bonus ${a.veBonus ? `${esc(t('project.ve-bonus', { each: fmt(a.veBonus.perHouseholdDkk), total: fmt(a.veBonus.totalDkk) }))}${a.veBonus.capApplied ? ` ${esc(t('project.cap-applied', { cap: fmt(a.veBonus.capKw) }))}` : ''} <span class="status">${t('status.estimate')}</span>` : esc(a.veBonusWhy)}</p>
    <p>${t('project.green-pool')}: <b data-testid="green-pool">${fmt(a.greenPoolDkk)} ${t('unit.dkk')}</b> ${a.greenPool.map((g) => `(${esc(g.municipality)}: ${fmt(g.dkk)})`).join(' ')}</p>
    ${a.otherPeriods.map((o) => `<p class="why">${esc(o.why)}: ${esc(t('project.other-period', { each: fmt(o.veBonusPerHouseholdDkk), households: o.veBonusHouseholds, pool: fmt(o.greenPoolDkk) }))}</p>`).join('')}
    <table><tr><th>${t('project.address')}</th><th>${t('project.distance')}</th><th>${t('project.ring')}</th><th></th><th>${t('unit.dkk-per-year')}</th>${bands ? bands.headers() : ''}</tr>${dwellings}</table>
    ${bands ? bands.summaryHtml() : ''}
    ${a.dwellings.length > 60 ? `<p class="hint">${esc(t('project.more', { count: a.dwellings.length - 60 }))}</p>` : ''}
    ${provenanceHtml(a)}`;
}
