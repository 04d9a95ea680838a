// Base maps beneath VeSiting's layers: the offline one (VeSiting's own boundaries, buildings and background) or one
// of the configured raster tile / WMTS / WMS templates and MapLibre styles (/api/map-config), chosen in a map control.
// A chosen base map's sources and layers are added beneath the first VeSiting layer; the map's own sources (tiles,
// projects, suitability) stay as they are.
import { t } from './i18n.js';
import { esc } from './ui.js';

// Drawn only with the offline base map: they would hide an online base map.
const offlineOnly = ['background', 'municipalities-fill', 'map-detail-buildings'];
const prefix = 'base:';

export function baseMaps(map, config) {
  const maps = config.baseMaps;
  let current = 'offline';

  function removeBase() {
    for (const layer of map.getStyle().layers.filter((l) => l.id.startsWith(prefix))) map.removeLayer(layer.id);
    for (const id of Object.keys(map.getStyle().sources).filter((s) => s.startsWith(prefix))) map.removeSource(id);
  }

  // The first layer above the base: everything VeSiting draws but the background.
  const firstOverlay = () => map.getStyle().layers.find((l) => !l.id.startsWith(prefix) && l.id !== 'background')?.id;

  async function use(id) {
    const base = maps.find((b) => b.id === id) ?? maps[0];
    removeBase();
    for (const layer of offlineOnly) if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', base.type === 'offline' ? 'visible' : 'none');
    if (base.type === 'raster') {
      map.addSource(`${prefix}raster`, { type: 'raster', tiles: [base.url], tileSize: base.tileSize, attribution: base.attribution ? esc(base.attribution) : undefined });
      map.addLayer({ id: `${prefix}raster`, type: 'raster', source: `${prefix}raster` }, firstOverlay());
    } else if (base.type === 'style') {
      const style = await (await fetch(new URL(base.url, window.location.href))).json();
      if (style.glyphs) map.setGlyphs(style.glyphs);
      if (style.sprite) map.setSprite(style.sprite);
      for (const [sourceId, source] of Object.entries(style.sources ?? {})) {
        map.addSource(prefix + sourceId, base.attribution && !source.attribution ? { ...source, attribution: esc(base.attribution) } : source);
      }
      const before = firstOverlay();
      for (const layer of style.layers ?? []) {
        map.addLayer({ ...layer, id: prefix + layer.id, ...(layer.source ? { source: prefix + layer.source } : {}) }, before);
      }
    }
    current = base.id;
    map.getContainer().dataset.baseMap = current;
  }

  const control = {
    onAdd() {
      const box = document.createElement('div');
      box.className = 'maplibregl-ctrl maplibregl-ctrl-group base-map-control';
      const options = maps.map((b) => `<option value="${esc(b.id)}">${esc(b.name)}</option>`).join('');
      box.innerHTML = `<label><span>${t('basemaps.label')}</span> <select data-testid="base-map">${options}</select></label>`;
      box.querySelector('select').addEventListener('change', (e) => use(e.target.value));
      this.select = box.querySelector('select');
      return box;
    },
    onRemove() {},
  };
  map.addControl(control, 'top-right');

  return {
    /** Uses the configured first look once the map's own style has loaded. */
    start: async () => {
      control.select.value = config.initialBaseMap;
      await use(config.initialBaseMap);
    },
    current: () => current,
  };
}
