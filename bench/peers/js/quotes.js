// compromise quotations() on every .txt article in a directory: one JSON
// line per article, {"name": file name without .txt, "quotes": [texts]}.
// Usage: node quotes.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

const dir = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let words = 0;
const t0 = process.hrtime.bigint();
const out = [];
for (const f of files) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  words += text.split(/\s+/).length;
  const quotes = nlp(text).quotations().out('array');
  out.push(JSON.stringify({ name: f.replace(/\.txt$/, ''), quotes }));
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.error(`compromise quotations: ${files.length} articles, ${words} words in ${secs.toFixed(2)} s`);
process.stdout.write(out.join('\n') + '\n');
