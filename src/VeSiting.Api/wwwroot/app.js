// VeSiting web map: MapLibre GL JS (ES modules from npm, served from ./lib), tiles and answers from this service.
// Requests go through api.js; planned projects are in project.js, the suitability panel in siting.js.
import { Map, Marker, NavigationControl, ScaleControl, AttributionControl } from './lib/maplibre-gl.mjs';
import { apiKey, getJson, isAborted, latestOnly, sameOrigin } from './api.js';
import { plannedProjects } from './project.js';
import { layoutBands } from './noise.js';
import { sitingPanel } from './siting.js';
import { comparePanel } from './compare.js';
import { firmHtml, impactPanel } from './impact.js';
import { baseMaps } from './basemaps.js';
import { languageSwitch, t, t as tr, translatePage } from './i18n.js';
import { $, colorExpression as legendColors, esc, fmt, idHtml, legendHtml, problemHtml, provenanceHtml } from './ui.js';

translatePage();
languageSwitch($('language-switch'));

const origin = window.location.origin;
const state = { mode: 'inspect', scenario: 'banded-distance', siteMarker: null };
// One answer panel: a new site, plant or project assessment aborts the one still on its way.
const answerSignal = latestOnly();

const [metadata, legend, mapConfig] = await Promise.all([getJson('/api/metadata'), getJson('/api/legend'), getJson('/api/map-config')]);
const colorExpression = (layerId, attribute) => legendColors(legend.find((l) => l.id === layerId), attribute);

// The tile layers the map draws: every layer of the catalogue (in its order) but suitability, which siting.js draws.
const tileLayers = legend.filter((l) => l.id !== 'suitability');
// Values the map holds for the query parameters a layer's tiles take (a parameter with no value here is left to its default).
const parameterValues = { scenario: () => state.scenario };

function tiles(layer) {
  const query = layer.parameters.filter((p) => parameterValues[p]).map((p) => `${p}=${encodeURIComponent(parameterValues[p]())}`).join('&');
  return [`${origin}/tiles/${layer.id}/{z}/{x}/{y}.mvt${query ? '?' + query : ''}`];
}

// Colours come from the legend's style attribute; a layer without one is drawn in one colour.
const colors = (layer) => layer.styleAttribute && layer.legend.length ? colorExpression(layer.id) : '#555f66';

// Display-only looks of the layers this map knows (sizes, opacities, draw order); any other layer gets the generic
// look of its geometry. `rank` orders the style layers (lower is drawn first).
const looks = {
  boundaries: { layers: (l) => [
    { id: 'municipalities-fill', rank: 0, type: 'fill', 'source-layer': 'municipalities', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } },
    { id: 'municipalities-line', rank: 2, type: 'line', 'source-layer': 'municipalities', paint: { 'line-color': colors(l), 'line-width': 0.8 } },
    { id: 'regions-line', rank: 2, type: 'line', 'source-layer': 'regions', paint: { 'line-color': colors(l), 'line-width': 1.6 } },
  ] },
  // The offline base map's street-level detail: buildings beneath everything, plant footprints above the zones.
  'map-detail': { layers: (l) => [
    { id: 'map-detail-buildings', rank: 0.5, type: 'fill', 'source-layer': 'buildings', paint: { 'fill-color': '#d9d0c5', 'fill-outline-color': '#a89c8c' } },
    { id: 'map-detail-footprints', rank: 3.5, type: 'fill', 'source-layer': 'footprints', paint: { 'fill-color': colors(l), 'fill-opacity': 0.35, 'fill-outline-color': colors(l) } },
    { id: 'map-detail-addresses', rank: 3.6, type: 'circle', 'source-layer': 'addresses', paint: { 'circle-radius': 1.8, 'circle-color': '#6e7781' } },
  ] },
  'tariff-zones': { rank: 1, fill: { 'fill-opacity': 0.25 }, outline: false },
  'scheme-zones': { rank: 3, fill: { 'fill-opacity': 0.18 } },
  noise: { rank: 2.5, fill: { 'fill-opacity': 0.1 } },
  dwellings: { rank: 4, circle: { 'circle-radius': 3.5, 'circle-stroke-width': 0.6 } },
  firms: { rank: 5.5, circle: { 'circle-stroke-color': '#14323f', 'circle-stroke-width': 1.2 } },
  plants: { rank: 5, circle: { 'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'capacity_mw'], 0.5], 0, 2.5, 5, 5, 100, 10, 500, 16] } },
};

/** A point's radius from the layer's style (`style.sizeBy` of /api/legend, as PNG tiles draw it): clamp(base + √value × k, min, max). */
const pointRadius = (layer) => {
  const by = layer.style?.sizeBy;
  if (!by) return 4;
  const grown = ['+', by.base, ['*', ['sqrt', ['max', 0, ['to-number', ['get', by.attribute], 0]]], by.perSquareRoot]];
  return ['case', ['has', by.attribute], ['min', by.max, ['max', by.min, grown]], layer.style.pointRadius];
};

/** A layer's MapLibre style layers: polygons as fill + outline, points as circles, with its look's overrides. */
function styleLayers(layer) {
  const look = looks[layer.id] ?? {};
  const drawn = look.layers ? look.layers(layer) : layer.vectorLayers.flatMap((vectorLayer) => {
    const id = layer.vectorLayers.length === 1 ? layer.id : `${layer.id}-${vectorLayer}`;
    const common = { 'source-layer': vectorLayer, rank: look.rank ?? (layer.geometry === 'point' ? 6 : 3) };
    if (layer.geometry === 'point') {
      return [{ ...common, id, type: 'circle', paint: { 'circle-color': colors(layer), 'circle-radius': pointRadius(layer), 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.8, ...look.circle } }];
    }
    const fill = { ...common, id, type: 'fill', paint: { 'fill-color': colors(layer), 'fill-opacity': 0.2, ...look.fill } };
    const outline = { ...common, id: `${id}-line`, type: 'line', paint: { 'line-color': colors(layer), 'line-width': 0.8 } };
    return look.outline === false ? [fill] : [fill, outline];
  });
  return drawn.map((l) => ({ ...l, source: layer.id }));
}

function baseStyle() {
  const layers = tileLayers.flatMap(styleLayers).sort((a, b) => a.rank - b.rank).map(({ rank: _, ...l }) => l);
  return {
    version: 8,
    // Tiles beyond zoom 14 are over-zoomed from 14.
    sources: Object.fromEntries(tileLayers.map((l) => [l.id, { type: 'vector', tiles: tiles(l), minzoom: l.minZoom, maxzoom: Math.min(l.maxZoom, 14) }])),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f6' } }, ...layers],
  };
}

const map = new Map({
  container: 'map',
  style: baseStyle(),
  center: [10.4, 56.0],
  zoom: 6,
  attributionControl: false,
  transformRequest: (url) => (sameOrigin(url) && apiKey() ? { url, headers: { 'X-Api-Key': apiKey() } } : { url }),
  hash: true,
});
window.vesitingMap = map;
map.addControl(new NavigationControl(), 'top-left');
// Top left under the zoom buttons: at the bottom the sources' attribution (three lines at a tablet's width) covers it.
map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
map.addControl(new AttributionControl({ compact: false, customAttribution: metadata.attribution.map(esc) }), 'bottom-right');

const bases = baseMaps(map, mapConfig);
const loaded = new Promise((resolve) => map.once('load', resolve)).then(() => bases.start());
map.on('load', () => {
  map.addSource('project', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'project-rings', type: 'line', source: 'project', filter: ['==', ['get', 'kind'], 'ring'],
    paint: { 'line-color': colorExpression('scheme-zones', 'scheme'), 'line-width': 2 } });
  map.addLayer({ id: 'project-dwellings', type: 'circle', source: 'project', filter: ['==', ['get', 'kind'], 'dwelling'],
    paint: { 'circle-radius': 4, 'circle-color': ['case', ['get', 'below_minimum_distance'], '#cf222e', '#14323f'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
  // A project's members and rings highlighted while the pointer is over one of them (or over its row in the answer).
  map.addLayer({ id: 'project-highlight-rings', type: 'line', source: 'scheme-zones', 'source-layer': 'scheme-zones', filter: ['==', ['get', 'project'], ''],
    paint: { 'line-color': '#14323f', 'line-width': 2.5 } });
  map.addLayer({ id: 'project-highlight-plants', type: 'circle', source: 'plants', 'source-layer': 'plants', filter: ['==', ['get', 'project'], ''],
    paint: { 'circle-radius': 8, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#f2a900', 'circle-stroke-width': 3 } });
  map.addSource('draft', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'draft', type: 'line', source: 'draft', paint: { 'line-color': '#f2a900', 'line-width': 2, 'line-dasharray': [2, 1] } });
});

// ---- a project's members on hover ----
function highlightProject(project) {
  const filter = ['==', ['get', 'project'], project ?? ''];
  for (const layer of ['project-highlight-rings', 'project-highlight-plants']) if (map.getLayer(layer)) map.setFilter(layer, filter);
  map.getContainer().dataset.highlightedProject = project ?? '';
}
map.on('mousemove', (e) => {
  const hovered = map.queryRenderedFeatures(e.point, { layers: ['plants', 'scheme-zones'].filter((l) => map.getLayer(l)) })
    .find((f) => f.properties.project);
  const project = hovered?.properties.project ?? null;
  if ((map.getContainer().dataset.highlightedProject ?? '') !== (project ?? '')) highlightProject(project);
});
$('answer').addEventListener('mouseover', (e) => highlightProject(e.target.closest('[data-project]')?.dataset.project ?? null));

// ---- layers, scenario and legend ----
for (const info of tileLayers) {
  const layers = () => (map.getStyle()?.layers ?? []).filter((l) => l.source === info.id).map((l) => l.id);
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" checked data-testid="toggle-${esc(info.id)}"> ${esc(info.title)} <span class="hint">${esc(t('layers.from-zoom', { zoom: info.minZoom }))}</span>`;
  label.querySelector('input').addEventListener('change', (e) => {
    for (const layer of layers()) map.setLayoutProperty(layer, 'visibility', e.target.checked ? 'visible' : 'none');
  });
  $('layer-switcher').append(label);
}
for (const scenario of metadata.scenarios) {
  const option = new Option(scenario.title, scenario.id, scenario.id === state.scenario, scenario.id === state.scenario);
  $('scenario').append(option);
}
$('scenario').addEventListener('change', (e) => {
  state.scenario = e.target.value;
  for (const layer of tileLayers.filter((l) => l.parameters.includes('scenario'))) map.getSource(layer.id)?.setTiles(tiles(layer));
  impact.scenarioChanged();
});
const impact = impactPanel(() => state.scenario);
$('legend').innerHTML = tileLayers.map((l) => `<h3>${esc(l.title)}</h3>${legendHtml(l)}`).join('');

// ---- planned projects and the suitability panel ----
const projects = plannedProjects(map, answerSignal, layoutBands(map, legend.find((l) => l.id === 'noise'), legend.find((l) => l.id === 'shadow-flicker')));
const siting = await sitingPanel(map, legend.find((l) => l.id === 'suitability'), origin);
loaded.then(() => comparePanel(map, projects));

// ---- modes ----
for (const button of document.querySelectorAll('#modes button')) {
  button.addEventListener('click', () => {
    state.mode = button.dataset.mode;
    document.querySelectorAll('#modes button').forEach((b) => b.classList.toggle('active', b === button));
    $('plan-form').hidden = state.mode !== 'turbine' && state.mode !== 'solar';
    $('finish-solar').hidden = state.mode !== 'solar';
    $('plan-hint').textContent = state.mode === 'solar'
      ? t('plan.hint-solar')
      : t('plan.hint-turbine');
    map.getCanvas().style.cursor = state.mode === 'inspect' ? '' : 'crosshair';
    if (state.mode === 'suitability') $('siting').scrollIntoView({ block: 'nearest' });
  });
}

map.on('click', async (e) => {
  if (state.mode === 'turbine') return projects.addTurbine(e.lngLat);
  if (state.mode === 'solar') return projects.addSolarCorner(e.lngLat);
  if (state.mode === 'suitability') return siting.showCell(e.lngLat);
  const firm = map.getLayer('firms') && map.queryRenderedFeatures(e.point, { layers: ['firms'] })[0];
  if (firm) { answerSignal(); $('answer').innerHTML = firmHtml(firm.properties); return; }
  const plant = map.queryRenderedFeatures(e.point, { layers: ['plants'] })[0];
  if (plant && plant.properties.kind === 'WindTurbine' && plant.properties.total_height_m) return projects.showPlant(plant.properties.id);
  return showSite(`lat=${e.lngLat.lat.toFixed(7)}&lon=${e.lngLat.lng.toFixed(7)}`);
});

// ---- inspect: a site ----
async function showSite(query) {
  const signal = answerSignal();
  $('answer').innerHTML = `<p class="hint">${t('answer.assessing')}</p>`;
  try {
    const a = await getJson(`/api/assess/site?${query}`, { signal });
    state.siteMarker?.remove();
    state.siteMarker = new Marker({ color: '#14323f' }).setLngLat([a.site.lon, a.site.lat]).addTo(map);
    state.siteMarker.getElement().dataset.testid = 'site-marker';
    const tariffs = a.tariffs.map((z) => `<tr data-testid="tariff-${esc(z.scenario)}"><td>${esc(z.title)}</td>
      <td class="zone" data-testid="zone-${esc(z.scenario)}">${z.zone ? esc(tr('site.zone', { zone: z.zone })) : esc(tr('site.no-zone'))} <span class="status" data-testid="status-${esc(z.scenario)}">${esc(tr(`status.${z.status}`, undefined, z.status))}</span></td>
      <td>${fmt(z.priceWithoutDkkPerKwh, 2)} → <b>${fmt(z.priceWithDkkPerKwh, 2)}</b> ${tr('unit.dkk-per-kwh')}</td>
      <td>${fmt(z.billWithoutDkk)} → <b>${fmt(z.billWithDkk)}</b> ${tr('unit.dkk-per-year')}</td></tr>
      <tr><td colspan="4" class="why">${esc(z.why)}; ${esc(tr('site.prices', { status: tr(`status.${z.priceStatus}`, undefined, z.priceStatus) }))} ${esc(z.priceWhy)}</td></tr>`).join('');
    const schemes = a.plants.flatMap((p) => p.findings.map((f) => `<tr><td>${idHtml(p.id)}<br><span class="why">${fmt(p.distanceM)} m${p.multipleOfH ? ' = ' + fmt(p.multipleOfH, 2) + ' × H' : ''}</span></td>
      <td>${esc(tr(`scheme.${f.scheme}`, undefined, f.scheme))}</td><td class="${f.violation ? 'violation' : f.applies ? 'yes' : 'no'}">${f.violation ? tr('site.violated') : f.applies ? tr('site.applies') : tr('site.not-applies')}</td>
      <td class="why" data-testid="finding-why">${esc(f.why)}</td></tr>`)).join('');
    const outcome = (o) => o.veBonusDkkPerYear != null ? `${fmt(o.veBonusDkkPerYear)} ${tr('unit.dkk-per-year')}` : tr('site.no-ve-bonus');
    const nearProjects = a.projects.map((p) => `<tr data-testid="project" data-project="${esc(p.id)}"><td>${idHtml(p.id)}<br><span class="why">${esc(tr('site.project-plants', { count: p.members.length }))}, ${fmt(p.capacityKw / 1000, 1)} MW · ${esc(p.grouping)}</span></td>
      <td>${esc(tr('site.distance-to', { distance: fmt(p.distanceM) }))} ${idHtml(p.nearestMember)}</td><td><b>${outcome(p.outcome)}</b> <span class="status">${tr('status.estimate')}</span></td></tr>
      <tr><td colspan="3" class="why">${esc(p.permit)}${p.outcome.veBonusWhy ? ' · ' + esc(p.outcome.veBonusWhy) : ''}${p.otherPeriods.map((o) => `<br>${esc(o.why)}: ${outcome(o)}`).join('')}</td></tr>`).join('');
    $('answer').innerHTML = `<h2 data-testid="answer-title">${esc(a.label)}</h2>
      <p>${esc(a.municipality ?? tr('site.outside'))}${a.nearestCoveredPlant ? ` · ${esc(tr('site.nearest-covered'))} ${idHtml(a.nearestCoveredPlant.id)} ${esc(tr('site.at-distance', { distance: fmt(a.nearestCoveredPlant.distanceM) }))}` : ''}</p>
      <p>VE-bonus: <b data-testid="ve-bonus">${fmt(a.veBonusDkkPerYear)} ${tr('unit.dkk-per-year')}</b> <span class="status">${tr('site.ve-bonus-status')}</span>${a.violations.length ? ` · <span class="violation">${esc(tr('site.violations', { count: a.violations.length }))}</span>` : ''}</p>
      ${nearProjects ? `<h2 data-testid="projects-title">${tr('site.projects')}</h2><table>${nearProjects}</table>` : ''}
      <h2 data-testid="tariffs-title">${esc(tr('site.tariffs', { profile: a.profile }))}</h2>${a.pricesCarriedForward ? `<p class="hint" data-testid="prices-carried-forward">${esc(a.pricesCarriedForward)}</p>` : ''}<table>${tariffs}</table>
      <h2 data-testid="schemes-title">${tr('site.schemes')}</h2>${schemes ? `<table>${schemes}</table>` : `<p class="hint">${tr('site.no-schemes')}</p>`}
      ${provenanceHtml(a)}`;
  } catch (error) {
    if (!isAborted(error)) $('answer').innerHTML = problemHtml(error);
  }
}

// ---- search ----
let searchTimer;
const searchSignal = latestOnly();
$('search-text').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  const text = e.target.value.trim();
  if (text.length < 3) { $('search-results').innerHTML = ''; return; }
  searchTimer = setTimeout(async () => {
    const found = await getJson(`/api/addresses?q=${encodeURIComponent(text)}&limit=8`, { signal: searchSignal() }).catch(() => null);
    if (!found) return;
    $('search-results').innerHTML = found.map((a) => `<li data-testid="search-result" data-lat="${a.position.lat}" data-lon="${a.position.lon}" data-label="${esc(a.label)}">${esc(a.label)}</li>`).join('');
  }, 200);
});
$('search-results').addEventListener('click', (e) => {
  const item = e.target.closest('li');
  if (!item) return;
  $('search-results').innerHTML = '';
  map.flyTo({ center: [Number(item.dataset.lon), Number(item.dataset.lat)], zoom: 14 });
  showSite(`address=${encodeURIComponent(item.dataset.label)}`);
});
$('search').addEventListener('submit', (e) => { e.preventDefault(); $('search-results').querySelector('li')?.click(); });

// Tests and people may use the map once it has loaded and every panel is set up.
await loaded;
document.body.dataset.mapReady = 'true';
