// VeSiting web map: MapLibre GL JS (ES modules from npm, served from ./lib), tiles and answers from this service.
import { Map, Marker, NavigationControl, ScaleControl, AttributionControl } from './lib/maplibre-gl.mjs';

const origin = window.location.origin;
const state = { mode: 'inspect', scenario: 'banded-distance', turbines: [], solar: [], legend: [], lastProject: null };
const $ = (id) => document.getElementById(id);
const fmt = (n, digits = 0) => n == null ? '–' : Number(n).toLocaleString('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// Where the service closes reads (VeSiting:RequireKeyForReads), the map asks once for an API key, keeps it for
// this browser session, and sends it with its own requests and MapLibre's tile requests.
const keyStore = window.sessionStorage;
const apiKey = () => keyStore.getItem('vesiting-api-key');
const sameOrigin = (url) => new URL(url, window.location.href).origin === window.location.origin;
let askingForKey = null;
function askForKey() {
  askingForKey ??= Promise.resolve(window.prompt('This VeSiting service needs an API key for reading. API key:')).then((key) => {
    if (key) keyStore.setItem('vesiting-api-key', key.trim());
    askingForKey = null;
    return Boolean(key);
  });
  return askingForKey;
}
const nativeFetch = window.fetch.bind(window);
window.fetch = async (input, init = {}) => {
  const url = typeof input === 'string' ? input : input.url;
  if (!sameOrigin(url)) return nativeFetch(input, init);
  const send = () => {
    const headers = new Headers(init.headers || {});
    if (apiKey()) headers.set('X-Api-Key', apiKey());
    return nativeFetch(input, { ...init, headers });
  };
  const sentWith = apiKey();
  const response = await send();
  if (response.status !== 401) return response;
  // A request sent before the key was entered just goes again; otherwise ask (once for concurrent requests).
  if (apiKey() && apiKey() !== sentWith) return send();
  return await askForKey() ? send() : response;
};

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

const [metadata, legend, mapConfig] = await Promise.all([getJson('/api/metadata'), getJson('/api/legend'), getJson('/api/map-config')]);
state.legend = legend;

function colorExpression(layerId, attribute) {
  const layer = legend.find((l) => l.id === layerId);
  const expression = ['match', ['to-string', ['get', attribute ?? layer.styleAttribute]]];
  for (const entry of layer.legend) expression.push(entry.value, entry.color);
  expression.push(layer.legend[layer.legend.length - 1].color);
  return expression;
}

function tiles(layer) {
  const query = layer === 'tariff-zones' || layer === 'dwellings' ? `?scenario=${encodeURIComponent(state.scenario)}` : '';
  return [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt${query}`];
}

function baseStyle() {
  const minZoom = (id) => legend.find((l) => l.id === id).minZoom;
  return {
    version: 8,
    sources: Object.fromEntries(['boundaries', 'plants', 'scheme-zones', 'tariff-zones', 'dwellings'].map((id) =>
      [id, { type: 'vector', tiles: tiles(id), minzoom: minZoom(id), maxzoom: 14 }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef3f6' } },
      { id: 'municipalities-fill', type: 'fill', source: 'boundaries', 'source-layer': 'municipalities', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } },
      { id: 'tariff-zones', type: 'fill', source: 'tariff-zones', 'source-layer': 'tariff-zones', paint: { 'fill-color': colorExpression('tariff-zones'), 'fill-opacity': 0.25 } },
      { id: 'municipalities-line', type: 'line', source: 'boundaries', 'source-layer': 'municipalities', paint: { 'line-color': '#9aa5ad', 'line-width': 0.8 } },
      { id: 'regions-line', type: 'line', source: 'boundaries', 'source-layer': 'regions', paint: { 'line-color': '#5b6770', 'line-width': 1.6 } },
      { id: 'scheme-zones', type: 'fill', source: 'scheme-zones', 'source-layer': 'scheme-zones', paint: { 'fill-color': colorExpression('scheme-zones'), 'fill-opacity': 0.18 } },
      { id: 'scheme-zones-line', type: 'line', source: 'scheme-zones', 'source-layer': 'scheme-zones', paint: { 'line-color': colorExpression('scheme-zones'), 'line-width': 0.8 } },
      { id: 'dwellings', type: 'circle', source: 'dwellings', 'source-layer': 'dwellings', paint: { 'circle-color': colorExpression('dwellings'), 'circle-radius': 3.5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.6 } },
      { id: 'plants', type: 'circle', source: 'plants', 'source-layer': 'plants',
        paint: { 'circle-color': colorExpression('plants'), 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.8,
          'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'capacity_mw'], 0.5], 0, 2.5, 5, 5, 100, 10, 500, 16] } },
    ],
  };
}

const map = new Map({
  container: 'map',
  style: mapConfig.externalStyleUrl || baseStyle(),
  center: [10.4, 56.0],
  zoom: 6,
  attributionControl: false,
  transformRequest: (url) => (sameOrigin(url) && apiKey() ? { url, headers: { 'X-Api-Key': apiKey() } } : { url }),
  hash: true,
});
window.vesitingMap = map;
map.addControl(new NavigationControl(), 'top-left');
map.addControl(new ScaleControl({ unit: 'metric' }));
map.addControl(new AttributionControl({ compact: false, customAttribution: metadata.attribution.map(esc) }), 'bottom-right');

map.on('load', () => {
  map.addSource('project', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'project-rings', type: 'line', source: 'project', filter: ['==', ['get', 'kind'], 'ring'],
    paint: { 'line-color': colorExpression('scheme-zones', 'scheme'), 'line-width': 2 } });
  map.addLayer({ id: 'project-dwellings', type: 'circle', source: 'project', filter: ['==', ['get', 'kind'], 'dwelling'],
    paint: { 'circle-radius': 4, 'circle-color': ['case', ['get', 'below_minimum_distance'], '#cf222e', '#14323f'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
  map.addSource('draft', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'draft', type: 'line', source: 'draft', paint: { 'line-color': '#f2a900', 'line-width': 2, 'line-dasharray': [2, 1] } });
  document.body.dataset.mapReady = 'true';
});

// ---- layers, scenario and legend ----
const toggles = [['tariff-zones', ['tariff-zones']], ['scheme-zones', ['scheme-zones', 'scheme-zones-line']], ['dwellings', ['dwellings']], ['plants', ['plants']], ['boundaries', ['municipalities-fill', 'municipalities-line', 'regions-line']]];
for (const [id, layers] of toggles) {
  const info = legend.find((l) => l.id === id);
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" checked data-testid="toggle-${id}"> ${esc(info.title)} <span class="hint">(from zoom ${info.minZoom})</span>`;
  label.querySelector('input').addEventListener('change', (e) => {
    for (const layer of layers) map.setLayoutProperty(layer, 'visibility', e.target.checked ? 'visible' : 'none');
  });
  $('layer-switcher').append(label);
}
for (const scenario of metadata.scenarios) {
  const option = new Option(scenario.title, scenario.id, scenario.id === state.scenario, scenario.id === state.scenario);
  $('scenario').append(option);
}
$('scenario').addEventListener('change', (e) => {
  state.scenario = e.target.value;
  for (const id of ['tariff-zones', 'dwellings']) map.getSource(id).setTiles(tiles(id));
});
$('legend').innerHTML = legend.map((l) => `<h3>${esc(l.title)}</h3>` + l.legend.map((e) =>
  `<div class="legend-item"><span class="swatch" style="background:${esc(e.color)}"></span>${esc(e.label)}</div>`).join('')).join('');

// ---- modes ----
for (const button of document.querySelectorAll('#modes button')) {
  button.addEventListener('click', () => {
    state.mode = button.dataset.mode;
    document.querySelectorAll('#modes button').forEach((b) => b.classList.toggle('active', b === button));
    $('plan-form').hidden = state.mode === 'inspect';
    $('finish-solar').hidden = state.mode !== 'solar';
    $('plan-hint').textContent = state.mode === 'solar'
      ? 'Click the corners of the solar area, then "Finish solar area". Capacity is taken from the MW field.'
      : 'Click the map to place a turbine; drag it to move it.';
    map.getCanvas().style.cursor = state.mode === 'inspect' ? '' : 'crosshair';
  });
}

map.on('click', async (e) => {
  if (state.mode === 'turbine') return addTurbine(e.lngLat);
  if (state.mode === 'solar') return addSolarCorner(e.lngLat);
  const plant = map.queryRenderedFeatures(e.point, { layers: ['plants'] })[0];
  if (plant && plant.properties.kind === 'WindTurbine' && plant.properties.total_height_m) return showPlant(plant.properties.id);
  return showSite(`lat=${e.lngLat.lat.toFixed(7)}&lon=${e.lngLat.lng.toFixed(7)}`);
});

// ---- inspect: a site ----
async function showSite(query) {
  $('answer').innerHTML = '<p class="hint">Assessing…</p>';
  try {
    const a = await getJson(`/api/assess/site?${query}`);
    new Marker({ color: '#14323f' }).setLngLat([a.site.lon, a.site.lat]).addTo(map);
    const tariffs = a.tariffs.map((t) => `<tr data-testid="tariff-${esc(t.scenario)}"><td>${esc(t.title)}</td>
      <td class="zone" data-testid="zone-${esc(t.scenario)}">${t.zone ? 'Zone ' + esc(t.zone) : 'No zone'} <span class="status" data-testid="status-${esc(t.scenario)}">${esc(t.status)}</span></td>
      <td>${fmt(t.priceWithoutDkkPerKwh, 2)} → <b>${fmt(t.priceWithDkkPerKwh, 2)}</b> DKK/kWh</td>
      <td>${fmt(t.billWithoutDkk)} → <b>${fmt(t.billWithDkk)}</b> DKK/yr</td></tr>
      <tr><td colspan="4" class="why">${esc(t.why)}; prices (${esc(t.priceStatus)}): ${esc(t.priceWhy)}</td></tr>`).join('');
    const schemes = a.plants.flatMap((p) => p.findings.map((f) => `<tr><td>${esc(p.id)}<br><span class="why">${fmt(p.distanceM)} m${p.multipleOfH ? ' = ' + fmt(p.multipleOfH, 2) + ' × H' : ''}</span></td>
      <td>${esc(f.scheme)}</td><td class="${f.violation ? 'violation' : f.applies ? 'yes' : 'no'}">${f.violation ? 'violated' : f.applies ? 'applies' : 'no'}</td>
      <td class="why">${esc(f.why)}</td></tr>`)).join('');
    const outcome = (o) => o.veBonusDkkPerYear != null ? `${fmt(o.veBonusDkkPerYear)} DKK/yr` : 'no VE-bonus';
    const projects = a.projects.map((p) => `<tr data-testid="project"><td>${esc(p.id)}<br><span class="why">${p.members.length} plant(s), ${fmt(p.capacityKw / 1000, 1)} MW · ${esc(p.grouping)}</span></td>
      <td>${fmt(p.distanceM)} m to ${esc(p.nearestMember)}</td><td><b>${outcome(p.outcome)}</b> <span class="status">estimate</span></td></tr>
      <tr><td colspan="3" class="why">${esc(p.permit)}${p.outcome.veBonusWhy ? ' · ' + esc(p.outcome.veBonusWhy) : ''}${p.otherPeriods.map((o) => `<br>${esc(o.why)}: ${outcome(o)}`).join('')}</td></tr>`).join('');
    $('answer').innerHTML = `<h2 data-testid="answer-title">${esc(a.label)}</h2>
      <p>${esc(a.municipality ?? 'outside the boundaries')}${a.nearestCoveredPlant ? ` · nearest covered plant ${esc(a.nearestCoveredPlant.id)} at ${fmt(a.nearestCoveredPlant.distanceM)} m` : ''}</p>
      <p>VE-bonus: <b data-testid="ve-bonus">${fmt(a.veBonusDkkPerYear)} DKK/yr</b> <span class="status">estimate: one bonus per project</span>${a.violations.length ? ` · <span class="violation">${a.violations.length} minimum-distance violation(s)</span>` : ''}</p>
      ${projects ? `<h2>Projects within reach</h2><table>${projects}</table>` : ''}
      <h2>Tariff zones (${esc(a.profile)})</h2>${a.pricesCarriedForward ? `<p class="hint" data-testid="prices-carried-forward">${esc(a.pricesCarriedForward)}</p>` : ''}<table>${tariffs}</table>
      <h2>Neighbour schemes</h2>${schemes ? `<table>${schemes}</table>` : '<p class="hint">No covered plant within reach of any scheme: none applies.</p>'}
      ${provenance(a)}`;
  } catch (error) {
    $('answer').innerHTML = `<p class="problem" data-testid="problem">${esc(error.message)}</p>`;
  }
}

async function showPlant(id) {
  $('answer').innerHTML = '<p class="hint">Assessing…</p>';
  try {
    const a = await getJson(`/api/assess/plant/${encodeURIComponent(id)}`);
    await drawProject(a, `/api/assess/plant/${encodeURIComponent(id)}`);
  } catch (error) {
    $('answer').innerHTML = `<p class="problem" data-testid="problem">${esc(error.message)}</p>`;
  }
}

function provenance(a) {
  return `<details><summary>Rules and data behind these numbers</summary>
    <p><b>Rule sets:</b> ${a.provenance.ruleSets.map(esc).join(', ')}</p>
    ${a.provenance.unconfirmed.length ? `<p><b>Unconfirmed values:</b></p><ul>${a.provenance.unconfirmed.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : ''}
    ${a.provenance.assumptions.length ? `<p><b>Assumptions:</b></p><ul>${a.provenance.assumptions.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : ''}
    <p class="why">Data ${esc(a.dataVersion)}: ${a.attribution.map(esc).join('; ')}</p></details>`;
}

// ---- plan: turbines and solar ----
function addTurbine(lngLat) {
  const marker = new Marker({ color: '#1f77b4', draggable: true }).setLngLat(lngLat).addTo(map);
  marker.on('dragend', assessProject);
  state.turbines.push(marker);
  assessProject();
}

function addSolarCorner(lngLat) {
  state.solar.push([lngLat.lng, lngLat.lat]);
  map.getSource('draft').setData({ type: 'Feature', geometry: { type: 'LineString', coordinates: state.solar }, properties: {} });
}

$('finish-solar').addEventListener('click', () => {
  if (state.solar.length < 3) return;
  state.solarArea = [...state.solar, state.solar[0]];
  state.solar = [];
  map.getSource('draft').setData({ type: 'Feature', geometry: { type: 'LineString', coordinates: state.solarArea }, properties: {} });
  assessProject();
});

$('clear-project').addEventListener('click', () => {
  state.turbines.forEach((m) => m.remove());
  state.turbines = [];
  state.solar = [];
  state.solarArea = null;
  state.lastProject = null;
  map.getSource('project').setData({ type: 'FeatureCollection', features: [] });
  map.getSource('draft').setData({ type: 'FeatureCollection', features: [] });
  $('answer').innerHTML = '';
});

function projectBody() {
  const hub = Number($('hub').value), rotor = Number($('rotor').value), mw = Number($('mw').value);
  const features = state.turbines.map((m, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.getLngLat().lng, m.getLngLat().lat] },
    properties: { id: `T${i + 1}`, hub_height_m: hub, rotor_diameter_m: rotor, capacity_kw: mw * 1000 } }));
  if (state.solarArea) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [state.solarArea] }, properties: { id: 'solar', capacity_mw: mw } });
  return JSON.stringify({ type: 'FeatureCollection', permit_date: $('permit').value || undefined, features });
}

async function assessProject() {
  if (state.turbines.length === 0 && !state.solarArea) return;
  $('answer').innerHTML = '<p class="hint">Assessing the project…</p>';
  const options = { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: projectBody() };
  try {
    const a = await getJson('/api/assess/project', options);
    await drawProject(a, '/api/assess/project', options);
  } catch (error) {
    $('answer').innerHTML = `<p class="problem" data-testid="problem">${esc(error.message)}</p>`;
  }
}

async function drawProject(a, url, options) {
  state.lastProject = { url, options };
  const features = await fetch(`${url}${url.includes('?') ? '&' : '?'}format=geojson`, options ?? {}).then((r) => r.ok ? r.json() : null);
  if (features) map.getSource('project').setData(features);
  const dwellings = a.dwellings.slice(0, 60).map((d) => `<tr><td>${esc(d.address)}</td><td>${fmt(d.distanceM)} m</td><td>${esc(d.ring)}</td>
    <td class="${d.belowMinimumDistance ? 'violation' : ''}">${d.belowMinimumDistance ? 'too close' : d.salesOption ? 'sales option' : ''}</td><td>${fmt(d.veBonusDkkPerYear)}</td></tr>`).join('');
  $('answer').innerHTML = `<h2 data-testid="answer-title">${esc(a.name)}</h2>
    <p>${esc(a.permit)} · rings ${[...a.rings.map((r) => `${fmt(r.k)} × H = ${fmt(r.radiusM)} m`), ...(a.solarRadiusM ? [`${fmt(a.solarRadiusM)} m around solar`] : [])].join(', ') || 'none for this permit period'}</p>
    ${a.grouping ? `<p class="why">${esc(a.grouping)}</p>` : ''}
    ${a.plants.filter((p) => p.coverage !== 'Covered').map((p) => `<p class="why">${esc(p.id)}: ${esc(p.coverageWhy)} — no money</p>`).join('')}
    <p><b data-testid="neighbour-count">${a.dwellings.length}</b> dwellings within the rings ·
       <span class="${a.violations ? 'violation' : ''}" data-testid="violations">${a.violations} closer than the minimum distance</span> ·
       ${a.salesOptionHouseholds} with the sales option · ${a.veBonusHouseholds} with the VE-bonus</p>
    <p>VE-bonus ${a.veBonus ? `${fmt(a.veBonus.perHouseholdDkk)} DKK per household, ${fmt(a.veBonus.totalDkk)} DKK/yr in all${a.veBonus.capApplied ? ` (cap of ${fmt(a.veBonus.capKw)} kW applied)` : ''} <span class="status">estimate</span>` : esc(a.veBonusWhy)}</p>
    <p>Green pool: <b data-testid="green-pool">${fmt(a.greenPoolDkk)} DKK</b> ${a.greenPool.map((g) => `(${esc(g.municipality)}: ${fmt(g.dkk)})`).join(' ')}</p>
    ${a.otherPeriods.map((o) => `<p class="why">${esc(o.why)}: VE-bonus ${fmt(o.veBonusPerHouseholdDkk)} DKK per household (${o.veBonusHouseholds} households), green pool ${fmt(o.greenPoolDkk)} DKK</p>`).join('')}
    <table><tr><th>Address</th><th>Distance</th><th>Ring</th><th></th><th>DKK/yr</th></tr>${dwellings}</table>
    ${a.dwellings.length > 60 ? `<p class="hint">… and ${a.dwellings.length - 60} more: export the full list.</p>` : ''}
    ${provenance(a)}`;
}

async function download(format, filename) {
  if (!state.lastProject) return;
  const { url, options } = state.lastProject;
  const response = await fetch(`${url}${url.includes('?') ? '&' : '?'}format=${format}`, options ?? {});
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: filename });
  link.click();
}
$('export-csv').addEventListener('click', () => download('csv', 'neighbours.csv'));
$('export-geojson').addEventListener('click', () => download('geojson', 'neighbours.geojson'));
$('export-gpkg').addEventListener('click', () => download('gpkg', 'neighbours.gpkg'));

// ---- spin-off siting ----
const sitingProfiles = await getJson('/api/sites/profiles');
for (const p of sitingProfiles) $('siting-profile').append(new Option(p.title, p.id));
function sitingQuery() {
  return `profile=${encodeURIComponent($('siting-profile').value)}&area=${encodeURIComponent($('siting-area').value)}&cell=${encodeURIComponent($('siting-cell').value)}`;
}
$('siting-run').addEventListener('click', async () => {
  $('siting-result').innerHTML = '<p class="hint">Scoring sites…</p>';
  try {
    const r = await getJson(`/api/sites?${sitingQuery()}&limit=10`);
    const tiles = [`${origin}/tiles/suitability/{z}/{x}/{y}.mvt?${sitingQuery()}`];
    if (map.getSource('suitability')) map.getSource('suitability').setTiles(tiles);
    else {
      map.addSource('suitability', { type: 'vector', tiles, minzoom: 5, maxzoom: 14 });
      map.addLayer({ id: 'suitability', type: 'fill', source: 'suitability', 'source-layer': 'suitability',
        paint: { 'fill-color': colorExpression('suitability'), 'fill-opacity': 0.55 } }, 'plants');
    }
    $('siting-result').innerHTML = `<p>${esc(r.area)}: ${fmt(r.rankedCount)} ranked, ${fmt(r.excludedCount)} excluded, in ${fmt(r.elapsedSeconds, 1)} s</p>
      <table data-testid="siting-ranked">${r.ranked.map((s) => `<tr data-lon="${s.position.lon}" data-lat="${s.position.lat}"><td>#${s.rank}</td><td>${fmt(s.score, 1)}</td>
        <td class="why">${s.values.slice().sort((a, b) => b.contribution - a.contribution).slice(0, 2).map((v) => esc(v.why)).join('<br>')}</td></tr>`).join('')}</table>
      ${r.notes.map((n) => `<p class="why">${esc(n)}</p>`).join('')}`;
    $('siting-result').querySelectorAll('tr').forEach((tr) => tr.addEventListener('click', () => map.flyTo({ center: [Number(tr.dataset.lon), Number(tr.dataset.lat)], zoom: 12 })));
  } catch (error) {
    $('siting-result').innerHTML = `<p class="problem" data-testid="problem">${esc(error.message)}</p>`;
  }
});
for (const [id, format] of [['siting-csv', 'csv'], ['siting-gpkg', 'gpkg']]) {
  $(id).addEventListener('click', () => { window.location.href = `/api/sites?${sitingQuery()}&format=${format}`; });
}

// ---- search ----
let searchTimer;
$('search-text').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  const text = e.target.value.trim();
  if (text.length < 3) { $('search-results').innerHTML = ''; return; }
  searchTimer = setTimeout(async () => {
    const found = await getJson(`/api/addresses?q=${encodeURIComponent(text)}&limit=8`).catch(() => []);
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
