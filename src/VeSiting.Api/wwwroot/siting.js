// The suitability panel: a profile's weights to adjust, ranked sites (places, each with its area) from POST /api/sites
// (the panel's weights sent as a profile), the profile's suitability raster as PNG tiles with its legend, and every criterion's value at a
// clicked cell (/api/sites/cell). Colours, classes and labels come from the service's legend.
import { t } from './i18n.js';
import { download, getJson, isAborted, latestOnly, postJson } from './api.js';
import { $, esc, fmt, legendHtml, problemHtml } from './ui.js';

const empty = { type: 'FeatureCollection', features: [] };
const enc = encodeURIComponent;
/** A criterion's unit in the page's language: words are translated, symbols (m, MW, km², DKK/kWh) read the same. */
const unitText = (unit) => ({ share: t('siting.unit-share'), people: t('siting.unit-people'), points: t('siting.unit-points'),
  'per region': t('siting.unit-per-region'), 't O2/yr': t('siting.unit-oxygen') })[unit] ?? unit;

/** Ranked sites coloured by score with the legend's numeric classes (each class from its value upwards). */
function scoreColor(layer) {
  const classes = layer.legend.filter((e) => e.value !== '' && Number.isFinite(Number(e.value)))
    .map((e) => [Number(e.value), e.color]).sort((a, b) => a[0] - b[0]);
  return ['step', ['get', 'score'], classes[0][1], ...classes.slice(1).flat()];
}

/** `layer` is the suitability layer of /api/legend; `origin` the service's address for tile URLs. */
export async function sitingPanel(map, layer, origin) {
  const profiles = await getJson('/api/sites/profiles');
  for (const p of profiles) $('siting-profile').append(new Option(p.title, p.id));
  $('suitability-legend').innerHTML = `<h3>${esc(layer.title)}</h3>${legendHtml(layer)}`;

  let profile = null; // the selected profile's file; the panel edits its weights
  let shown = null; // profile, area and cell of the raster on the map, which a click reads
  let lastBody = null;
  const profileSignal = latestOnly(), runSignal = latestOnly(), cellSignal = latestOnly();

  async function loadProfile() {
    try {
      profile = await getJson(`/api/sites/profiles/${enc($('siting-profile').value)}`, { signal: profileSignal() });
      $('siting-weights').innerHTML = profile.criteria.map((c, i) => {
        const name = c.layer ? `${c.criterion} (${c.layer})` : c.criterion;
        return `<label title="${esc(c.why)}">${esc(name)} <input type="number" min="0" step="0.5" value="${esc(c.weight)}" data-index="${i}"
          data-testid="weight-${esc(c.layer ? `${c.criterion}-${c.layer}` : c.criterion)}"></label>`;
      }).join('');
    } catch (error) {
      if (!isAborted(error)) $('siting-weights').innerHTML = problemHtml(error);
    }
  }

  /** The body of POST /api/sites: the built-in profile by id, or the profile with the panel's weights. */
  function body() {
    const weights = [...$('siting-weights').querySelectorAll('input')].map((input) => Number(input.value));
    const place = { area: $('siting-area').value, cell: Number($('siting-cell').value) };
    if (weights.every((w, i) => w === profile.criteria[i].weight)) return { profileId: profile.id, ...place };
    return { profile: { ...profile, title: `${profile.title} (your weights)`, criteria: profile.criteria.map((c, i) => ({ ...c, weight: weights[i] })) }, ...place };
  }

  function ensureLayers() {
    if (map.getSource('siting-ranked')) return;
    map.addSource('suitability', { type: 'raster', tiles: [], tileSize: 256, minzoom: layer.minZoom, maxzoom: 14 });
    map.addLayer({ id: 'suitability', type: 'raster', source: 'suitability', paint: { 'raster-opacity': 0.6 } }, 'plants');
    map.addSource('siting-ranked', { type: 'geojson', data: empty });
    map.addLayer({ id: 'siting-ranked', type: 'circle', source: 'siting-ranked',
      paint: { 'circle-radius': 7, 'circle-color': scoreColor(layer), 'circle-stroke-color': '#14323f', 'circle-stroke-width': 2 } });
  }

  /** The built-in profile's raster as tiles (the tiles know profiles by id); posted weights show as the ranked sites. */
  function showRaster(place) {
    shown = `profile=${enc(profile.id)}&area=${enc(place.area)}&cell=${enc(place.cell)}`;
    map.getSource('suitability').setTiles([`${origin}/tiles/suitability/{z}/{x}/{y}.png?${shown}`]);
  }

  async function run() {
    const signal = runSignal();
    await loading;
    if (!profile || signal.aborted) return;
    lastBody = body();
    ensureLayers();
    showRaster(lastBody);
    $('siting-result').innerHTML = `<p class="hint">${t('siting.scoring')}</p>`;
    try {
      const r = await postJson('/api/sites?limit=10', lastBody, { signal });
      map.getSource('siting-ranked').setData({ type: 'FeatureCollection', features: r.ranked.map((s) => ({ type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.position.lon, s.position.lat] }, properties: { rank: s.rank, score: s.score, id: s.id } })) });
      $('siting-result').innerHTML = `<p data-testid="siting-summary">${esc(r.profile.title)} · ${esc(r.area)}: ${esc(t('siting.summary', { ranked: fmt(r.rankedCount), excluded: fmt(r.excludedCount), seconds: fmt(r.elapsedSeconds, 1) }))}</p>
        ${r.distinct ? `<p class="hint" data-testid="siting-places">${esc(t('siting.places', { separation: fmt(r.distinct.separationM), tolerance: fmt(r.distinct.tolerance) }))}</p>` : ''}
        <table data-testid="siting-ranked">${r.ranked.map((s) => `<tr data-lon="${s.position.lon}" data-lat="${s.position.lat}" data-score="${s.score}" data-id="${esc(s.id)}"
          data-area-ha="${s.place ? s.place.areaHa : ''}"><td>#${s.rank}</td><td>${fmt(s.score, 1)}</td>
          <td>${s.place ? `${fmt(s.place.areaHa, 1)} ha` : ''}</td>
          <td class="why">${s.place ? `<span title="${esc(s.place.why.text)}">${esc(s.place.why.text)}</span><br>` : ''}${s.values.slice().sort((a, b) => b.contribution - a.contribution).slice(0, 2).map((v) => esc(v.why)).join('<br>')}</td></tr>`).join('')}</table>
        ${r.notes.map((n) => `<p class="why">${esc(n)}</p>`).join('')}`;
      $('siting-result').querySelectorAll('tr').forEach((tr) => tr.addEventListener('click', () => map.flyTo({ center: [Number(tr.dataset.lon), Number(tr.dataset.lat)], zoom: 12 })));
    } catch (error) {
      if (!isAborted(error)) $('siting-result').innerHTML = problemHtml(error);
    }
  }

  /** Every criterion's value in the raster cell under a click. */
  async function showCell(lngLat) {
    if (!shown) {
      $('suitability-cell').innerHTML = `<p class="hint">${t('siting.find-first')}</p>`;
      return;
    }
    const signal = cellSignal();
    $('suitability-cell').innerHTML = `<p class="hint">${t('siting.reading-cell')}</p>`;
    try {
      const c = await getJson(`/api/sites/cell?${shown}&lat=${lngLat.lat.toFixed(7)}&lon=${lngLat.lng.toFixed(7)}`, { signal });
      const status = c.status === 'ranked' ? `${t('siting.score')} <b data-testid="cell-score">${fmt(c.score, 1)}</b>`
        : c.status === 'excluded' ? `<span class="violation">${t('siting.excluded')}: ${esc(c.excludedBecause)}</span>` : t('siting.outside');
      $('suitability-cell').innerHTML = `<h3 data-testid="cell-id" data-cell="${esc(c.cell ?? '')}">${t('siting.cell-title')} ${esc(c.cell ?? '–')} (${fmt(c.cellSizeM)} m, ${esc(c.profile.title)})</h3>
        <p>${status}</p>
        <table><tr><th>${t('siting.criterion')}</th><th>${t('siting.value')}</th><th>${t('siting.weight')}</th></tr>${c.values.map((v) => `<tr data-testid="cell-value" data-criterion="${esc(v.criterion)}" data-value="${v.value ?? ''}">
          <td>${esc(v.criterion)}</td><td>${v.value == null ? t('siting.unknown') : `${fmt(v.value, 2)} ${esc(unitText(v.unit))}`}</td><td>${fmt(v.weight, 1)}</td></tr>`).join('')}</table>`;
    } catch (error) {
      if (!isAborted(error)) $('suitability-cell').innerHTML = problemHtml(error);
    }
  }

  async function exportAs(format, filename) {
    if (!profile) return;
    $('siting-export-problem').innerHTML = '';
    try {
      await download(`/api/sites?format=${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(lastBody ?? body()) }, filename);
    } catch (error) {
      $('siting-export-problem').innerHTML = problemHtml(error);
    }
  }

  let loading = loadProfile();
  $('siting-profile').addEventListener('change', () => { loading = loadProfile(); });
  $('siting-run').addEventListener('click', run);
  $('siting-csv').addEventListener('click', () => exportAs('csv', 'sites.csv'));
  $('siting-gpkg').addEventListener('click', () => exportAs('gpkg', 'sites.gpkg'));
  await loading;
  return { showCell };
}
