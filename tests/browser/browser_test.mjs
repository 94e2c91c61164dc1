// End-to-end test of `crossread serve` in headless Chromium: builds a store from examples/,
// serves it on loopback, opens the story list, searches, opens the story and checks that its
// facts × outlets matrix and timeline chart render, opens an article, and fails on any console
// error (a Content-Security-Policy violation included). Saves screenshots of the story page
// (SCREENSHOT.png, and its matrix and timeline as SCREENSHOT-matrix.png, -timeline.png) and of
// the story list (SCREENSHOT-list.png). With --db, it serves that store instead of one built
// from examples/.
//   node tests/browser/browser_test.mjs BIN SOURCE_DIR [SCREENSHOT.png] [--db STORE]
// Exits 77 (skipped) when Chromium or playwright-core is not installed.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);
const dbFlag = args.indexOf('--db');
const givenDb = dbFlag >= 0 ? args.splice(dbFlag, 2)[1] : null;
const [bin, src, screenshot] = args;
if (!bin || !src) {
  console.error('usage: browser_test.mjs BIN SOURCE_DIR [SCREENSHOT.png] [--db STORE]');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is not installed (Debian package chromium; scripts/install-deps.sh installs it)`);
  process.exit(77);
}
let chromium;
try {
  ({chromium} = await import('playwright-core'));
} catch {
  console.log('SKIP: playwright-core is not installed (npm ci --prefix tests/browser; scripts/install-deps.sh does it)');
  process.exit(77);
}

const dir = mkdtempSync(join(tmpdir(), 'crossread-browser-'));
let server, browser;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ': ' + detail}`);
  if (!ok) failed = 1;
}

try {
  const db = givenDb || join(dir, 'store.db');
  if (!givenDb) {
    const ingest = spawnSync(bin, ['ingest', '--quiet', '--db', db, join(src, 'examples')]);
    check('ingest examples/', ingest.status === 0, String(ingest.stderr));
  }
  server = spawn(bin, ['serve', '--db', db, '--port', '0']);
  const port = await new Promise((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/serving on port (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    setTimeout(() => reject(new Error('serve did not start: ' + err)), 10000);
  });
  const base = `http://127.0.0.1:${port}`;

  browser = await chromium.launch({executablePath: CHROMIUM, args: ['--no-sandbox']});
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(base + '/');
  await page.waitForSelector('#stories tbody tr');
  const rows = await page.locator('#stories tbody tr').count();
  check('the list shows stories', rows >= 1, `${rows} rows`);

  if (screenshot) await page.screenshot({path: screenshot.replace(/\.png$/, '') + '-list.png'});

  await page.fill('#q', 'Starmer ceasefire');
  await page.click('#search button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#count').textContent.includes('matching'));
  await page.waitForSelector('#hits li');
  const found = await page.locator('#stories tbody tr').count();
  const hits = await page.locator('#hits li a').count();
  check('search finds the summit story', found >= 1 && /Starmer|Putin|Ukraine/.test(
      await page.locator('#stories tbody tr').first().innerText()), `${found} stories`);
  check('search lists matching articles', hits >= 3, `${hits} articles`);
  check('search is kept in the address', page.url().includes('q=Starmer'));

  await page.locator('#stories tbody tr a').first().click();
  await page.waitForSelector('section h2');
  const matrixRows = await page.locator('table.matrix tr').count();
  const ticks = await page.locator('table.matrix td.y').count();
  check('the facts × outlets matrix renders', matrixRows >= 2 && ticks >= 2,
        `${matrixRows} rows, ${ticks} ticks`);
  const dots = await page.locator('svg.timeline circle').count();
  const box = await page.locator('svg.timeline').boundingBox();
  check('the timeline chart renders', dots >= 1 && box && box.width > 200, `${dots} dots`);
  check('quotes by speaker render', (await page.locator('blockquote').count()) >= 1);
  if (screenshot) {
    await page.screenshot({path: screenshot, fullPage: false});
    const stem = screenshot.replace(/\.png$/, '');
    await page.locator('table.matrix').screenshot({path: stem + '-matrix.png'});
    await page.locator('svg.timeline').screenshot({path: stem + '-timeline.png'});
  }

  await page.locator('section li a[href^="/articles/"]').first().click();
  await page.waitForSelector('article .text p');
  check('an article opens', (await page.locator('article .text p').count()) >= 1);
  await page.goBack();
  check('no console errors', errors.length === 0, errors.join(' | '));
} catch (e) {
  check('browser run', false, e.stack || String(e));
} finally {
  if (browser) await browser.close();
  if (server) server.kill();
  rmSync(dir, {recursive: true, force: true});
}
console.log(failed ? 'browser: FAILED' : 'browser: all checks passed');
process.exit(failed);
