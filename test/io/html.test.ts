import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {decodeDeclaredCharset, isErrorTitle, readHtmlArticle, type HtmlArticle} from '../../src/io/html.ts'

const fixture = (name: string) => readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8')

describe('readHtmlArticle', () => {
  const article = readHtmlArticle(fixture('article.html')) as HtmlArticle

  it('reads metadata: JSON-LD headline and authors, article:published_time, rel=canonical, site name, language', () => {
    expect(article).toMatchObject({
      title: 'Council approves budget after long night',
      byline: 'Alex Example, Sam Sample',
      date: '2024-03-12T09:00:00Z',
      url: 'https://news.example.org/city/council-budget',
      extra: {siteName: 'The Example Ledger', lang: 'en'},
    })
  })

  it.each([
    ['a paragraph per block, character references decoded', 'The city council approved a €6 billion budget on Tuesday after a debate that ran late into the night & early morning.'],
    ['<br> as a line break inside its paragraph', '“This is a good day for the city,” the mayor said.\nShe thanked the members who stayed until the end of the session.'],
    ['script-like text as text', 'Protesters outside held a sign reading <script>alert("no cuts")</script>, which a clerk photographed for the record.'],
    ['a subheading', 'What the money pays for'],
    ['list items, one a paragraph, with a bullet', '• New buses for the northern districts and the airport line'],
    ['a table row per line, cells split by tabs', 'Transport\t€2 billion'],
    ['the last paragraph', 'The budget takes effect on 1 April, the council\'s clerk said in a statement on Wednesday.'],
  ])('keeps %s', (_name, paragraph) => {
    expect(article.text.split('\n\n').map((p) => p.trim())).toContain(paragraph)
  })

  it.each([
    ['the caption', 'Photo: Example Agency'],
    ['the share bar', 'Share on Facebook'],
    ['the newsletter box', 'Sign up now'],
    ['the related list', 'Mayor names new transport chief'],
    ['navigation', 'Sport'],
    ['the footer', 'All rights reserved'],
    ['scripts', 'not article text'],
    ['styles', 'color: red'],
  ])('drops %s', (_name, text) => {
    expect(article.text).not.toContain(text)
  })

  it('turns a page without a body into ingest:no-article', () => {
    expect(readHtmlArticle(fixture('no-article.html'))).toMatchObject({code: 'ingest:no-article', message: expect.stringMatching(/no article body/)})
  })

  // a saved error page is a page the server sent instead of the article: one sentence of apology is not a story
  it.each([
    ['Apache\'s 404', '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>'],
    ['a site\'s "Page not found"', '<html><head><title>Page not found | The Example Ledger</title></head><body><p>Sorry, the page you are looking for does not exist or has been moved to another address.</p></body></html>'],
    ['a 403', '<html><head><title>403 Forbidden</title></head><body><p>You do not have permission to access this resource on this server at all.</p></body></html>'],
    ['an "Error 503" page', '<html><head><title>Error 503 - Service Unavailable</title></head><body><p>The server is temporarily unable to service your request due to maintenance downtime.</p></body></html>'],
  ])('turns %s into ingest:no-article, naming the error', (_name, html) => {
    expect(readHtmlArticle(html)).toMatchObject({code: 'ingest:no-article', message: expect.stringMatching(/error page/)})
  })

  it.each([
    ['a story whose title starts with a number', '<html><head><title>404 days in captivity: a survivor speaks</title></head><body><p>He spent 404 days in a cell before the guards, who never gave their names, let him go on a Sunday.</p></body></html>'],
    ['a long story about an error page', `<html><head><title>Not found: the missing files of the archive</title></head><body>${'<p>The archive lost thousands of files when the old server was switched off, the librarians said on Monday.</p>'.repeat(6)}</body></html>`],
  ])('keeps %s', (_name, html) => {
    expect(readHtmlArticle(html)).toHaveProperty('text')
  })

  it.each([
    ['an empty string', ''],
    ['plain text', 'just words'],
    ['broken markup', '<div><p>unclosed <b>tags <i>everywhere'],
    ['a bad JSON-LD block', '<script type="application/ld+json">{oops</script><p>short</p>'],
  ])('never throws on %s', (_name, html) => {
    expect(() => readHtmlArticle(html)).not.toThrow()
  })

  it('reads a bare fragment (a JSONL html field)', () => {
    const result = readHtmlArticle('<p>One paragraph of a fragment, with enough words to be a body.</p><p>And a second one.</p>') as HtmlArticle
    expect(result.text).toBe('One paragraph of a fragment, with enough words to be a body.\n\nAnd a second one.\n')
  })
})

// subscription walls (htmlfix, 2026-12-01): a teaser and "Subscribe to continue reading" was an ordinary-looking article
describe('readHtmlArticle: subscription walls', () => {
  const paragraphs = (n: number) => Array.from({length: n}, (_, i) => `<p>Paragraph ${i + 1}: the council met again on Tuesday, and members voted on the plan to fund new buses and schools, as expected by most.</p>`).join('')
  const page = (body: string, head = '') => `<!DOCTYPE html><html><head><title>Council votes</title>${head}</head><body><article><h1>Council votes</h1>${body}</article></body></html>`
  const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`
  const paidPart = (free: unknown) => jsonLd({'@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council votes', isAccessibleForFree: free, hasPart: {'@type': 'WebPageElement', isAccessibleForFree: free, cssSelector: '.paywall'}})

  it.each([
    ['a teaser and a prompt in a paywall box', page(`${paragraphs(2)}<div class="paywall"><p>Subscribe to continue reading.</p><p>Already a subscriber? <a href="/login">Log in</a>.</p></div>`), /shows "Subscribe to continue reading\." in an element named "paywall"/],
    ['a weaker prompt in a box named after a wall, over a teaser', page(`${paragraphs(2)}<div class="article-premium-gate"><p>Already a subscriber? <a href="/login">Log in</a></p></div>`), /"Already a subscriber\? Log in" in an element named "article-premium-gate"/],
    ['a metered limit', page(`${paragraphs(1)}<div class="meter"><h3>You've reached your free article limit.</h3><p>Subscribe for unlimited access.</p></div>`), /reached your free article limit/],
    ['a prompt in no named box', page(`${paragraphs(8)}<p>Sign in or subscribe to keep reading this story.</p>`), /Sign in or subscribe to keep reading/],
    ['a prompt right after a heading in the wall\'s box', page(`${paragraphs(2)}<div class="paywall"><h3>Premium</h3><p>Subscribe to continue reading.</p></div>`), /shows "Subscribe to continue reading\." in an element named "paywall"/],
    ['a prompt whose words are split by a link', page(`${paragraphs(2)}<p><a href="/subscribe">Subscribe</a> to continue reading.</p>`), /shows "Subscribe to continue reading\."/],
    ['JSON-LD isAccessibleForFree "False" and a teaser, the paid part missing', page(paragraphs(2), paidPart('False')), /isAccessibleForFree: false/],
    ['JSON-LD isAccessibleForFree false on the article and a teaser', page(paragraphs(2), jsonLd({'@type': 'NewsArticle', isAccessibleForFree: false})), /isAccessibleForFree: false/],
  ])('warns on %s (ingest:paywall), keeps the article and drops the prompt from its text', (_name, html, message) => {
    const article = readHtmlArticle(html) as HtmlArticle
    expect(article.text).toContain('Paragraph 1: the council met again')
    expect(article.warnings).toEqual([{code: 'ingest:paywall', message: expect.stringMatching(message)}])
    expect(article.text).not.toMatch(/subscri|reached your|Log in/i)
  })

  it.each([
    ['a whole article with a newsletter box', page(`${paragraphs(6)}<div class="newsletter-signup"><p>Subscribe to our newsletter for the latest news.</p></div>`)],
    ['"Already a subscriber?" in the site header over a whole article', `<html><body><header><p>Already a subscriber? Sign in</p></header><article>${paragraphs(6)}</article></body></html>`],
    ['a hidden wall template in a subscriber\'s save', page(`${paragraphs(6)}<div class="paywall" hidden><p>Subscribe to continue reading.</p></div>`)],
    ['a subscriber\'s save: not free, the paid part present with its text', page(`<div class="paywall">${paragraphs(12)}</div>`, paidPart(false))],
    ['a page marked not free with a whole article and no paid part named', page(paragraphs(12), jsonLd({'@type': 'NewsArticle', isAccessibleForFree: false}))],
    ['an article linking to a full report', page(`${paragraphs(6)}<p>The note read: “Click here to read the full report on the budget,” and members did.</p>`)],
    ['a page marked free', page(paragraphs(2), paidPart(true))],
  ])('does not warn on %s', (_name, html) => {
    expect((readHtmlArticle(html) as HtmlArticle).warnings).toEqual([])
  })

  it('names the wall when a page has no teaser to keep', () => {
    const html = page('<p>Short teaser only.</p><div class="paywall"><p>Subscribe to continue reading this article today.</p></div>')
    expect(readHtmlArticle(html)).toMatchObject({code: 'ingest:no-article', message: expect.stringMatching(/subscription wall: "Subscribe to continue reading/)})
  })

  it('warns when sections Readability left out were put back (ingest:html-sections)', () => {
    const section = (i: number, body: string) => `<div><h3>Update ${i}</h3><p>${body}</p></div>`
    const long = 'The council met for six hours on Tuesday and voted to approve the new budget, which funds buses, schools and a new library in the northern district, the clerk said after the meeting.'
    const article = readHtmlArticle(`<html><body>${section(1, 'Officials confirmed the first update this morning.')}${section(2, long)}${section(3, 'Officials confirmed the last update this evening.')}</body></html>`) as HtmlArticle
    expect(article.text).toContain('Officials confirmed the first update')
    expect(article.text).toContain('Officials confirmed the last update')
    expect(article.warnings).toEqual([{code: 'ingest:html-sections', message: expect.stringMatching(/3 sections of one shape and Readability kept 1: the other 2 sections \(18 words\) were put back/)}])
  })
})

// the adapter's wall, prompt and section rules counted words as runs of letters, so a Chinese or Japanese paragraph
// was two or three words (inputs4, 2026-12-02): they count with countWords, as the reader's body rules do
describe('readHtmlArticle: walls and sections in languages written without spaces', () => {
  const zh = (i: number) => `<p>第${i}段：市议会星期二再次开会，议员们就资助新公交车、学校和图书馆的计划进行了投票，结果符合大多数人的预期。</p>`
  const paragraphs = (n: number) => Array.from({length: n}, (_, i) => zh(i + 1)).join('')
  const page = (body: string, head = '') => `<!DOCTYPE html><html lang="zh"><head><title>市议会投票</title>${head}</head><body><article><h1>市议会投票</h1>${body}</article></body></html>`
  const paidPart = `<script type="application/ld+json">${JSON.stringify({'@context': 'https://schema.org', '@type': 'NewsArticle', isAccessibleForFree: false, hasPart: {'@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall'}})}</script>`

  it('does not warn on a subscriber\'s save whose paid part holds the story (before: 40 "words" in it, under the 50 that say it is there)', () => {
    const article = readHtmlArticle(page(`<div class="paywall">${paragraphs(8)}</div>`, paidPart)) as HtmlArticle
    expect(article.text).toContain('第8段')
    expect(article.warnings).toEqual([])
  })

  it('still warns when the paid part is missing', () => {
    expect((readHtmlArticle(page(paragraphs(2), paidPart)) as HtmlArticle).warnings).toEqual([{code: 'ingest:paywall', message: expect.stringMatching(/isAccessibleForFree: false/)}])
  })

  it('puts back sections Readability left out that read as prose (a full-width stop ends a sentence)', () => {
    const section = (i: number, body: string) => `<div><h3>更新${i}</h3><p>${body}</p></div>`
    const long = '市议会星期二开会六个小时，投票批准了新的预算，为北区的公交车、学校和一座新图书馆提供资金，书记员在会后表示。'.repeat(2)
    const article = readHtmlArticle(`<html lang="zh"><body>${section(1, '官员们今天上午确认了第一次更新的内容。')}${section(2, long)}${section(3, '官员们今天晚上确认了最后一次更新的内容。')}</body></html>`) as HtmlArticle
    expect(article.text).toContain('官员们今天上午确认了第一次更新')
    expect(article.text).toContain('官员们今天晚上确认了最后一次更新')
    expect(article.warnings).toEqual([{code: 'ingest:html-sections', message: expect.stringMatching(/Readability kept 1: the other 2 sections/)}])
  })
})

// wall prompts in German, French, Spanish, Italian, Portuguese and Dutch (htmlfix2, 2026-12-02): the English shapes,
// written from how each language says them (docs/html.md, "Walls in other languages")
describe('readHtmlArticle: subscription walls in other languages', () => {
  const story: Record<string, string> = {
    de: 'Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für Busse, Schulen und eine Bibliothek beschlossen.',
    fr: 'Le conseil municipal a adopté mardi, après un long débat, le nouveau budget pour les bus, les écoles et une bibliothèque.',
    es: 'El ayuntamiento aprobó el martes, tras un largo debate, el nuevo presupuesto para autobuses, escuelas y una biblioteca.',
    it: 'Il consiglio comunale ha approvato martedì, dopo un lungo dibattito, il nuovo bilancio per autobus, scuole e una biblioteca.',
    pt: 'A câmara municipal aprovou na terça-feira, depois de um longo debate, o novo orçamento para autocarros, escolas e uma biblioteca.',
    nl: 'De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting voor bussen, scholen en een bibliotheek goedgekeurd.',
  }
  const page = (lang: string, body: string) => `<!DOCTYPE html><html lang="${lang}"><head><title>Budget</title></head><body><article><h1>Budget</h1>${body}</article></body></html>`
  const teaser = (lang: string, n = 2) => Array.from({length: n}, () => `<p>${story[lang]}</p>`).join('')

  it.each([
    ['de', 'a prompt in a box named "paywall"', '<div class="paywall"><p>Jetzt abonnieren und weiterlesen.</p><p>Bereits Abonnent? <a href="/login">Anmelden</a></p></div>', /Jetzt abonnieren und weiterlesen/],
    ['de', 'a prompt in no named box', '<p>Um den ganzen Artikel zu lesen, melden Sie sich bitte an oder abonnieren Sie unser Angebot.</p>', /Um den ganzen Artikel zu lesen/],
    ['de', '"this article is for subscribers"', '<div class="artikel-abo"><p>Dieser Artikel ist exklusiv für Abonnenten.</p></div>', /exklusiv für Abonnenten/],
    ['de', 'a metered limit', '<p>Sie haben Ihr Kontingent an kostenlosen Artikeln aufgebraucht.</p>', /Kontingent/],
    ['fr', 'a prompt with the rest held back', '<div class="bloc-abonnement"><p>Il vous reste 80 % de cet article à lire.</p><p>Déjà abonné ? <a href="/connexion">Se connecter</a></p></div>', /Il vous reste 80 % de cet article à lire/],
    ['fr', '"reserved for subscribers"', '<p>Cet article est réservé aux abonnés.</p>', /réservé aux abonnés/],
    ['fr', 'a prompt to subscribe to read on', '<p>Abonnez-vous pour lire la suite de l’article.</p>', /Abonnez-vous pour lire/],
    ['es', 'a prompt to read on', '<div class="muro-suscripcion"><p>Suscríbete para seguir leyendo.</p><p>¿Ya eres suscriptor? <a href="/login">Inicia sesión</a></p></div>', /Suscríbete para seguir leyendo/],
    ['es', '"exclusive for subscribers"', '<p>Este contenido es exclusivo para suscriptores.</p>', /exclusivo para suscriptores/],
    ['es', 'a metered limit', '<p>Has alcanzado el límite de artículos gratuitos de este mes.</p>', /límite/],
    ['it', 'a prompt to read on', '<div class="paywall"><p>Abbonati per continuare a leggere.</p><p>Sei già abbonato? <a href="/accedi">Accedi</a></p></div>', /Abbonati per continuare a leggere/],
    ['it', '"reserved for subscribers"', '<p>Questo articolo è riservato agli abbonati.</p>', /riservato agli abbonati/],
    ['pt', 'a prompt to read on', '<div class="paywall-assinatura"><p>Assine para continuar lendo.</p><p>Já é assinante? <a href="/entrar">Entrar</a></p></div>', /Assine para continuar lendo/],
    ['pt', '"exclusive for subscribers"', '<p>Este conteúdo é exclusivo para assinantes.</p>', /exclusivo para assinantes/],
    ['nl', 'a prompt to read on', '<div class="paywall"><p>Word abonnee om verder te lezen.</p><p>Al abonnee? <a href="/inloggen">Log in</a></p></div>', /Word abonnee om verder te lezen/],
    ['nl', '"only for subscribers"', '<p>Dit artikel is alleen beschikbaar voor abonnees.</p>', /alleen beschikbaar voor abonnees/],
    ['nl', 'read on with a subscription', '<p>Lees verder met een digitaal abonnement.</p>', /Lees verder met een digitaal abonnement/],
  ])('%s: warns on %s (ingest:paywall) and drops the prompt from the text', (lang, _name, prompt, message) => {
    const article = readHtmlArticle(page(lang, `${teaser(lang)}${prompt}`)) as HtmlArticle
    expect(article.text).toContain(story[lang]!)
    expect(article.warnings).toEqual([{code: 'ingest:paywall', message: expect.stringMatching(message)}])
    // nothing but the story's paragraphs is left (and the heading, when Readability keeps it)
    expect(article.text.replaceAll(story[lang]!, '').replace('Budget', '').trim()).toBe('')
  })

  it.each([
    ['de', 'a whole article beside a newsletter box', '<div class="newsletter-box"><p>Abonnieren Sie unseren Newsletter.</p></div>'],
    ['de', '"already a subscriber?" in a header over a whole article', '', '<header><p>Bereits Abonnent? Anmelden</p></header>'],
    ['fr', 'an article that reports on subscriptions', '<p>Le journal compte désormais 500 000 abonnés, selon son directeur, qui veut en gagner davantage.</p>'],
    ['es', '"already a subscriber?" in a header over a whole article', '', '<header><p>¿Ya eres suscriptor? Inicia sesión</p></header>'],
    ['it', 'an article that reports on subscriptions', '<p>Il giornale ha detto che gli abbonati sono cresciuti del 10% e che il prezzo resta invariato.</p>'],
    ['pt', 'a whole article beside a "subscribe now" box', '<div class="newsletter"><p>Assine já a nossa newsletter.</p></div>'],
    ['nl', 'an article that reports on subscriptions', '<p>De krant heeft volgens de directie nu meer abonnees dan ooit, en wil er nog meer.</p>'],
    ['es', 'a record that "has reached its maximum"', '<p>La inflación ha alcanzado su máximo en diez años, según el instituto de estadística.</p>'],
    ['nl', 'a club "only for members"', '<p>De sportclub is alleen voor leden, zei de voorzitter, en dat blijft zo.</p>'],
    ['de', 'a party member "already registered"', '<p>Er sei bereits Mitglied der Partei gewesen und habe sich schon registriert, sagte er.</p>'],
    ['fr', 'a speaker who says "you have reached the limit"', '<p>« Vous avez atteint la limite de notre patience », a déclaré le ministre aux syndicats.</p>'],
  ])('%s: does not warn on %s', (lang, _name, after, before = '') => {
    const html = `<!DOCTYPE html><html lang="${lang}"><head><title>Budget</title></head><body>${before}<article><h1>Budget</h1>${teaser(lang, 8)}${after}</article></body></html>`
    expect((readHtmlArticle(html) as HtmlArticle).warnings).toEqual([])
  })
})

// a page drawn by scripts keeps only its shell when saved; its story may be in the JSON-LD articleBody (htmlfix, 2026-12-01)
describe('readHtmlArticle: the JSON-LD articleBody', () => {
  const sentence = (i: number) => `Sentence ${i} of the story says the council met on Tuesday and voted for the plan.`
  const story = (n: number, sep = '\n\n') => Array.from({length: n}, (_, i) => sentence(i + 1)).join(sep)
  const page = (body: string, articleBody: string) =>
    `<html><head><title>Council votes</title><script type="application/ld+json">${JSON.stringify({'@type': 'NewsArticle', headline: 'Council votes', articleBody})}</script></head><body>${body}</body></html>`

  it.each([
    ['an empty app shell', '<div id="root"></div><noscript>Please enable JavaScript.</noscript>', story(6), story(6)],
    ['a visible teaser under half the articleBody', `<article><p>${sentence(1)}</p></article>`, story(6), story(6)],
    ['an articleBody in single lines', '<div id="app"></div>', story(6, '\n'), story(6)],
    ['an articleBody of HTML', '<div id="app"></div>', story(6).split('\n\n').map((p) => `<p>${p}</p>`).join(''), story(6)],
  ])('takes the articleBody for %s, with a warning', (_name, body, articleBody, expected) => {
    const article = readHtmlArticle(page(body, articleBody)) as HtmlArticle
    expect(article.text).toBe(`${expected}\n`)
    expect(article.warnings).toEqual([{code: 'ingest:html-json-ld-body', message: expect.stringMatching(/JSON-LD articleBody 9\d: the text is the articleBody/)}])
  })

  it('takes a script-drawn live blog\'s entries from its LiveBlogPosting liveBlogUpdate, each headline with its body', () => {
    const ld = {'@type': 'LiveBlogPosting', headline: 'Live: floods', liveBlogUpdate: [1, 2, 3].map((i) => ({'@type': 'BlogPosting', headline: `Entry ${i}`, articleBody: `${sentence(i)} ${sentence(i + 10)}`}))}
    const html = `<html><head><title>Live</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div id="root"></div></body></html>`
    const article = readHtmlArticle(html) as HtmlArticle
    expect(article.text).toBe(`${[1, 2, 3].map((i) => `Entry ${i}\n\n${sentence(i)} ${sentence(i + 10)}`).join('\n\n')}\n`)
    expect(article.warnings.map((w) => w.code)).toEqual(['ingest:html-json-ld-body'])
  })

  it.each([
    ['a visible body as long as the articleBody', `<article>${story(6).split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article>`, story(6)],
    ['a short articleBody (a summary)', `<article><p>${sentence(1)}</p></article>`, story(2)],
  ])('keeps the visible body for %s', (_name, body, articleBody) => {
    const article = readHtmlArticle(page(body, articleBody)) as HtmlArticle
    expect(article.warnings).toEqual([])
    expect(article.text).toContain(sentence(1))
  })
})

describe('decodeDeclaredCharset', () => {
  it.each([
    ['a windows-1252 page', Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]), '<meta charset="windows-1252"><p>café</p>'],
    // Node's TextDecoder reads windows-1252 (and the labels mapped to it: iso-8859-1, latin1, us-ascii) as Latin-1, so 0x80-0x9F,
    // where Windows-1252 keeps its curly quotes, dashes and the euro sign, came out as invisible C1 controls
    ['curly quotes, a dash and the euro sign in windows-1252', Buffer.from([...Buffer.from('<meta charset="windows-1252"><p>'), 0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85, ...Buffer.from('</p>')]), '<meta charset="windows-1252"><p>\u201cA\u201d \u2013 \u20ac5\u2026</p>'],
    ['curly quotes in a page declaring iso-8859-1 (browsers read it as windows-1252)', Buffer.from([...Buffer.from('<meta charset="iso-8859-1"><p>'), 0x91, 0x41, 0x92, ...Buffer.from('</p>')]), '<meta charset="iso-8859-1"><p>\u2018A\u2019</p>'],
    ['an http-equiv declaration of windows-1252', Buffer.from([...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'), 0x93, 0x41, 0x94, ...Buffer.from('</p>')]), '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\u201cA\u201d</p>'],
    ['a byte windows-1252 leaves undefined, as browsers read it (its C1 code point)', Buffer.from([...Buffer.from('<meta charset="windows-1252"><p>'), 0x93, 0x81, 0x94, ...Buffer.from('</p>')]), '<meta charset="windows-1252"><p>\u201c\u0081\u201d</p>'],
    ['a shift_jis page', Buffer.from([...Buffer.from('<meta charset="shift_jis"><p>'), 0x82, 0xa0, ...Buffer.from('</p>')]), '<meta charset="shift_jis"><p>\u3042</p>'],
    ['a page declaring UTF-8', Buffer.from('<meta charset="utf-8"><p>x</p>'), null],
    ['a page declaring nothing', Buffer.from('<p>x</p>'), null],
    ['an unknown charset', Buffer.from('<meta charset="klingon"><p>x</p>'), null],
  ])('decodes %s', (_name, bytes, expected) => {
    expect(decodeDeclaredCharset(bytes)?.text ?? null).toBe(expected)
  })
  it.each([
    ['windows-1252', 'windows-1252'],
    ['iso-8859-1', 'windows-1252'],
    ['shift_jis', 'shift_jis'],
    ['koi8-r', 'koi8-r'],
  ])('names the charset a page declaring %s was read in (WHATWG name %s), for the manifest', (label, name) => {
    expect(decodeDeclaredCharset(Buffer.from([...Buffer.from(`<meta charset="${label}"><p>`), 0x82, 0xa0, ...Buffer.from('</p>')]))?.charset).toBe(name)
  })
})

describe('isErrorTitle', () => {
  it.each([
    ['404 Not Found', true],
    ['Error 404', true],
    ['404 - Page not found', true],
    ['Page Not Found | The Example Ledger', true],
    ['The Example Ledger – Page not found', true],
    ['403 Forbidden', true],
    ['Access denied', true],
    ['502 Bad Gateway', true],
    ['Internal Server Error', true],
    ['404 days in captivity', false],
    ['500 jobs cut at the plant', false],
    ['Council approves budget after long night', false],
    ['Why the page you want is not found on the web', false],
  ])('%s: %s', (title, expected) => {
    expect(isErrorTitle(title)).toBe(expected)
  })
})

describe('readHtmlArticle: languages written without spaces', () => {
  const page = (lang: string, paragraphs: string[]) =>
    `<!doctype html><html lang="${lang}"><head><title>新闻</title></head><body><nav><a href="/">首页</a></nav><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

  it.each([
    ['Chinese', 'zh', ['总理星期四表示，政府将拨款五十亿元用于在北京和上海建设新学校。', '他对记者说：“我们必须考虑孩子们的未来。”这项计划将在明年春天开始实施。']],
    ['Japanese', 'ja', ['首相は木曜日、政府が東京と大阪に新しい学校を建設するために五十億円を割り当てると述べた。', '首相は記者団に対し、子どもたちの未来を考えなければならないと語った。']],
  ])('reads a %s story (its sentences were one "word" each and the page was refused as ingest:no-article)', (_name, lang, paragraphs) => {
    const article = readHtmlArticle(page(lang, paragraphs))
    expect(article).not.toHaveProperty('code')
    for (const p of paragraphs) expect((article as HtmlArticle).text).toContain(p)
  })
})
