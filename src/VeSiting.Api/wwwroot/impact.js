// The tariff proposal's impact panel: GET /api/scenarios/{id}/impact for the map's scenario over an area — per zone the
// households and the firms of the user's firms layer with what they save, who pays, and per municipality the net per
// household beside its firms — and a firm of the map's `firms` layer when clicked. Figures and their status come from the
// service; this module only lays them out.
import { getJson, isAborted, latestOnly } from './api.js';
import { t } from './i18n.js';
import { $, esc, fmt, problemHtml } from './ui.js';

const status = (s) => t(`status.${s}`, undefined, s);
const tag = (s) => `<span class="status">${esc(status(s))}</span>`;

/** `scenario()` gives the map's tariff scenario; the panel follows it once shown. */
export function impactPanel(scenario) {
  const signal = latestOnly();
  let shown = false;

  async function run() {
    shown = true;
    const area = $('impact-area').value.trim() || 'denmark';
    const query = `area=${encodeURIComponent(area)}&synthetic=${$('impact-synthetic').checked}`;
    $('impact-result').innerHTML = `<p class="hint">${esc(t('impact.computing'))}</p>`;
    try {
      const answer = await getJson(`/api/scenarios/${encodeURIComponent(scenario())}/impact?${query}`, { signal: signal() });
      $('impact-result').innerHTML = impactHtml(answer);
    } catch (error) {
      if (!isAborted(error)) $('impact-result').innerHTML = problemHtml(error);
    }
  }

  $('impact-run').addEventListener('click', run);
  return { scenarioChanged: () => shown && run() };
}

function impactHtml(a) {
  const s = a.scenarios[0];
  const zones = s.zones.map((z) => `<tr data-testid="impact-zone" data-zone="${esc(z.zone ?? 'none')}" data-firms="${z.firms}" data-firm-kwh="${z.firmKwh}"
      data-firm-dkk="${z.firmDiscountDkkPerYear}"><td>${z.zone ? `<b>${esc(z.zone)}</b> ` : ''}${esc(z.label)}</td>
      <td>${fmt(z.households)}<br><span class="why">${fmt(z.discountPerHouseholdDkk)} ${esc(t('unit.dkk-per-year'))}</span></td>
      <td>${fmt(z.firms)} · ${fmt(z.firmKwh)} kWh<br><span class="why">${fmt(z.firmDiscountDkkPerYear)} ${esc(t('unit.dkk-per-year'))} (${fmt(z.firmDiscountOrePerKwh, 2)} ${esc(t('impact.ore-per-kwh'))})</span></td>
      <td>${fmt(z.discountDkkPerYear)}</td></tr>`).join('');
  const pays = s.whoPays;
  const revenue = pays.revenueTaken.map((r) => `<tr><td>${esc(r.who)}</td><td>${fmt(r.dkkPerYear)} ${esc(t('unit.dkk-per-year'))}</td></tr>`).join('');
  const municipalities = s.municipalities.map((m) => `<tr data-testid="impact-municipality" data-code="${esc(m.code)}" data-firms="${m.firms}" data-firm-kwh="${m.firmKwh}"
      data-net="${m.netDkkPerHousehold}"><td>${esc(m.name)} (${esc(m.code)})<br><span class="why" title="${esc(m.householdBasis)}">${esc(t('impact.households-zoned', { households: fmt(m.households), zoned: fmt(m.zonedHouseholds) }))}</span></td>
      <td><b>${fmt(m.netDkkPerHousehold)}</b></td>
      <td>${fmt(m.firms)} (${fmt(m.zonedFirms)})<br><span class="why">${fmt(m.firmKwh)} kWh</span></td>
      <td>${fmt(m.firmDiscountDkkPerYear)}<br><span class="why">−${fmt(m.firmUpliftDkkPerYear)}</span></td></tr>`).join('');
  return `<p data-testid="impact-summary"><b>${esc(s.title)}</b> · ${esc(a.area)} · ${esc(a.priceStack)}${a.synthetic ? ` · <span class="status" data-testid="impact-synthetic-label">${esc(t('impact.synthetic-label'))}</span>` : ''}</p>
    <p class="hint">${esc(t('impact.status', { zones: status(a.status.zones), dkk: status(a.status.dkk) }))}</p>
    <h3>${esc(t('impact.zones'))} ${tag(a.status.zones)}</h3>
    <table data-testid="impact-zones"><tr><th>${esc(t('impact.zone'))}</th><th>${esc(t('impact.households'))}</th><th>${esc(t('impact.firms'))}</th><th>${esc(t('impact.total-save'))}</th></tr>${zones}</table>
    <h3>${esc(t('impact.who-pays'))} ${tag(a.status.uplift)}</h3>
    <table data-testid="impact-who-pays">${revenue}
      <tr><td><b>${esc(t('impact.uplift'))}</b></td><td data-testid="impact-uplift">${pays.upliftOrePerKwh == null ? esc(t('impact.no-one-outside')) : `${fmt(pays.upliftOrePerKwh, 2)} ${esc(t('impact.ore-per-kwh'))}`}</td></tr>
      ${pays.outsideHouseholdDkkPerYear == null ? '' : `<tr><td>${esc(t('impact.household-outside'))}</td><td>${fmt(pays.outsideHouseholdDkkPerYear)} ${esc(t('unit.dkk-per-year'))}</td></tr>`}</table>
    <details ${s.municipalities.length <= 10 ? 'open' : ''}><summary>${esc(t('impact.municipalities', { count: s.municipalities.length }))}</summary>
    <table data-testid="impact-municipalities"><tr><th>${esc(t('impact.municipality'))}</th><th>${esc(t('impact.net-per-household'))}</th><th>${esc(t('impact.firms-zoned'))}</th>
      <th>${esc(t('impact.firms-save-pay'))}</th></tr>${municipalities}</table></details>
    ${s.notes.map((n) => `<p class="why">${esc(n)}</p>`).join('')}`;
}

/** A firm of the map's `firms` layer (its tile attributes) in the answer panel. */
export function firmHtml(f) {
  return `<h2 data-testid="answer-title">${esc(f.name)}</h2>
    <table data-testid="firm"><tr><td>${esc(t('firm.id'))}</td><td>${esc(f.id)}${f.cvr ? ` · CVR ${esc(f.cvr)}` : ''}</td></tr>
      <tr><td>${esc(t('firm.annual-kwh'))}</td><td data-testid="firm-kwh">${fmt(f.annual_kwh)} kWh</td></tr>
      <tr><td>${esc(t('firm.zone'))}</td><td class="zone" data-testid="firm-zone">${f.zone === 'none' ? esc(t('site.no-zone')) : esc(t('site.zone', { zone: f.zone }))}${f.zone_label ? ` <span class="why">${esc(f.zone_label)}</span>` : ''} ${tag('proposal')}</td></tr>
      <tr><td>${esc(t('firm.saves'))}</td><td data-testid="firm-saves"><b>${fmt(f.discount_dkk_per_year)} ${esc(t('unit.dkk-per-year'))}</b> (${fmt(f.discount_ore_per_kwh, 2)} ${esc(t('impact.ore-per-kwh'))}) ${tag('estimate')}</td></tr></table>
    <p class="why">${esc(t('firm.basis', { scenario: f.scenario }))}</p>`;
}
