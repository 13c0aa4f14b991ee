import {describe, expect, it} from 'vitest'
import {parseHTML} from 'linkedom'
import {capDepth, extractPage, MAX_DEPTH} from '../../src/adapters/readability.ts'

// enough prose around each case that Readability takes the article for the body
const prose = (n: number) => Array.from({length: n}, (_, i) => `<p>Paragraph ${i + 1} of the report says the council met again on Tuesday, and members voted on the plan, as expected.</p>`).join('\n')
const page = (inner: string) => `<!DOCTYPE html><html><head><title>T</title></head><body><article>${prose(3)}${inner}${prose(3)}</article></body></html>`
const text = (inner: string) => extractPage(page(inner)).paragraphs.join('\n\n')

describe('extractPage: page furniture', () => {
  it.each([
    ['a camelCase caption class', '<p>Body sentence here.</p><span class="newsCaption">Protesters gather outside the hall at night</span>', 'Protesters gather'],
    ['an element hidden by its style', '<p style="display: none">Hidden teaser text for search engines only</p>', 'Hidden teaser'],
    ['a pop-up card inside a sentence', '<p>The mayor met <span class="rollover-people"><a href="/p/jane">Jane Roe</a><span class="rollover-people-block">Jane Roe biography card with photo</span></span> on Monday.</p>', 'biography card'],
    ['a share bar', '<div class="article-share-bar"><a href="#">Facebook</a> <a href="#">Email</a></div>', 'Facebook'],
  ])('removes %s', (_name, inner, gone) => {
    expect(text(inner)).not.toContain(gone)
  })

  it.each([
    ['the word that opens a pop-up card', '<p>The mayor met <span class="rollover-people"><a href="/p/jane">Jane Roe</a><span class="rollover-people-block">card</span></span> on Monday in the hall.</p>', 'The mayor met Jane Roe on Monday in the hall.'],
    ['a big layout wrapper named after furniture', '', 'Paragraph 1 of the report'],
  ])('keeps %s', (_name, inner, kept) => {
    const html = _name.startsWith('a big') ? `<html><body><div class="page-ad-margins"><article>${prose(8)}</article></div></body></html>` : page(inner)
    expect(extractPage(html).paragraphs.join('\n\n')).toContain(kept)
  })
})

describe('extractPage: embedded posts', () => {
  // a tweet as sites embed it: the quotation, the author and date as links, the widget's script beside it
  const tweet = (wrapper: (quote: string) => string) =>
    wrapper('<blockquote class="twitter-tweet"><p lang="en">Yes this is real and the town spent half a million on it: <a href="https://t.co/x">https://t.co/x</a></p>— A Reader (@reader) <a href="https://twitter.com/reader/status/1">November 18, 2019</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')

  it.each([
    ['a wrapper <div> named after social media', tweet((q) => `<div class="social-media-embed">${q}</div>`)],
    ['a plain wrapper <div>', tweet((q) => `<div>${q}</div>`)],
    ['a <figure> wrapper', tweet((q) => `<figure class="embed">${q}</figure>`)],
    ['two wrappers', tweet((q) => `<div class="embed"><div class="embed-inner">${q}</div></div>`)],
  ])('keeps the post in %s, in its place', (_name, inner) => {
    const paragraphs = extractPage(`<!DOCTYPE html><html><head><title>T</title></head><body><article>${prose(3)}${inner}${prose(3)}</article></body></html>`).paragraphs
    const at = paragraphs.findIndex((p) => p.startsWith('Yes this is real'))
    expect(at).toBe(3)
    expect(paragraphs.slice(0, 3).every((p) => p.startsWith('Paragraph'))).toBe(true)
  })

  it('keeps a box of a heading and a quotation whole (not a wrapper of the quotation alone)', () => {
    expect(text('<div class="box"><h4>From the minutes</h4><blockquote><p>Yes this is real and the town spent half a million on it.</p></blockquote></div>')).toContain('From the minutes\n\nYes this is real')
  })
})

describe('extractPage: newsletter and cookie prompts by their words', () => {
  // boxes whose class names say nothing, so only their words tell what they are
  it.each([
    ['en', 'a newsletter prompt', '<div class="cta"><h3>Never miss a story</h3><p>Sign up for our daily newsletter.</p></div>', 'Sign up'],
    ['en', 'a cookie notice', '<div class="bar"><p>We use cookies to improve your experience. By continuing you accept our privacy policy.</p></div>', 'cookies'],
    ['de', 'a newsletter prompt', '<div class="box"><p>Abonnieren Sie jetzt unseren kostenlosen Newsletter.</p></div>', 'Newsletter'],
    ['de', 'a cookie notice', '<div class="box"><p>Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Mehr in unserer Datenschutzerklärung.</p></div>', 'Cookies'],
    ['fr', 'a newsletter prompt', '<div class="box"><p>Inscrivez-vous à notre newsletter pour recevoir l’essentiel de l’actualité.</p></div>', 'newsletter'],
    ['fr', 'a cookie notice', '<div class="box"><p>Nous utilisons des cookies pour vous offrir la meilleure expérience. Accepter ou paramétrer.</p></div>', 'cookies'],
    ['es', 'a newsletter prompt', '<div class="box"><p>Suscríbete a nuestro boletín y recibe las noticias del día.</p></div>', 'boletín'],
    ['es', 'a cookie notice', '<div class="box"><p>Utilizamos cookies propias y de terceros. Si continúa navegando, acepta su uso.</p></div>', 'cookies'],
    ['it', 'a newsletter prompt', '<div class="box"><p>Iscriviti alla nostra newsletter per ricevere le notizie.</p></div>', 'newsletter'],
    ['it', 'a cookie notice', '<div class="box"><p>Questo sito utilizza cookie tecnici e di profilazione. Chiudendo questo banner accetti.</p></div>', 'cookie'],
    ['pt', 'a newsletter prompt', '<div class="box"><p>Assine a nossa newsletter e receba as principais notícias.</p></div>', 'newsletter'],
    ['pt', 'a cookie notice', '<div class="box"><p>Utilizamos cookies para melhorar a sua experiência. Ao continuar, aceita a nossa política de privacidade.</p></div>', 'cookies'],
    ['nl', 'a newsletter prompt', '<div class="box"><p>Meld je aan voor onze nieuwsbrief en mis niets.</p></div>', 'nieuwsbrief'],
    ['nl', 'a cookie notice', '<div class="box"><p>Deze website maakt gebruik van cookies. Door verder te gaan ga je akkoord.</p></div>', 'cookies'],
  ])('%s: removes %s', (_lang, _name, inner, gone) => {
    const out = text(inner)
    expect(out).toContain('Paragraph 3 of the report')
    expect(out).not.toContain(gone)
  })

  it.each([
    ['a story about a newsletter', '<p>The paper said 40,000 readers had signed up for its newsletter since March, twice as many as last year.</p>', 'signed up for its newsletter'],
    ['a story about cookies', '<p>The regulator said the site uses cookies without asking, and fined the company 2 million euros on Tuesday.</p>', 'uses cookies without asking'],
    ['a menu link to newsletters (left to the rules on menus)', '<ul><li><a href="/newsletters">Sign up for our newsletters</a></li></ul>', null],
    ['a cookie sentence that asks nothing', '<p>“We use cookies,” the company said in a statement, “like every other shop on the high street.”</p>', 'We use cookies'],
    ['a long paragraph that mentions the newsletter', `<p>${'The council met again on Tuesday and members voted on the plan. '.repeat(5)}Readers can sign up for our newsletter to follow the vote.</p>`, 'Readers can sign up for our newsletter'],
  ])('keeps %s', (_name, inner, kept) => {
    if (kept !== null) expect(text(inner)).toContain(kept)
    else expect(text(inner)).toContain('Sign up for our newsletters')
  })
})

describe('extractPage: "Related:" lists', () => {
  const related = (label: string, items: string) => `${label}<ul>${items}</ul>`
  const links = '<li><a href="/a">Mayor names new transport chief for the city</a></li><li><a href="/b">Schools ask for more money</a></li>'
  it.each([
    ['under "Related:"', related('<h3>Related:</h3>', links)],
    ['under "Read more"', related('<p><strong>Read more</strong></p>', links)],
    ['under "You may also like"', related('<h2>You may also like</h2>', links)],
  ])('removes a list of links %s, with its label', (_name, inner) => {
    const out = text(inner)
    expect(out).not.toContain('transport chief')
    expect(out).not.toMatch(/Related|Read more|also like/)
  })

  it.each([
    ['a list of links under an ordinary heading', related('<h3>Where to vote</h3>', links)],
    ['a list of text under "Related"', related('<h3>Related</h3>', '<li>Mayor names new transport chief for the city</li><li>Schools ask</li>')],
  ])('keeps %s', (_name, inner) => {
    expect(text(inner)).toContain('transport chief')
  })
})

// a short article set as several <div>s (a heading and a paragraph each): Readability kept only the best-scored one
// (htmlfix, 2026-12-01; the qahtml audit's open item)
describe('extractPage: sections of one article', () => {
  const SHORT = (i: number) => `Officials confirmed update number ${i} to reporters this morning.`
  const LONG = 'The council met for six hours on Tuesday and voted to approve the new budget, which funds buses, schools and a new library in the northern district, the clerk said after the meeting.'
  const section = (i: number, body: string, attrs = '', opener = `<h3>Update ${i}</h3>`) => `<div${attrs}>${opener}<p>${body}</p></div>`
  const sections = (order: string, attrs = '', opener?: (i: number) => string) =>
    order.split('').map((c, i) => section(i + 1, c === 'L' ? LONG : SHORT(i + 1), attrs, opener?.(i + 1))).join('')
  const body = (paragraphs: string[]) => paragraphs.filter((p) => p.startsWith('Officials') || p.startsWith('The council'))

  it.each([
    ['five sections, the third long (the audit\'s case)', 'SSLSS', (s: string) => s],
    ['a long section first', 'LSSSSSSS', (s: string) => `<article><h1>Budget day</h1>${s}</article>`],
    ['two sections', 'SL', (s: string) => `<main>${s}</main>`],
    ['sections with a class', 'LSS', (s: string) => s.replaceAll('<div>', '<div class="update">')],
    ['sections opening with a time stamp', 'SLS', (s: string) => s.replace(/<h3>Update (\d)<\/h3>/g, '<time datetime="2024-03-12">10:0$1</time>')],
  ])('keeps every section of %s, in order, with a warning', (_name, order, wrap) => {
    const html = `<!DOCTYPE html><html><head><title>Live</title></head><body>${wrap(sections(order))}</body></html>`
    const page = extractPage(html)
    const expected = order.split('').map((c, i) => (c === 'L' ? LONG : SHORT(i + 1)))
    expect(body(page.paragraphs)).toEqual(expected)
    expect(page.restored).toEqual({kept: 1, added: order.length - 1, words: expect.any(Number)})
  })

  it('puts each heading back with its section', () => {
    const page = extractPage(`<html><body>${sections('SSLSS')}</body></html>`)
    expect(page.paragraphs.filter((p) => p.startsWith('Update'))).toEqual(['Update 1', 'Update 2', 'Update 3', 'Update 4', 'Update 5'])
  })

  it.each([
    ['sections of different classes', `<div class="story"><h3>Update 1</h3><p>${LONG}</p></div><div class="box"><h3>Update 2</h3><p>${SHORT(2)}</p></div>`],
    ['a sibling that is a form', `<div><h3>Update 1</h3><p>${LONG}</p></div><div><h3>Send us feedback</h3><p><label>How can we improve the site today?</label><textarea></textarea></p></div>`],
    ['a sibling named after page furniture', `<div><h3>Update 1</h3><p>${LONG}</p></div><div id="comments"><h3>Comments</h3><p>I think the council made the wrong choice on this budget.</p></div>`],
    ['a sibling that is mostly links', `<div><h3>Update 1</h3><p>${LONG}</p></div><div><h3>More</h3><p><a href="/a">Schools ask for more money from the city.</a> <a href="/b">Buses run late.</a></p></div>`],
    ['a sibling with no sentence', `<div><h3>Update 1</h3><p>${LONG}</p></div><div><h3>Share</h3><p>Facebook Twitter Email Print Copy link</p></div>`],
    ['layout blocks that open with wrappers', `<div><div><p>${LONG}</p></div></div><div><div><p>Please give an overall rating of the site today.</p></div></div>`],
  ])('does not put back %s', (_name, inner) => {
    const page = extractPage(`<html><body>${inner}</body></html>`)
    expect(page.paragraphs.join('\n')).toContain(LONG)
    expect(page.restored).toBeNull()
  })

  it('changes nothing when Readability kept every section', () => {
    const html = `<html><body><article>${sections('LLL').replaceAll('<div>', '<section>').replaceAll('</div>', '</section>')}</article></body></html>`
    expect(extractPage(html).restored).toBeNull()
  })
})

describe('extractPage: pages nested deeper than a browser nests them', () => {
  // k levels of <div><p>, one sentence of 8+ words per level (a <div> start tag closes the open <p>), so text sits at every depth
  const deep = (k: number) => {
    let html = '<!DOCTYPE html><html><head><title>T</title></head><body><article>'
    for (let i = 0; i < k; i++) html += `<div><p>Level ${i} of the page says the bank lost money again. `
    return html + '</p></div>'.repeat(k) + '</article></body></html>'
  }
  const maxDepth = (root: Element) => {
    let max = 0
    const stack: [Element, number][] = [[root, 1]]
    while (stack.length > 0) {
      const [el, depth] = stack.pop()!
      max = Math.max(max, depth)
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1])
    }
    return max
  }
  const levels = (text: string) => [...text.matchAll(/Level (\d+) of the page says the bank lost money again\./g)].map((m) => Number(m[1]))

  it.each([[600], [2000], [6000]])('%i levels: capped at the limit, every word kept in order, and an article comes out', (k) => {
    const {document} = parseHTML(deep(k))
    const before = document.documentElement.textContent
    capDepth(document.documentElement as unknown as Element)
    expect(document.documentElement.textContent).toBe(before)
    expect(maxDepth(document.documentElement as unknown as Element)).toBe(MAX_DEPTH + 1)

    // Readability keeps the deepest well-scored part of such a page (it does the same at 100 levels, below the cap);
    // what it keeps is whole sentences, in order, down to the last level
    const found = levels(extractPage(deep(k)).paragraphs.join('\n\n'))
    expect(found.length).toBeGreaterThan(50)
    expect(found).toEqual(Array.from({length: found.length}, (_, i) => k - found.length + i))
  })

  it('keeps mixed text and inline elements below the cap in order', () => {
    const inner = '<div>one <span>two <i>three</i> four</span> five<p>six <b>seven</b></p> eight</div>'
    const {document} = parseHTML(`<html><body>${'<div>'.repeat(MAX_DEPTH)}${inner}${'</div>'.repeat(MAX_DEPTH)}</body></html>`)
    expect(document.body.textContent?.trim()).toBe('one two three four fivesix seven eight')
    capDepth(document.documentElement as unknown as Element)
    expect(document.body.textContent?.trim()).toBe('one two three four fivesix seven eight')
    expect(maxDepth(document.documentElement as unknown as Element)).toBe(MAX_DEPTH + 1)
  })

  it('leaves a page within the cap untouched', () => {
    const {document} = parseHTML(deep(MAX_DEPTH - 3))
    const before = document.toString()
    capDepth(document.documentElement as unknown as Element)
    expect(document.toString()).toBe(before)
  })
})
