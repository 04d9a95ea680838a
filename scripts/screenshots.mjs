// Screenshots of the web map's main views at a laptop's and a tablet's size, in English and Danish (the browser's
// language, as a Danish user's browser asks), for a reviewer (scripts/screenshots.sh).
// Uses the Playwright driver that the browser tests' build carries and Debian's Chromium.
import { createRequire } from 'node:module';

const [, , base, out, playwrightPackage] = process.argv;
const { chromium } = createRequire(import.meta.url)(playwrightPackage);

const sizes = [[1400, 900], [1024, 768]];
const languages = [['en', 'en-GB'], ['da', 'da-DK']];
// name, map hash, then what to do on the page.
const views = [
  ['denmark', '7/56.1/10.8', async () => {}],
  ['eliasgade-site', '17/55.6659/12.6184', (page) => clickAt(page, 12.6183728, 55.6659010, '[data-testid=zone-banded-distance]')],
  ['thisted-park-hover', '12.5/57.0262/8.7570', (page) => hover(page, 8.7580531, 57.0257376)],
  ['tariff-zones-z12', '12/57.03/8.76', async () => {}],
  ['planned-turbine', '13/55.481/11.1916', async (page) => {
    await page.getByTestId('mode-turbine').click();
    await clickAt(page, 11.191610543, 55.480984828, '[data-testid=neighbour-count]');
  }],
  ['siting-odense', '10/55.38/10.38', async (page) => {
    await page.getByTestId('siting-area').fill('municipality:0461');
    await page.getByTestId('siting-run').click();
    await page.waitForSelector('[data-testid=siting-summary]', { timeout: 300_000 });
    await page.getByTestId('siting-ranked').scrollIntoViewIfNeeded();
  }],
];

async function pixel(page, lon, lat) {
  const [x, y] = await page.evaluate(([lon, lat]) => { const p = window.vesitingMap.project([lon, lat]); return [p.x, p.y]; }, [lon, lat]);
  const box = await page.locator('#map').boundingBox();
  return [box.x + x, box.y + y];
}
async function clickAt(page, lon, lat, waitFor) {
  await page.mouse.click(...await pixel(page, lon, lat));
  await page.waitForSelector(waitFor, { timeout: 60_000 });
}
async function hover(page, lon, lat) {
  await page.mouse.move(...await pixel(page, lon, lat));
  await page.waitForTimeout(500);
}
const idle = (page) => page.waitForFunction(() => window.vesitingMap.loaded() && window.vesitingMap.areTilesLoaded(), null, { timeout: 300_000, polling: 250 });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader'] });
try {
  for (const [language, locale] of languages) {
    for (const [width, height] of sizes) {
      for (const [name, hash, act] of views) {
        const page = await browser.newPage({ viewport: { width, height }, locale });
        page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
        await page.goto(`${base}/#${hash}`);
        await page.waitForSelector('body[data-map-ready=true]', { timeout: 300_000 });
        await idle(page);
        await act(page);
        await idle(page);
        const file = `${out}/${name}-${language}-${width}x${height}.png`;
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
