import type {EvalReport} from '../eval/evaluate.ts'
import type {DiffItem, DocDiff, Verdict} from '../eval/diff.ts'
import type {ScoreJSON} from '../eval/prf.ts'
import {LABEL_COLOURS, LABEL_INKS, escapeHtml, renderPage} from './html.ts'
import {renderLayers, type Insert, type Layer} from './layers.ts'

const VERDICTS: Record<Verdict, {name: string; colour: string}> = {
  hit: {name: 'right', colour: '#2e9d5b'},
  boundary: {name: 'wrong extent', colour: '#d98a00'},
  label: {name: 'wrong label', colour: '#c25b00'},
  speaker: {name: 'wrong speaker', colour: '#8b3fc4'},
  value: {name: 'wrong value', colour: '#8b3fc4'},
  missed: {name: 'missed', colour: '#d22f2f'},
  spurious: {name: 'spurious', colour: '#d22f2f'},
}

const EVAL_CSS = `
.scores{font-size:13px}.scores td,.scores th{padding:5px 6px}.scores td.n{min-width:44px}
.scores tr.total td{font-weight:700;border-top:2px solid var(--line)}
.f{font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:10px;font-size:13px;margin:6px 0 14px}
.legend span{display:inline-flex;align-items:center;gap:5px}
.legend i{display:inline-block;width:14px;height:14px;border-radius:3px;border:2px solid var(--c)}
.doc h2{font-size:16px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:14px}
@media (max-width:900px){.sides{grid-template-columns:1fr}}
.sides h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:0 0 6px}
.txt{white-space:pre-wrap;font:14px/1.75 Georgia,serif;border:1px solid var(--line);border-radius:8px;padding:12px 14px;max-height:560px;overflow:auto;overflow-wrap:anywhere}
.it{border-radius:3px;padding:0 1px;border-bottom:3px solid var(--v);box-decoration-break:clone;-webkit-box-decoration-break:clone}
.it.ent{background:var(--bg)}
.it.quote{background:#fff6d1}
.it.money{background:#dff5ef}
.it.missed,.it.spurious{background:#ffe1e1;outline:1px dashed #d22f2f}
.tag{font:600 10px/1.2 system-ui,sans-serif;border-radius:8px;padding:1px 6px;margin:0 2px;vertical-align:2px;white-space:nowrap;color:#fff;background:var(--v)}
.doc.clean{display:none}
body.all .doc.clean{display:block}
`

const EVAL_SCRIPT = `(() => {
  const box = document.getElementById('show-all')
  if (box) box.addEventListener('change', () => document.body.classList.toggle('all', box.checked))
})()`

/** Renders `lede eval --html`: scores per layer and label, then every article's gold and predicted records side by side, misses, spurious records and wrong speakers marked. */
export function renderEvalPage(report: EvalReport, diffs: readonly DocDiff[]): string {
  const d = report.documents
  const sections: string[] = []
  if (report.entities) {
    const e = report.entities
    const labels = Object.keys(e.exact.perLabel)
    sections.push(
      scoreTable(
        'Entities',
        [...labels.map((l) => [l, e.exact.perLabel[l]!, e.overlap.perLabel[l]] as const), ['all', e.exact, e.overlap] as const],
        `canonical name right: ${acc(e.canonicalAcc)}${Object.keys(e.unannotated).length ? ` · not annotated in gold, so not scored: ${Object.entries(e.unannotated).map(([l, n]) => `${l} ${n}`).join(', ')}` : ''}`,
      ),
    )
  }
  if (report.quotes) {
    const q = report.quotes
    sections.push(
      scoreTable('Quotes', [['quotes', q.exact, q.overlap] as const, ['with right speaker', q.speaker, q.speaker] as const], `speaker right over matched quotes: ${acc(q.speakerAcc)} · kind right: ${acc(q.kindAcc)} · indirect quotes left out: ${q.skippedIndirect}`),
    )
  }
  if (report.money) {
    const m = report.money
    sections.push(scoreTable('Money', [['money', m.exact, m.overlap] as const], `amount and currency right over matched figures: ${acc(m.valueAcc)}`))
  }
  const sorted = [...diffs].sort((a, b) => b.errors - a.errors || (a.source < b.source ? -1 : 1))
  const withErrors = sorted.filter((x) => x.errors > 0).length
  const problems = [...report.errors.map((p) => ({...p, kind: 'error'})), ...report.problems.map((p) => ({...p, kind: 'problem'}))]
  const legend = Object.values(VERDICTS)
    .map((v) => `<span style="--c:${v.colour}"><i></i>${v.name}</span>`)
    .join('')
  const body = `
<h1>Gold vs prediction</h1>
<div class="muted small">gold ${escapeHtml(report.goldDir ?? '')} · run ${escapeHtml(report.predDir ?? '')}</div>
<div class="stats">
<div class="stat"><b>${d.gold}</b><span>gold articles</span></div>
<div class="stat"><b>${d.scored}</b><span>scored</span></div>
<div class="stat${d.withoutPrediction ? ' bad' : ''}"><b>${d.withoutPrediction}</b><span>without prediction</span></div>
<div class="stat"><b>${withErrors}</b><span>articles with differences</span></div>
</div>
<div class="grid g2">${sections.join('')}</div>
${problems.length ? `<section class="card"><h2>Problems (${problems.length})</h2><table>${problems.map((p) => `<tr><td class="${p.kind === 'error' ? 'err' : ''}">${escapeHtml(p.code)}</td><td>${escapeHtml(p.source ?? '')}</td><td>${escapeHtml(p.message)}</td></tr>`).join('')}</table></section>` : ''}
<section class="card"><h2>Articles</h2><p class="muted small">Scores are P / R / F1 ×100. Below, each article's gold (left) and lede's records (right) on the same text; underline colour says how each record fared, hover for details. Articles with the most differences come first.</p><div class="legend">${legend}</div>
<label><input type="checkbox" id="show-all"> also show the ${sorted.length - withErrors} articles without differences</label></section>
${sorted.map(renderDoc).join('\n')}`
  const labelCss = Object.keys(LABEL_COLOURS).map((l) => `.l-${l}{--bg:${LABEL_COLOURS[l]}}`).join('')
  return renderPage({title: 'lede eval', body, css: EVAL_CSS + labelCss, script: EVAL_SCRIPT, home: '#', crumbs: '<span class="sub">evaluation</span>'})
}

function pct(v: number | null): string {
  return v === null ? '–' : (v * 100).toFixed(1)
}

function acc(a: {acc: number | null; correct: number; total: number}): string {
  return `${pct(a.acc)} (${a.correct}/${a.total})`
}

function scoreTable(title: string, rows: ReadonlyArray<readonly [string, ScoreJSON, ScoreJSON | undefined]>, note: string): string {
  const cells = (s: ScoreJSON | undefined) => (s ? `<td class="n">${pct(s.p)}</td><td class="n">${pct(s.r)}</td><td class="n f">${pct(s.f)}</td>` : '<td></td><td></td><td></td>')
  const body = rows
    .map(([name, exact, overlap], i) => {
      const total = rows.length > 1 && i === rows.length - 1 && name === 'all'
      const ink = LABEL_INKS[name]
      return `<tr${total ? ' class="total"' : ''}><td>${ink ? `<span class="badge" style="background:${ink}">${escapeHtml(name)}</span>` : escapeHtml(name)}</td>${cells(exact)}${cells(overlap)}<td class="n">${exact.tp + exact.fn}</td><td class="n">${exact.tp + exact.fp}</td></tr>`
    })
    .join('')
  return `<section class="card"><h2>${escapeHtml(title)}</h2><table class="scores"><tr><th></th><th class="n" colspan="3">exact P / R / F1</th><th class="n" colspan="3">overlap P / R / F1</th><th class="n">gold</th><th class="n">pred</th></tr>${body}</table><p class="small muted">${escapeHtml(note)}</p></section>`
}

function renderSide(text: string, items: readonly DiffItem[], side: 'gold' | 'pred'): string {
  const layers: Layer[] = []
  const inserts: Insert[] = []
  for (const item of items) {
    const v = VERDICTS[item.verdict]
    const cls = item.layer === 'entities' ? `ent l-${item.detail}` : item.layer === 'quotes' ? 'quote' : 'money'
    const note = `${v.name}: ${item.detail}${item.other ? ` (${side === 'gold' ? 'predicted' : 'gold'}: ${item.other})` : ''}`
    layers.push({
      start: item.start,
      end: item.end,
      rank: item.layer === 'quotes' ? 0 : item.layer === 'money' ? 1 : 2,
      open: `<span class="it ${cls} ${item.verdict}" style="--v:${v.colour}" title="${escapeHtml(note)}">`,
      close: '</span>',
    })
    const tag =
      item.layer === 'quotes'
        ? `${item.detail}${item.other ? ` ≠ ${item.other}` : ''}`
        : item.verdict !== 'hit' && item.verdict !== 'boundary'
          ? `${item.verdict === 'missed' || item.verdict === 'spurious' ? `${v.name} ` : ''}${item.detail}${item.other ? ` ≠ ${item.other}` : ''}`
          : null
    if (tag) inserts.push({at: item.end, html: `<span class="tag" style="--v:${v.colour}">${escapeHtml(tag)}</span>`})
  }
  return `<div class="txt">${renderLayers(text, layers, escapeHtml, inserts)}</div>`
}

function renderDoc(diff: DocDiff): string {
  const count = (items: readonly DiffItem[], verdict: Verdict) => items.filter((i) => i.verdict === verdict).length
  const summary = [
    ['missed', count(diff.gold, 'missed')],
    ['spurious', count(diff.pred, 'spurious')],
    ['wrong speaker', count(diff.gold, 'speaker')],
    ['wrong label', count(diff.gold, 'label')],
    ['wrong extent', count(diff.gold, 'boundary')],
    ['wrong value', count(diff.gold, 'value')],
  ]
    .filter(([, n]) => (n as number) > 0)
    .map(([name, n]) => `<span class="pill">${n} ${name}</span>`)
    .join(' ')
  return `<section class="card doc${diff.errors === 0 ? ' clean' : ''}"><h2>${escapeHtml(diff.title ?? diff.source)}</h2><div class="muted small">${escapeHtml(diff.source)} · ${escapeHtml(diff.docId)} · ${summary || 'no differences'}</div>
<div class="sides"><div><h3>gold</h3>${renderSide(diff.text, diff.gold, 'gold')}</div><div><h3>lede</h3>${renderSide(diff.text, diff.pred, 'pred')}</div></div></section>`
}
