import {describe, expect, it} from 'vitest'
import {createUtf16Offsets, renderLayers, type Layer} from '../../src/view/layers.ts'
import {escapeHtml} from '../../src/view/html.ts'

const tag = (start: number, end: number, name: string, rank: number, extra: Partial<Layer> = {}): Layer => ({start, end, rank, open: `<${name}>`, close: `</${name}>`, ...extra})

describe('renderLayers', () => {
  it.each([
    ['no layers', 'a<b', [], '', 'a&lt;b'],
    ['one layer', 'ab cd', [tag(3, 5, 'e', 0)], '', 'ab <e>cd</e>'],
    ['nested layers', 'ab cd', [tag(0, 5, 'q', 0), tag(3, 5, 'e', 2)], '', '<q>ab <e>cd</e></q>'],
    ['a layer crossing the end of another is closed and reopened', 'ab cd ef', [tag(0, 5, 'q', 0), tag(3, 8, 's', 1)], '', '<q>ab <s>cd</s></q><s> ef</s>'],
    ['a continued piece uses its reopen tag', 'ab cd ef', [tag(3, 8, 'q', 0, {reopen: '<r>'}), tag(0, 5, 's', 1)], '', '<s>ab <q>cd</q></s><r> ef</q>'],
    ['markup after a layer comes once, after its last piece', 'ab cd', [tag(0, 2, 'q', 0, {after: '[S]'})], '', '<q>ab</q>[S] cd'],
    ['empty and out-of-range layers are dropped', 'ab', [tag(1, 1, 'x', 0), tag(1, 9, 'y', 0)], '', 'ab'],
  ])('%s', (_name, text, layers, _unused, html) => {
    expect(renderLayers(text, layers, escapeHtml)).toBe(html)
  })

  it('places inserts between layers', () => {
    expect(renderLayers('"ab" c', [tag(1, 3, 'q', 0)], escapeHtml, [{at: 4, html: '<i>x</i>'}])).toBe('&quot;<q>ab</q>&quot;<i>x</i> c')
  })

  it('escapes hostile text in every piece', () => {
    const text = '<script>alert(1)</script> <img src=x onerror="y">'
    const html = renderLayers(text, [tag(0, 8, 'e', 0)], escapeHtml)
    expect(html).not.toMatch(/<script|<img/)
    expect(html).toContain('&lt;img src=x onerror=&quot;y&quot;&gt;')
  })
})

describe('createUtf16Offsets', () => {
  it('maps code points to UTF-16 offsets past emoji', () => {
    const text = 'a😀b🎉cd'
    const at = createUtf16Offsets(text)
    // code points: a=0 😀=1 b=2 🎉=3 c=4 d=5, end=6
    expect([0, 1, 2, 3, 4, 5, 6].map(at)).toEqual([0, 1, 3, 4, 6, 7, 8])
    expect(text.slice(at(2), at(4))).toBe('b🎉')
  })

  it('is the identity on text without astral characters', () => {
    expect(createUtf16Offsets('abc')(2)).toBe(2)
  })
})
