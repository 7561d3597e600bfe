// Loads the dashboard in headless Chromium (Debian's, through playwright-core), waits until the charts are drawn
// from real numbers, saves a screenshot and prints what it read as one JSON line.
// Usage: node dashboard-check.mjs <dashboard url> <screenshot path>; exits 1 when the charts stay empty.
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(url);
  // two polls, so that the throughput line has a segment; bars drawn from non-zero values
  await page.waitForFunction(() => Number(document.body.dataset.polls || 0) >= 2
      && Number(document.getElementById('chart-legs').dataset.bars || 0) > 0
      && Number(document.getElementById('chart-outcomes').dataset.bars || 0) > 0
      && Number(document.getElementById('chart-latency').dataset.bars || 0) > 0, null, { timeout: 30000 });
  const seen = await page.evaluate(() => ({
    successRate: document.getElementById('kpi-success').textContent,
    placed: document.getElementById('kpi-placed').textContent,
    confirmedP95: document.getElementById('kpi-confirmed').textContent,
    legBars: Number(document.getElementById('chart-legs').dataset.bars),
    outcomeBars: Number(document.getElementById('chart-outcomes').dataset.bars),
    latencyBars: Number(document.getElementById('chart-latency').dataset.bars),
    legLabels: [...document.querySelectorAll('#chart-legs text')].map(t => t.textContent),
    problems: document.querySelectorAll('#problems a').length,
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ ...seen, errors }));
} catch (e) {
  console.error(String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
