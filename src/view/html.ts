import {createHash} from 'node:crypto'

/*
 * Every string from an article or a record reaches a page through escapeHtml (element text and
 * attribute values) or jsonForScript (data blocks read with textContent), so hostile text stays
 * text. Pages also carry a Content-Security-Policy allowing only their own script by hash: no
 * injected script or event handler could run, and no page can reach the network.
 */

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** Serialises data for a `<script type="application/json">` block: `<`, `>`, `&` and line separators escaped, so no text can close the block. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Returns the URL if it is http(s), else null: article metadata must never become a `javascript:` link. */
export function safeHttpUrl(url: string | undefined | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** Maps a document id to a safe file name: ids from JSONL inputs are arbitrary strings (`../x`, `a/b`, `con`). */
export function pageName(docId: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,100}$/.test(docId)) return `${docId}.html`
  const readable = docId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60)
  const hash = createHash('sha256').update(docId).digest('hex').slice(0, 10)
  return `${readable}~${hash}.html`
}

/** Colours of entity labels (background, readable on white), one per label. */
export const LABEL_COLOURS: Record<string, string> = {
  PERSON: '#fcd9a8',
  ORG: '#b9dcf5',
  LOC: '#c9ecc1',
  MISC: '#e3d1f5',
  DATE: '#f5d0dc',
  TIME: '#f7e1c8',
  MONEY: '#bfeee4',
  PERCENT: '#e8ecb3',
  QUANTITY: '#dde3ea',
  ORDINAL: '#ececec',
  CARDINAL: '#ececec',
}

/** Darker companions of the label colours, for bars and badges. */
export const LABEL_INKS: Record<string, string> = {
  PERSON: '#d9822b',
  ORG: '#2d7fc1',
  LOC: '#3f9b35',
  MISC: '#8b5cc4',
  DATE: '#c2507a',
  TIME: '#c98a3b',
  MONEY: '#1f9b84',
  PERCENT: '#9a9a2a',
  QUANTITY: '#6b7c8f',
  ORDINAL: '#8a8a8a',
  CARDINAL: '#8a8a8a',
}

const BASE_CSS = `
:root{--ink:#1d2330;--muted:#5f6b7a;--line:#e3e7ee;--bg:#f6f7f9;--card:#fff;--accent:#2457c5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#1d2330;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
header.top a{color:#cfe0ff;text-decoration:none}
header.top .brand{font-weight:700;letter-spacing:.02em;font-size:18px}
header.top .sub{color:#aab4c3;font-size:13px}
main{max-width:1240px;margin:0 auto;padding:20px 28px 60px}
h1{font-size:24px;line-height:1.25;margin:6px 0 4px}
h2{font-size:17px;margin:0 0 10px}
a{color:var(--accent)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin-bottom:18px}
.grid{display:grid;gap:18px}
.g2{grid-template-columns:repeat(auto-fit,minmax(440px,1fr))}
.g3{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0 18px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;min-width:120px}
.stat b{display:block;font-size:22px}
.stat span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.stat.bad b{color:#b42318}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
.small{font-size:12px}
.badge{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.03em;padding:1px 6px;border-radius:4px;color:#fff;vertical-align:1px}
.pill{display:inline-block;font-size:12px;padding:0 7px;border-radius:10px;background:#eef1f6;color:var(--muted);margin:1px 2px}
.err{color:#b42318}
details>summary{cursor:pointer}
input[type=search],select{font:inherit;padding:6px 10px;border:1px solid #c9d0db;border-radius:6px;background:#fff}
button{font:inherit;padding:4px 12px;border:1px solid #c9d0db;border-radius:6px;background:#fff;cursor:pointer}
button:disabled{opacity:.4;cursor:default}
svg text{font-family:inherit}
`

/** Wraps a page body in the common shell: CSP with the page's script hash, styles, header. */
export function renderPage(options: {title: string; body: string; css?: string; script?: string; home?: string; crumbs?: string}): string {
  const script = options.script ?? ''
  const hash = createHash('sha256').update(script).digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${BASE_CSS}${options.css ?? ''}</style>
</head>
<body>
<header class="top"><a class="brand" href="${options.home ?? 'index.html'}">lede</a>${options.crumbs ?? ''}</header>
<main>
${options.body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`
}

/** Formats a count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** Formats an exact decimal string with thousands separators, keeping every digit. */
export function formatDecimal(value: string): string {
  const [whole = '', fraction] = value.replace(/^-/, '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${value.startsWith('-') ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}
