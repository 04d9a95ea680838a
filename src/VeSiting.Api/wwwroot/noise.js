// A planned layout's noise bands (over each outdoor limit of the noise order, at 8 and 6 m/s) and shadow-flicker bands,
// and the neighbour table's noise and flicker columns, from POST /api/noise-bands. Every limit, label and colour comes from
// the service (the answer and /api/legend); this file holds no legal number. While a turbine moves the request is sent when
// the pointer rests (debounced) and a newer request aborts the one on its way.
import { getJson, isAborted, latestOnly } from './api.js';
import { t } from './i18n.js';
import { $, esc, fmt, problemHtml } from './ui.js';

// Every user-visible string of this module: from the map's catalogues (i18n/<lang>.json).
const status = (s) => t(`status.${s}`, undefined, s);
const TEXT = {
  noiseColumn: t('noise.column-noise'),
  flickerColumn: t('noise.column-flicker'),
  noiseTitle: (label) => t('noise.noise-title', { label }),
  flickerTitle: (worst) => t('noise.flicker-title', { worst }),
  pending: '…',
  none: '–',
  computing: t('noise.computing'),
  summary: (noiseCell, flickerCell, over8, over6, flickerOver, limitHours) =>
    t('noise.summary', { noiseCell, flickerCell, over8, over6, flickerOver, limitHours }),
  status: (noise, flicker) => t('noise.status', { noise: status(noise), flicker: status(flicker) }),
};

// Wait this long (ms) after the last move before asking; older requests are aborted.
const restMs = 150;
const empty = { type: 'FeatureCollection', features: [] };

/** `noiseLegend` and `flickerLegend`: the `noise` and `shadow-flicker` layers of /api/legend (their colours). */
export function layoutBands(map, noiseLegend, flickerLegend) {
  const signal = latestOnly();
  const state = { timer: null, dwellings: new Map(), answer: null };
  const colour = (legend, value, fallback) => legend?.legend.find((e) => e.value === value)?.color ?? fallback;
  const bandColours = ['match', ['get', 'band'], ...(noiseLegend?.legend ?? []).flatMap((e) => [e.value, e.color]), '#555f66'];
  const flickerColours = ['match', ['get', 'band'], 'over-limit', colour(flickerLegend, 'over', '#d94801'), colour(flickerLegend, 'within', '#fdae6b')];

  map.on('load', () => {
    map.addSource('layout-bands', { type: 'geojson', data: empty });
    map.addLayer({ id: 'layout-noise-fill', type: 'fill', source: 'layout-bands', filter: ['==', ['get', 'kind'], 'noise-band'],
      paint: { 'fill-color': bandColours, 'fill-opacity': 0.12 } });
    map.addLayer({ id: 'layout-noise-line', type: 'line', source: 'layout-bands', filter: ['==', ['get', 'kind'], 'noise-band'],
      paint: { 'line-color': bandColours, 'line-width': 1.5 } });
    map.addLayer({ id: 'layout-flicker-line', type: 'line', source: 'layout-bands', filter: ['==', ['get', 'kind'], 'flicker-band'],
      paint: { 'line-color': flickerColours, 'line-width': 1.5, 'line-dasharray': [2, 2] } });
  });

  /** The layout moved: ask again once it rests. `body` is the layout's GeoJSON text (as POST /api/assess/project takes). */
  function update(body) {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => send(body), restMs);
  }

  async function send(body) {
    const s = signal();
    $('layout-bands-status')?.replaceChildren(TEXT.computing);
    try {
      const answer = await getJson('/api/noise-bands', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body, signal: s });
      state.answer = answer;
      state.dwellings = new Map(answer.features.filter((f) => f.properties.kind === 'dwelling').map((f) => [f.properties.address_id, f.properties]));
      map.getSource('layout-bands')?.setData(answer);
      fillColumns();
    } catch (error) {
      if (!isAborted(error)) {
        const status = $('layout-bands-status');
        if (status) status.innerHTML = problemHtml(error);
      }
    }
  }

  function clear() {
    clearTimeout(state.timer);
    signal(); // aborts a request on its way
    state.dwellings = new Map();
    state.answer = null;
    map.getSource('layout-bands')?.setData(empty);
  }

  const headers = () => `<th>${esc(TEXT.noiseColumn)}</th><th>${esc(TEXT.flickerColumn)}</th>`;

  /** A row's two cells; filled now if the bands are known, else when they arrive. */
  const cells = (id) => `<td data-noise-for="${esc(id)}">${noiseCell(id)}</td><td data-flicker-for="${esc(id)}">${flickerCell(id)}</td>`;

  function noiseCell(id) {
    if (!state.answer) return TEXT.pending;
    const d = state.dwellings.get(id);
    return d?.noise_8ms_dba == null ? TEXT.none : fmt(d.noise_8ms_dba, 1);
  }

  function flickerCell(id) {
    if (!state.answer) return TEXT.pending;
    const d = state.dwellings.get(id);
    return d ? fmt(d.flicker_expected_h, 1) : TEXT.none;
  }

  /** Statuses and counts below the table (from the answer's own members). */
  const summaryHtml = () => `<p class="hint" id="layout-bands-status" data-testid="layout-bands-status">${summaryContent()}</p>`;

  function summaryContent() {
    const a = state.answer;
    if (!a) return esc(TEXT.computing);
    const noise = a.noise ?? { over8: 0, over6: 0, status: TEXT.none };
    const flicker = a.shadowFlicker;
    return `${esc(TEXT.summary(fmt(a.cellM), fmt(a.flickerCellM), noise.over8, noise.over6, flicker.overLimit, fmt(flicker.limitHours)))}
      <span class="status">${esc(TEXT.status(noise.status, flicker.hoursStatus))}</span>`;
  }

  function fillColumns() {
    for (const td of document.querySelectorAll('[data-noise-for]')) {
      const id = td.dataset.noiseFor;
      const d = state.dwellings.get(id);
      td.textContent = noiseCell(id);
      td.classList.toggle('violation', d?.noise_verdict === 'exceeds');
      td.title = d?.noise_8ms_dba == null ? '' : TEXT.noiseTitle(d.noise_verdict);
    }
    for (const td of document.querySelectorAll('[data-flicker-for]')) {
      const id = td.dataset.flickerFor;
      const d = state.dwellings.get(id);
      td.textContent = flickerCell(id);
      td.classList.toggle('violation', Boolean(d?.flicker_over_limit));
      td.title = d ? TEXT.flickerTitle(fmt(d.flicker_worst_case_h, 1)) : '';
    }
    // Filled in place: the answer panel keeps its elements, only their contents change.
    const status = $('layout-bands-status');
    if (status) status.innerHTML = summaryContent();
  }

  return { update, clear, headers, cells, summaryHtml };
}
