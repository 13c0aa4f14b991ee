/**
 * HTML character references in plain text (`&amp;`, `&AMP;`, `&#8217;`, `&#x2019;`, `&nbsp;`): text exported from
 * web pages and wire databases often carries them undecoded, and a raw `&AMP;` reads as a word to every later
 * stage. Decoding uses the `entities` package's strict HTML decoder (the full HTML5 list, semicolon required).
 */
import {decodeHTMLStrict} from 'entities'

// a reference needs its semicolon: "AT&T", "R&D" and "Barnes&noble" stay as written
const REFERENCE = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g

/** Decodes every character reference in `text` (named, decimal, hexadecimal; an all-capitals name not in HTML's list is read as its lowercase one) and counts them. */
export function decodeReferences(text: string): {text: string; count: number} {
  if (!text.includes('&')) return {text, count: 0}
  let count = 0
  const decoded = text.replace(REFERENCE, (reference) => {
    let value = decodeHTMLStrict(reference)
    if (value === reference && /^&[A-Z][A-Z0-9]+;$/.test(reference)) {
      // text set in capitals (old wire copy) writes &NBSP; or &EACUTE;, which HTML knows only in lowercase
      const lower = decodeHTMLStrict(reference.toLowerCase())
      if (lower !== reference.toLowerCase()) value = lower.toUpperCase()
    }
    if (value !== reference) count++
    return value
  })
  return {text: decoded, count}
}
