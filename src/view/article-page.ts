import type {ArticleRecord, EntityRecord, ErrorRecord, MoneyRecord, QuoteRecord} from '../schema.ts'
import {LABEL_COLOURS, LABEL_INKS, escapeHtml, formatCount, formatDecimal, renderPage, safeHttpUrl} from './html.ts'
import {createUtf16Offsets, renderLayers, type Insert, type Layer} from './layers.ts'

/** One article and every record that points into it. */
export interface ArticleBundle {
  article: ArticleRecord
  entities: EntityRecord[]
  quotes: QuoteRecord[]
  money: MoneyRecord[]
  errors: ErrorRecord[]
}

/** Links of an article page: to the index, to entity entries, to neighbouring articles. */
export interface ArticleLinks {
  index: string
  entity: (entityId: string) => string
  previous?: string
  next?: string
}

const CLOSING_MARKS = new Set(['"', '”', '’', "'", '»', '›', '」', '』'])

const ARTICLE_CSS = `
.layout{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:22px;align-items:start}
@media (max-width:980px){.layout{grid-template-columns:1fr}}
.meta{color:var(--muted);font-size:13px;margin-bottom:8px;word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0 4px;font-size:12px}
.legend label{display:inline-flex;align-items:center;gap:4px;padding:2px 8px;border-radius:12px;background:var(--c);cursor:pointer;user-select:none}
.legend input{margin:0}
.text{white-space:pre-wrap;font:17px/1.75 Georgia,"Times New Roman",serif;background:#fff;border:1px solid var(--line);border-radius:10px;padding:22px 26px;overflow-wrap:anywhere}
.ent{background:var(--bg);border-radius:4px;padding:1px 3px;color:inherit;text-decoration:none;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.ent:hover{outline:2px solid var(--ink2)}
.ent::after{content:attr(data-label);font:700 9px/1 system-ui,sans-serif;letter-spacing:.04em;color:var(--ink2);margin-left:4px;vertical-align:2px}
.quote{background:linear-gradient(transparent 62%,#ffe58a 62%);box-decoration-break:clone;-webkit-box-decoration-break:clone}
.quote.partial{background:linear-gradient(transparent 70%,#fff0b5 70%)}
.quote.hl{background:#ffe58a}
.qtag{font:12px/1.2 system-ui,sans-serif;background:#1d2330;color:#fff;border-radius:10px;padding:1px 8px;margin:0 3px;white-space:nowrap;vertical-align:2px;cursor:pointer}
.qtag .cue{color:#ffd36b}
.spk{border-bottom:2px dashed #d9822b}
.spk.hl{background:#ffe0bd}
.cue-w{border-bottom:2px solid #c28f00}
.mval{font:600 11px/1.2 system-ui,sans-serif;background:#e6f7f3;color:#116b5a;border:1px solid #9fdccd;border-radius:4px;padding:0 5px;margin-left:3px;white-space:nowrap;vertical-align:2px}
body.hide-quotes .quote{background:none}body.hide-quotes .qtag{display:none}
.side h2{font-size:15px}
.side ol{padding-left:22px;margin:0}
.side li{margin-bottom:10px}
.side .qtext{font-family:Georgia,serif}
.side .who{font-size:13px;color:var(--muted)}
.removed li{margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.nav{display:flex;justify-content:space-between;margin:6px 0 14px;font-size:14px}
`

const ARTICLE_SCRIPT = `(() => {
  for (const box of document.querySelectorAll('.legend input')) {
    box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.value, !box.checked))
  }
  const mark = (q, on) => {
    for (const el of document.querySelectorAll('[data-q="' + q + '"]')) el.classList.toggle('hl', on)
  }
  for (const el of document.querySelectorAll('[data-q]')) {
    el.addEventListener('mouseenter', () => mark(el.dataset.q, true))
    el.addEventListener('mouseleave', () => mark(el.dataset.q, false))
  }
  for (const el of document.querySelectorAll('.qtag, .side [data-jump]')) {
    el.addEventListener('click', () => {
      const target = document.getElementById('q' + (el.dataset.q || el.dataset.jump))
      if (target) target.scrollIntoView({block: 'center', behavior: 'smooth'})
    })
  }
})()`

/** Renders one article page: the cleaned text with entities, quotes (speaker and cue), money and removed boilerplate. */
export function renderArticlePage(bundle: ArticleBundle, links: ArticleLinks): string {
  const {article, entities, quotes, money, errors} = bundle
  const text = article.text
  const at = createUtf16Offsets(text)
  const layers: Layer[] = []
  const inserts: Insert[] = []
  const labelsPresent = new Set<string>()

  quotes.forEach((q, n) => {
    const start = at(q.start)
    const end = at(q.end)
    const open = `<span class="quote ${escapeHtml(q.kind)}" data-q="${n}">`
    layers.push({start, end, rank: 0, open: open.replace('<span ', `<span id="q${n}" `), reopen: open, close: '</span>'})
    // the badge goes after the closing mark, so the quoted words stay together
    const after = end < text.length && CLOSING_MARKS.has(text[end]!) ? end + 1 : end
    inserts.push({at: after, html: `<span class="qtag" data-q="${n}" title="quote ${n + 1}">${escapeHtml(speakerLabel(q))}${q.cue ? ` · <span class="cue">${escapeHtml(q.cue)}</span>` : ''}</span>`})
    if (q.speaker.start !== null && q.speaker.end !== null) {
      layers.push({start: at(q.speaker.start), end: at(q.speaker.end), rank: 1, open: `<span class="spk" data-q="${n}" title="speaker of quote ${n + 1}">`, close: '</span>'})
    }
    if (q.cueStart !== null && q.cueEnd !== null) {
      layers.push({start: at(q.cueStart), end: at(q.cueEnd), rank: 3, open: `<span class="cue-w" title="cue of quote ${n + 1}: ${escapeHtml(q.cueLemma ?? '')}">`, close: '</span>'})
    }
  })
  for (const e of entities) {
    labelsPresent.add(e.label)
    const title = `${e.label}: ${e.canonical}${e.role ? ` (${e.role})` : ''}`
    layers.push({
      start: at(e.start),
      end: at(e.end),
      rank: 2,
      open: `<a class="ent l-${e.label}" data-label="${e.label}" href="${escapeHtml(links.entity(e.entityId))}" title="${escapeHtml(title)}">`,
      close: '</a>',
    })
  }
  for (const m of money) inserts.push({at: at(m.end), html: `<span class="mval" title="${escapeHtml(moneyTitle(m))}">${escapeHtml(moneyValue(m))}</span>`})

  const body = renderLayers(text, layers, escapeHtml, inserts)
  const url = safeHttpUrl(article.url)
  const labelCss = Object.keys(LABEL_COLOURS)
    .map((l) => `.l-${l}{--bg:${LABEL_COLOURS[l]};--ink2:${LABEL_INKS[l]}}body.hide-${l} .l-${l}{background:none}body.hide-${l} .l-${l}::after{content:none}`)
    .join('')
  const legend = [...labelsPresent]
    .sort()
    .map((l) => `<label style="--c:${LABEL_COLOURS[l]}"><input type="checkbox" value="${l}" checked>${l}</label>`)
    .concat(quotes.length > 0 ? ['<label style="--c:#ffe58a"><input type="checkbox" value="quotes" checked>quotes</label>'] : [])
    .join('')

  const html = `
<div class="nav"><a href="${escapeHtml(links.index)}">← all articles</a><span>${links.previous ? `<a href="${escapeHtml(links.previous)}">‹ previous</a>` : ''}${links.previous && links.next ? ' · ' : ''}${links.next ? `<a href="${escapeHtml(links.next)}">next ›</a>` : ''}</span></div>
<h1>${escapeHtml(article.title ?? '(untitled)')}</h1>
<div class="meta">${escapeHtml(article.source)} · id ${escapeHtml(article.id)}${article.date ? ` · ${escapeHtml(article.date)}` : ''}${url ? ` · <a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>` : article.url ? ` · ${escapeHtml(article.url)}` : ''}</div>
<div class="stats">${stat(article.counts.entities, 'entities')}${stat(article.counts.quotes, 'quotes')}${stat(article.counts.money, 'money')}${stat(article.counts.sentences, 'sentences')}${stat(article.counts.tokens, 'tokens')}${errors.length + article.warnings.length > 0 ? `<div class="stat bad"><b>${errors.length + article.warnings.length}</b><span>errors + warnings</span></div>` : ''}</div>
<div class="layout">
<div>
<div class="legend" aria-label="show or hide highlights">${legend}</div>
<div class="text" id="text">${body}</div>
${renderRemoved(article)}
${renderProblems(article, errors)}
</div>
<aside class="side">
${renderQuoteList(quotes, links)}
${renderMoneyList(money)}
${renderEntityList(entities, links)}
</aside>
</div>`
  return renderPage({
    title: `${article.title ?? article.source} · lede`,
    body: html,
    css: ARTICLE_CSS + labelCss,
    script: ARTICLE_SCRIPT,
    home: links.index,
    crumbs: `<span class="sub">article ${escapeHtml(article.id)}</span>`,
  })
}

function stat(n: number, label: string): string {
  return `<div class="stat"><b>${formatCount(n)}</b><span>${label}</span></div>`
}

function speakerLabel(q: QuoteRecord): string {
  return q.speaker.name ?? q.speaker.mention ?? 'no speaker found'
}

/** The normalised value of a money record as shown next to it: "USD 2,500,000", with its qualifier and range. */
export function moneyValue(m: MoneyRecord): string {
  const range = m.min !== undefined && m.max !== undefined ? ` (${formatDecimal(String(m.min))}–${formatDecimal(String(m.max))})` : ''
  return `${m.qualifier ? `${m.qualifier} ` : ''}${m.currency} ${formatDecimal(m.value)}${range}${m.per ? ` per ${m.per}` : ''}${m.currencyAssumed ? '*' : ''}`
}

function moneyTitle(m: MoneyRecord): string {
  return `${m.text} = ${m.currency} ${m.value}${m.currencyAssumed ? ' (currency assumed from a bare symbol)' : ''}${m.equivalentOf ? ` (converts ${m.equivalentOf})` : ''}`
}

function renderQuoteList(quotes: QuoteRecord[], links: ArticleLinks): string {
  if (quotes.length === 0) return '<div class="card"><h2>Quotes</h2><p class="muted">none found</p></div>'
  const items = quotes
    .map((q, n) => {
      const who = q.speaker.entityId
        ? `<a href="${escapeHtml(links.entity(q.speaker.entityId))}">${escapeHtml(q.speaker.name ?? q.speaker.entityId)}</a>`
        : escapeHtml(q.speaker.name ?? 'unresolved')
      const mention = q.speaker.mention && q.speaker.mention !== q.speaker.name ? ` as “${escapeHtml(q.speaker.mention)}”` : ''
      return `<li data-jump="${n}" data-q="${n}"><div class="qtext">“${escapeHtml(q.text)}”${q.unclosed ? ' <span class="pill">unclosed</span>' : ''}</div><div class="who">${who}${mention}${q.cue ? ` · cue <b>${escapeHtml(q.cue)}</b> (${escapeHtml(q.cueLemma ?? '')})` : ' · no cue'} · ${escapeHtml(q.kind)}</div></li>`
    })
    .join('')
  return `<div class="card"><h2>Quotes (${quotes.length})</h2><ol>${items}</ol></div>`
}

function renderMoneyList(money: MoneyRecord[]): string {
  if (money.length === 0) return ''
  const rows = money.map((m) => `<tr><td>${escapeHtml(m.text)}</td><td class="n">${escapeHtml(moneyValue(m))}</td></tr>`).join('')
  const assumed = money.some((m) => m.currencyAssumed) ? '<p class="small muted">* currency assumed from a bare symbol (see --default-dollar)</p>' : ''
  return `<div class="card"><h2>Money (${money.length})</h2><table><tr><th>as written</th><th class="n">normalised</th></tr>${rows}</table>${assumed}</div>`
}

function renderEntityList(entities: EntityRecord[], links: ArticleLinks): string {
  if (entities.length === 0) return ''
  const byId = new Map<string, {label: string; canonical: string; count: number}>()
  for (const e of entities) {
    const seen = byId.get(e.entityId)
    if (seen) seen.count++
    else byId.set(e.entityId, {label: e.label, canonical: e.canonical, count: 1})
  }
  const names = [...byId].filter(([, e]) => ['PERSON', 'ORG', 'LOC', 'MISC'].includes(e.label)).sort((a, b) => b[1].count - a[1].count || (a[1].canonical < b[1].canonical ? -1 : 1))
  const rows = names
    .map(([id, e]) => `<tr><td><span class="badge" style="background:${LABEL_INKS[e.label]}">${e.label}</span> <a href="${escapeHtml(links.entity(id))}">${escapeHtml(e.canonical)}</a></td><td class="n">${e.count}</td></tr>`)
    .join('')
  return `<div class="card"><h2>Names (${names.length})</h2><table><tr><th>entity</th><th class="n">mentions</th></tr>${rows}</table></div>`
}

function renderRemoved(article: ArticleRecord): string {
  if (article.removed.length === 0) return ''
  const items = article.removed.map((r) => `<li><span class="pill">${escapeHtml(r.rule)}</span> ${escapeHtml(r.text)}</li>`).join('')
  return `<details class="card removed"><summary><b>Removed by clean</b> <span class="muted">(${article.removed.length} ${article.removed.length === 1 ? 'piece' : 'pieces'}: boilerplate and the headline, kept here so nothing is lost)</span></summary><ol>${items}</ol></details>`
}

function renderProblems(article: ArticleRecord, errors: ErrorRecord[]): string {
  if (errors.length === 0 && article.warnings.length === 0) return ''
  const rows = [
    ...errors.map((e) => `<tr><td class="err">error</td><td>${escapeHtml(e.code)}</td><td>${escapeHtml(e.message)}</td></tr>`),
    ...article.warnings.map((w) => `<tr><td>warning</td><td>${escapeHtml(w.code)}</td><td>${escapeHtml(w.message)}</td></tr>`),
  ].join('')
  return `<div class="card"><h2>Errors and warnings</h2><table>${rows}</table></div>`
}
