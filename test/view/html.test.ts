import {describe, expect, it} from 'vitest'
import {escapeHtml, formatDecimal, jsonForScript, pageName, safeHttpUrl} from '../../src/view/html.ts'

describe('view html helpers', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['a "b" & \'c\'', 'a &quot;b&quot; &amp; &#39;c&#39;'],
  ])('escapes %s', (text, html) => expect(escapeHtml(text)).toBe(html))

  it('keeps a data block closed whatever the text', () => {
    const json = jsonForScript({t: '</script><script>alert(1)</script>\u2028'})
    expect(json).not.toMatch(/<|>|\u2028/)
    expect(JSON.parse(json)).toEqual({t: '</script><script>alert(1)</script>\u2028'})
  })

  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['not a url', null],
    [undefined, null],
  ])('allows only http(s) links: %s', (url, safe) => expect(safeHttpUrl(url)).toBe(safe))

  it.each([
    ['5da28012a207b459', '5da28012a207b459.html'],
    ['wire-1', 'wire-1.html'],
  ])('names the page of %s after it', (id, page) => expect(pageName(id)).toBe(page))

  it.each([['../etc/passwd'], ['a/b'], ['.hidden'], ['x'.repeat(300)], ['<b>']])('gives %s a safe, distinct page name', (id) => {
    const page = pageName(id)
    expect(page).toMatch(/^[A-Za-z0-9_~-]+\.html$/)
    expect(page.length).toBeLessThan(90)
    expect(pageName(`${id}!`)).not.toBe(page)
  })

  it.each([
    ['2500000', '2,500,000'],
    ['-1234.50', '-1,234.50'],
    ['12', '12'],
  ])('formats %s as %s', (value, text) => expect(formatDecimal(value)).toBe(text))
})
