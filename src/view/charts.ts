import {escapeHtml, formatCount} from './html.ts'

/** One bar of a chart: a label, a value, and optionally a colour, a link and a note drawn after the value. */
export interface Bar {
  label: string
  value: number
  colour?: string
  href?: string
  note?: string
}

/** Draws a horizontal bar chart as inline SVG (no script, no external assets), with an accessible title. */
export function barChart(title: string, bars: readonly Bar[], options: {width?: number; labelWidth?: number; empty?: string} = {}): string {
  if (bars.length === 0) return `<p class="muted">${escapeHtml(options.empty ?? 'nothing to show')}</p>`
  const width = options.width ?? 520
  const labelWidth = options.labelWidth ?? 170
  const row = 24
  const valueRoom = 110
  const height = bars.length * row + 6
  const max = Math.max(...bars.map((b) => b.value), 1)
  const span = width - labelWidth - valueRoom
  const rows = bars
    .map((bar, i) => {
      const y = i * row + 3
      const w = Math.max(2, (bar.value / max) * span)
      const label = truncate(bar.label, Math.floor(labelWidth / 7.2))
      const text = `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="13" fill="#1d2330">${escapeHtml(label)}</text>`
      const linked = bar.href ? `<a href="${escapeHtml(bar.href)}">${text}</a>` : text
      const value = `${formatCount(bar.value)}${bar.note ? ` · ${bar.note}` : ''}`
      return `<g><title>${escapeHtml(`${bar.label}: ${value}`)}</title>${linked}<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="16" rx="3" fill="${escapeHtml(bar.colour ?? '#4a78d4')}"/><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 15}" font-size="12" fill="#5f6b7a">${escapeHtml(value)}</text></g>`
    })
    .join('')
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" style="max-width:${width}px"><title>${escapeHtml(title)}</title>${rows}</svg>`
}

/** Draws a histogram of per-article counts (e.g. quotes per article) as inline SVG columns. */
export function histogram(title: string, values: readonly number[], options: {width?: number; colour?: string; unit?: string} = {}): string {
  if (values.length === 0) return '<p class="muted">no articles</p>'
  const width = options.width ?? 520
  const height = 150
  const maxValue = Math.max(...values)
  // at most 20 bins of whole numbers
  const binSize = Math.max(1, Math.ceil((maxValue + 1) / 20))
  const bins = new Array<number>(Math.floor(maxValue / binSize) + 1).fill(0)
  for (const v of values) bins[Math.floor(v / binSize)]!++
  const top = Math.max(...bins)
  const left = 34
  const bottom = 24
  const colWidth = (width - left - 4) / bins.length
  const cols = bins
    .map((count, i) => {
      const h = (count / top) * (height - bottom - 10)
      const x = left + i * colWidth
      const from = i * binSize
      const range = binSize === 1 ? `${from}` : `${from}–${from + binSize - 1}`
      return `<g><title>${escapeHtml(`${range} ${options.unit ?? ''}: ${count} articles`)}</title><rect x="${(x + 1).toFixed(1)}" y="${(height - bottom - h).toFixed(1)}" width="${Math.max(1, colWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" rx="2" fill="${options.colour ?? '#4a78d4'}"/>${
        bins.length <= 12 || i % Math.ceil(bins.length / 10) === 0
          ? `<text x="${(x + colWidth / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle" font-size="11" fill="#5f6b7a">${escapeHtml(String(from))}</text>`
          : ''
      }</g>`
    })
    .join('')
  const axis = `<text x="${left - 6}" y="14" text-anchor="end" font-size="11" fill="#5f6b7a">${top}</text><line x1="${left}" y1="${height - bottom}" x2="${width - 4}" y2="${height - bottom}" stroke="#c9d0db"/>`
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" style="max-width:${width}px"><title>${escapeHtml(title)}</title>${axis}${cols}</svg>`
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
