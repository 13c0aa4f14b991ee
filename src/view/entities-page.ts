import type {EntityIndexEntry} from '../schema.ts'
import {LABEL_INKS, jsonForScript, renderPage} from './html.ts'

/** The entities page's data: every index entry, and per entity the articles mentioning it. */
export interface EntitiesPageData {
  index: EntityIndexEntry[]
  /** article titles and page names, referred to by position */
  articles: Array<[title: string, page: string]>
  /** entity id → [article position, mentions] pairs, most mentions first */
  mentions: Map<string, Array<[number, number]>>
  /** quotes per entity id as speaker */
  quotes: Map<string, number>
}

const ENTITIES_CSS = `
.toolbar{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:10px}
.toolbar input[type=search]{flex:1;min-width:220px}
#detail{display:none;border:2px solid var(--accent)}
#detail.on{display:block}
#detail h2{font-size:20px}
#detail dl{display:grid;grid-template-columns:140px 1fr;gap:4px 12px;margin:8px 0}
#detail dt{color:var(--muted);font-size:13px}
#detail dd{margin:0}
#list a{text-decoration:none;font-weight:600}
.pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;margin-top:10px;font-size:14px}
`

const ENTITIES_SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('entity-data').textContent)
  const inks = JSON.parse(document.getElementById('label-inks').textContent)
  const byId = new Map(data.index.map((e) => [e.entityId, e]))
  const el = (tag, text, cls) => { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; if (cls) n.className = cls; return n }
  const badge = (label) => { const b = el('span', label, 'badge'); b.style.background = inks[label] || '#888'; return b }
  const detail = document.getElementById('detail')
  const show = () => {
    const id = decodeURIComponent(location.hash.slice(1))
    const e = byId.get(id)
    detail.classList.toggle('on', Boolean(e))
    if (!e) return
    detail.replaceChildren()
    const h = el('h2')
    h.append(badge(e.label), ' ', e.canonical)
    detail.append(h, el('div', e.entityId, 'muted small'))
    const dl = el('dl')
    const row = (k, v) => { dl.append(el('dt', k)); const d = el('dd'); if (typeof v === 'string') d.textContent = v; else d.append(v); dl.append(d) }
    row('mentions', e.mentions + ' in ' + e.documents + ' article' + (e.documents === 1 ? '' : 's'))
    row('quoted', (data.quotes[id] || 0) + ' quotes')
    row('aliases', e.aliases.length ? e.aliases.join(', ') : '—')
    row('roles', e.roles.length ? e.roles.join('; ') : '—')
    row('merged by', e.merges.length ? e.merges.map((m) => m.alias + ' (' + m.rule + ')').join(', ') : '—')
    const list = el('ol')
    for (const [i, n] of data.mentions[id] || []) {
      const li = el('li')
      const a = el('a', data.articles[i][0])
      a.href = 'articles/' + encodeURIComponent(data.articles[i][1])
      li.append(a, el('span', ' · ' + n + ' mention' + (n === 1 ? '' : 's'), 'muted small'))
      list.append(li)
    }
    row('articles', list)
    detail.append(dl)
    detail.scrollIntoView({block: 'start'})
  }
  window.addEventListener('hashchange', show)
  const body = document.querySelector('#list tbody')
  const search = document.getElementById('search')
  const label = document.getElementById('label')
  const info = document.getElementById('page-info')
  const prev = document.getElementById('prev')
  const next = document.getElementById('next')
  const PAGE = 100
  let page = 0
  let shown = data.index
  const hay = data.index.map((e) => [e.canonical, e.entityId, ...e.aliases, ...e.roles].join(' ').toLowerCase())
  const apply = () => {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean)
    shown = data.index.filter((e, i) => (label.value === 'all' || e.label === label.value) && words.every((w) => hay[i].includes(w)))
    page = 0
    draw()
  }
  const draw = () => {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE))
    body.replaceChildren()
    for (const e of shown.slice(page * PAGE, page * PAGE + PAGE)) {
      const tr = el('tr')
      const td = el('td')
      const a = el('a', e.canonical)
      a.href = '#' + encodeURIComponent(e.entityId)
      td.append(badge(e.label), ' ', a)
      if (e.aliases.length) td.append(el('div', 'also: ' + e.aliases.join(', '), 'muted small'))
      tr.append(td, el('td', String(e.mentions), 'n'), el('td', String(e.documents), 'n'), el('td', String(data.quotes[e.entityId] || 0), 'n'))
      body.append(tr)
    }
    info.textContent = shown.length + ' entities · page ' + (page + 1) + ' of ' + pages
    prev.disabled = page === 0
    next.disabled = page >= pages - 1
  }
  search.addEventListener('input', apply)
  label.addEventListener('change', apply)
  prev.addEventListener('click', () => { page--; draw() })
  next.addEventListener('click', () => { page++; draw() })
  apply()
  show()
})()`

/** Renders entities.html: every corpus-wide entity (searchable, paginated), and the entry named by the URL's #entityId with aliases, roles, merges and articles. */
export function renderEntitiesPage(data: EntitiesPageData): string {
  // most mentioned first, so the first page is the useful one
  const index = [...data.index].sort((a, b) => b.mentions - a.mentions || (a.entityId < b.entityId ? -1 : 1))
  const labels = [...new Set(index.map((e) => e.label))].sort()
  const payload = {
    index,
    articles: data.articles,
    mentions: Object.fromEntries(data.mentions),
    quotes: Object.fromEntries(data.quotes),
  }
  const body = `
<h1>Entities across the corpus</h1>
<p class="muted">From entities-index.jsonl: one entry per entity after cross-document linking, with the spellings joined to it. Links in article pages lead here.</p>
<section class="card" id="detail" aria-live="polite"></section>
<section class="card">
<div class="toolbar"><input type="search" id="search" placeholder="Search a name, alias, role or id…" aria-label="search entities">
<select id="label" aria-label="label"><option value="all">all labels</option>${labels.map((l) => `<option>${l}</option>`).join('')}</select></div>
<table id="list"><thead><tr><th>entity</th><th class="n">mentions</th><th class="n">articles</th><th class="n">quotes</th></tr></thead><tbody></tbody></table>
<div class="pager"><span id="page-info" class="muted"></span><button id="prev" type="button">‹ previous</button><button id="next" type="button">next ›</button></div>
</section>
<script type="application/json" id="entity-data">${jsonForScript(payload)}</script>
<script type="application/json" id="label-inks">${jsonForScript(LABEL_INKS)}</script>`
  return renderPage({title: 'lede · entities', body, css: ENTITIES_CSS, script: ENTITIES_SCRIPT, crumbs: '<a href="index.html">articles</a><span class="sub">entities</span>'})
}
