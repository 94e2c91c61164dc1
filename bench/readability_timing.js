// Times @mozilla/readability (with jsdom) on the same pages as bench/extract.sh, one page at a
// time: DOM construction plus Readability.parse(), the page's fastest of `repeat` runs. Writes
// the extracted bodies as JSONL for the scorer and prints the median milliseconds per page.
//   node bench/readability_timing.js DIR OUT.jsonl [repeat]
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [dir, outPath, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg || 3);
const out = fs.createWriteStream(outPath);
const times = [];
const failed = new Set();
for (const name of fs.readdirSync(dir).sort()) {
  let bytes = fs.readFileSync(path.join(dir, name));
  if (name.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  const html = bytes.toString('utf8');
  let best = Infinity, text = '';
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    let dom = null;
    try {
      dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
      const article = new Readability(dom.window.document).parse();
      text = article && article.textContent ? article.textContent : '';
    } catch (e) {
      failed.add(name);  // jsdom throws on some style sheets: scored as empty
    }
    const t1 = process.hrtime.bigint();
    best = Math.min(best, Number(t1 - t0) / 1e6);
    if (dom) dom.window.close();
  }
  times.push(best);
  out.write(JSON.stringify({ id: name.replace(/\.html(\.gz)?$/, ''), text }) + '\n');
}
out.end();
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`pages ${times.length}  median_ms ${times[times.length >> 1].toFixed(3)}  mean_ms ${mean.toFixed(3)}  failed ${failed.size}`);
