// Tags sentences (one per line, tokens joined by spaces; empty lines
// separate documents) with compromise or wink-nlp and writes, per
// sentence, {"tokens": [...], "ents": [{start, end, type}]} with character
// offsets into the line. Usage: node ner.js compromise|wink < sents.txt
'use strict';
const fs = require('fs');

const which = process.argv[2];
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);

function compromiseTagger() {
  const nlp = require('compromise');
  const kinds = [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']];
  return (line) => {
    const doc = nlp(line);
    const ents = [];
    for (const [method, type] of kinds) {
      for (const m of doc[method]().json({ offset: true })) {
        const o = m.offset;
        ents.push({ start: o.start, end: o.start + o.length, type });
      }
    }
    return ents;
  };
}

// wink-eng-lite-web-model's entity types are DATE, TIME, CARDINAL,
// ORDINAL, MONEY, PERCENT, DURATION, EMAIL, URL, HASHTAG, MENTION, EMOJI:
// none is a person, organisation or place, so nothing maps to CoNLL types.
const winkTypes = {};

function winkTagger() {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (line) => {
    const doc = nlp.readDoc(line);
    const ents = [];
    doc.entities().each((e) => {
      const type = winkTypes[e.out(its.type)];
      if (!type) return;
      const toks = [];
      e.tokens().each((t) => toks.push(t));
      // locate the entity's text in the line, in order
      const text = e.out();
      const start = line.indexOf(text);
      if (start >= 0) ents.push({ start, end: start + text.length, type });
    });
    return ents;
  };
}

const tag = which === 'compromise' ? compromiseTagger() : which === 'wink' ? winkTagger() : null;
if (!tag) {
  console.error('usage: node ner.js compromise|wink < sents.txt');
  process.exit(2);
}
let ntok = 0;
const t0 = process.hrtime.bigint();
const results = lines.map((l) => {
  ntok += l.split(' ').length;
  return tag(l);
});
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.error(`${which}: ${ntok} tokens in ${secs.toFixed(3)}s: ${Math.round(ntok / secs)} tokens/s`);
const out = lines.map((l, i) => JSON.stringify({ tokens: l.split(' '), ents: results[i] }));
process.stdout.write(out.join('\n') + '\n');
