import type {ErrorRecord, Manifest} from '../schema.ts'
import type {EntityIndexEntry} from '../schema.ts'
import {barChart, histogram} from './charts.ts'
import {LABEL_INKS, escapeHtml, formatCount, jsonForScript, renderPage} from './html.ts'

/** One row of the index's article table. */
export interface ArticleRow {
  id: string
  page: string
  title: string | null
  /** the text's first words, shown when there is no title */
  lead: string | null
  source: string
  date: string | null
  entities: number
  quotes: number
  money: number
  problems: number
  /** names mentioned, most frequent first, for search */
  names: string[]
}

/** Corpus-wide figures gathered while the article pages were written. */
export interface CorpusSummary {
  articles: ArticleRow[]
  index: EntityIndexEntry[]
  /** quotes per resolved speaker entity id, and in how many articles */
  speakers: Map<string, {quotes: number; articles: Set<string>}>
  unresolvedQuotes: number
  quoteTotal: number
  entityTotal: number
  labelCounts: Map<string, number>
  money: Map<string, {figures: number; total: number; largest: number; assumed: number; articles: Set<string>}>
  moneyTotal: number
  errors: ErrorRecord[]
  warnings: Array<{docId: string; code: string; message: string}>
  manifest: Manifest | null
  entityHref: (entityId: string) => string
}

const INDEX_CSS = `
.toolbar{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:10px}
.toolbar input[type=search]{flex:1;min-width:220px}
#articles td.t a{font-weight:600;text-decoration:none}
#articles td.t a:hover{text-decoration:underline}
#articles a.lead{font-weight:400;font-style:italic}
#articles .src{font-size:12px;color:var(--muted);word-break:break-all}
.pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;margin-top:10px;font-size:14px}
.chart{display:block}
.aliases{font-size:12px;color:var(--muted)}
.scroll{max-height:420px;overflow:auto}
`

const INDEX_SCRIPT = `(() => {
  const rows = JSON.parse(document.getElementById('article-data').textContent)
  const body = document.querySelector('#articles tbody')
  const search = document.getElementById('search')
  const filter = document.getElementById('filter')
  const sort = document.getElementById('sort')
  const info = document.getElementById('page-info')
  const prev = document.getElementById('prev')
  const next = document.getElementById('next')
  const PAGE = 50
  let page = 0
  let shown = rows
  const cell = (tr, text, cls) => { const td = document.createElement('td'); if (cls) td.className = cls; td.textContent = text; tr.appendChild(td); return td }
  const hay = rows.map((r) => [r.title || '', r.source, r.id, r.date || '', r.names.join(' ')].join(' ').toLowerCase())
  const apply = () => {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean)
    const f = filter.value
    shown = rows.filter((r, i) => words.every((w) => hay[i].includes(w)) &&
      (f === 'all' || (f === 'quotes' && r.quotes > 0) || (f === 'noquotes' && r.quotes === 0) || (f === 'money' && r.money > 0) || (f === 'problems' && r.problems > 0)))
    const key = sort.value
    if (key !== 'input') shown = [...shown].sort((a, b) => key === 'title' ? (a.title || '').localeCompare(b.title || '') : b[key] - a[key])
    page = 0
    draw()
  }
  const draw = () => {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE))
    page = Math.min(page, pages - 1)
    body.replaceChildren()
    for (const r of shown.slice(page * PAGE, page * PAGE + PAGE)) {
      const tr = document.createElement('tr')
      tr.dataset.id = r.id
      const t = cell(tr, '', 't')
      const a = document.createElement('a')
      a.href = 'articles/' + encodeURIComponent(r.page)
      a.textContent = r.title || r.lead || '(untitled)'
      if (!r.title) a.classList.add('lead')
      t.appendChild(a)
      const src = document.createElement('div')
      src.className = 'src'
      src.textContent = r.source + (r.date ? ' · ' + r.date : '') + ' · ' + r.id
      t.appendChild(src)
      cell(tr, String(r.entities), 'n')
      cell(tr, String(r.quotes), 'n')
      cell(tr, String(r.money), 'n')
      const p = cell(tr, String(r.problems), 'n')
      if (r.problems > 0) p.classList.add('err')
      body.appendChild(tr)
    }
    info.textContent = shown.length === 0 ? 'no article matches' : 'articles ' + (page * PAGE + 1) + '–' + Math.min(shown.length, page * PAGE + PAGE) + ' of ' + shown.length + ' · page ' + (page + 1) + ' of ' + pages
    prev.disabled = page === 0
    next.disabled = page >= pages - 1
  }
  search.addEventListener('input', apply)
  filter.addEventListener('change', apply)
  sort.addEventListener('change', apply)
  prev.addEventListener('click', () => { page--; draw() })
  next.addEventListener('click', () => { page++; draw() })
  apply()
})()`

/** Renders the corpus index: figures, charts, top speakers and entities with aliases, money by currency, problems, and the paginated, searchable article table. */
export function renderIndexPage(summary: CorpusSummary): string {
  const s = summary
  const byId = new Map(s.index.map((e) => [e.entityId, e]))
  const topSpeakers = [...s.speakers]
    .map(([id, v]) => ({id, entry: byId.get(id), ...v}))
    .sort((a, b) => b.quotes - a.quotes || b.articles.size - a.articles.size || (a.id < b.id ? -1 : 1))
  const names = s.index.filter((e) => ['PERSON', 'ORG', 'LOC', 'MISC'].includes(e.label))
  const topEntities = [...names].sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || (a.entityId < b.entityId ? -1 : 1))
  const currencies = [...s.money].sort((a, b) => b[1].figures - a[1].figures || (a[0] < b[0] ? -1 : 1))
  const problemsTotal = s.errors.length + s.warnings.length
  const m = s.manifest

  const speakerChart = barChart(
    'Top speakers by quotes',
    topSpeakers.slice(0, 12).map((sp) => ({label: sp.entry?.canonical ?? sp.id, value: sp.quotes, colour: LABEL_INKS[sp.entry?.label ?? 'PERSON'], href: s.entityHref(sp.id), note: `${sp.articles.size} ${sp.articles.size === 1 ? 'article' : 'articles'}`})),
    {empty: 'no quote has a resolved speaker'},
  )
  const entityChart = barChart(
    'Most mentioned names',
    topEntities.slice(0, 12).map((e) => ({label: e.canonical, value: e.mentions, colour: LABEL_INKS[e.label], href: s.entityHref(e.entityId), note: e.label})),
    {empty: 'no names found'},
  )
  const labelChart = barChart(
    'Entity mentions by label',
    [...s.labelCounts].sort((a, b) => b[1] - a[1]).map(([label, n]) => ({label, value: n, colour: LABEL_INKS[label]})),
    {labelWidth: 100, empty: 'no entities found'},
  )
  const moneyChart = barChart(
    'Money figures by currency',
    currencies.map(([cur, v]) => ({label: cur, value: v.figures, colour: '#1f9b84', note: `${v.articles.size} ${v.articles.size === 1 ? 'article' : 'articles'}`})),
    {labelWidth: 70, empty: 'no money found'},
  )
  const quotesHist = histogram('Quotes per article', s.articles.map((a) => a.quotes), {colour: '#c28f00', unit: 'quotes'})

  const speakerRows = topSpeakers
    .slice(0, 50)
    .map(
      (sp) =>
        `<tr><td><a href="${escapeHtml(s.entityHref(sp.id))}">${escapeHtml(sp.entry?.canonical ?? sp.id)}</a>${aliases(sp.entry)}${roles(sp.entry)}</td><td class="n">${sp.quotes}</td><td class="n">${sp.articles.size}</td></tr>`,
    )
    .join('')
  const entityRows = topEntities
    .slice(0, 50)
    .map(
      (e) =>
        `<tr><td><span class="badge" style="background:${LABEL_INKS[e.label]}">${e.label}</span> <a href="${escapeHtml(s.entityHref(e.entityId))}">${escapeHtml(e.canonical)}</a>${aliases(e)}</td><td class="n">${formatCount(e.mentions)}</td><td class="n">${formatCount(e.documents)}</td></tr>`,
    )
    .join('')
  const moneyRows = currencies
    .map(
      ([cur, v]) =>
        `<tr><td><b>${escapeHtml(cur)}</b></td><td class="n">${formatCount(v.figures)}</td><td class="n">${formatAmount(v.total)}</td><td class="n">${formatAmount(v.largest)}</td><td class="n">${formatCount(v.articles.size)}</td><td class="n">${v.assumed}</td></tr>`,
    )
    .join('')
  const codes = new Map<string, number>()
  for (const e of s.errors) codes.set(`error ${e.code}`, (codes.get(`error ${e.code}`) ?? 0) + 1)
  for (const w of s.warnings) codes.set(`warning ${w.code}`, (codes.get(`warning ${w.code}`) ?? 0) + 1)
  const problemRows = [
    ...s.errors.slice(0, 500).map((e) => `<tr><td class="err">error</td><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.stage)}</td><td>${escapeHtml(e.code)}</td><td>${escapeHtml(e.message)}</td></tr>`),
    ...s.warnings.slice(0, 500).map((w) => `<tr><td>warning</td><td>${escapeHtml(w.docId)}</td><td></td><td>${escapeHtml(w.code)}</td><td>${escapeHtml(w.message)}</td></tr>`),
  ].join('')

  const body = `
<h1>Corpus review</h1>
<div class="muted small">${m ? `${escapeHtml(m.corpus)} · pipeline ${escapeHtml(m.pipeline)} · lede ${escapeHtml(m.version)} · ${formatCount(m.inputs.files)} files, ${formatCount(m.inputs.documents)} documents, ${(m.inputs.bytes / 1e6).toFixed(2)} MB` : 'no manifest.json in the output folder'}</div>
<div class="stats">
<div class="stat"><b>${formatCount(s.articles.length)}</b><span>articles</span></div>
<div class="stat"><b>${formatCount(s.entityTotal)}</b><span>entity mentions</span></div>
<div class="stat"><b>${formatCount(s.index.length)}</b><span>distinct entities</span></div>
<div class="stat"><b>${formatCount(s.quoteTotal)}</b><span>quotes</span></div>
<div class="stat"><b>${formatCount(s.moneyTotal)}</b><span>money figures</span></div>
<div class="stat${problemsTotal > 0 ? ' bad' : ''}"><b>${formatCount(s.errors.length)} / ${formatCount(s.warnings.length)}</b><span>errors / warnings</span></div>
</div>
<div class="grid g2">
<section class="card"><h2>Top speakers</h2>${speakerChart}<p class="small muted">${formatCount(s.unresolvedQuotes)} of ${formatCount(s.quoteTotal)} quotes have no resolved speaker.</p></section>
<section class="card"><h2>Most mentioned names</h2>${entityChart}</section>
<section class="card"><h2>Entity mentions by label</h2>${labelChart}</section>
<section class="card"><h2>Money by currency</h2>${moneyChart}<h2 style="margin-top:10px">Quotes per article</h2>${quotesHist}</section>
</div>
<section class="card" id="articles-card"><h2>Articles</h2>
<div class="toolbar"><input type="search" id="search" placeholder="Search title, source, id, date or a name mentioned…" aria-label="search articles">
<select id="filter" aria-label="filter"><option value="all">all articles</option><option value="quotes">with quotes</option><option value="noquotes">without quotes</option><option value="money">with money</option><option value="problems">with errors or warnings</option></select>
<select id="sort" aria-label="sort"><option value="input">input order</option><option value="quotes">most quotes</option><option value="entities">most entities</option><option value="money">most money</option><option value="problems">most problems</option><option value="title">title</option></select></div>
<table id="articles"><thead><tr><th>article</th><th class="n">entities</th><th class="n">quotes</th><th class="n">money</th><th class="n">problems</th></tr></thead><tbody></tbody></table>
<div class="pager"><span id="page-info" class="muted"></span><button id="prev" type="button">‹ previous</button><button id="next" type="button">next ›</button></div>
</section>
<div class="grid g2">
<section class="card"><h2>Top speakers <span class="muted small">(with aliases and roles)</span></h2><div class="scroll"><table><tr><th>speaker</th><th class="n">quotes</th><th class="n">articles</th></tr>${speakerRows || '<tr><td class="muted">none</td></tr>'}</table></div></section>
<section class="card"><h2>Top entities <span class="muted small">(names, with aliases; <a href="entities.html">all entities</a>)</span></h2><div class="scroll"><table><tr><th>entity</th><th class="n">mentions</th><th class="n">articles</th></tr>${entityRows || '<tr><td class="muted">none</td></tr>'}</table></div></section>
</div>
<section class="card"><h2>Money by currency</h2>${moneyRows ? `<table><tr><th>currency</th><th class="n">figures</th><th class="n">sum of amounts</th><th class="n">largest</th><th class="n">articles</th><th class="n">currency assumed</th></tr>${moneyRows}</table><p class="small muted">Sums leave out figures that only convert another figure (equivalentOf).</p>` : '<p class="muted">no money found</p>'}</section>
<section class="card" id="problems"><h2>Errors and warnings</h2>${
    problemsTotal === 0
      ? '<p class="muted">none: every input became an article</p>'
      : `<p>${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `<span class="pill">${escapeHtml(c)} × ${n}</span>`).join(' ')}</p><details${problemsTotal <= 20 ? ' open' : ''}><summary>list (${formatCount(problemsTotal)}${problemsTotal > 1000 ? ', first 500 of each kind shown; all are in errors.jsonl' : ''})</summary><div class="scroll"><table><tr><th></th><th>source</th><th>stage</th><th>code</th><th>message</th></tr>${problemRows}</table></div></details>`
  }</section>
<script type="application/json" id="article-data">${jsonForScript(s.articles)}</script>`
  return renderPage({title: 'lede · corpus review', body, css: INDEX_CSS, script: INDEX_SCRIPT, crumbs: `<span class="sub">${formatCount(s.articles.length)} articles</span>`})
}

function aliases(entry: EntityIndexEntry | undefined): string {
  if (!entry || entry.aliases.length === 0) return ''
  return `<div class="aliases">also: ${entry.aliases.slice(0, 8).map(escapeHtml).join(', ')}${entry.aliases.length > 8 ? ` +${entry.aliases.length - 8}` : ''}</div>`
}

function roles(entry: EntityIndexEntry | undefined): string {
  if (!entry || entry.roles.length === 0) return ''
  return `<div class="aliases">${entry.roles.slice(0, 3).map(escapeHtml).join('; ')}</div>`
}

function formatAmount(n: number): string {
  return n.toLocaleString('en-US', {maximumFractionDigits: 2})
}
