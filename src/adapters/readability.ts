/**
 * The only door to `linkedom` and `@mozilla/readability`: a saved web page in, plain data out (the main
 * body as paragraphs, and the page's own metadata). No DOM object leaves this file.
 */
import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import {countWords} from '../text/count-words.ts'

/** What a page says about itself in its head: every field null when the page does not say. */
export interface PageMetadata {
  title: string | null
  byline: string | null
  /** publication date as the page writes it (ISO 8601 in practice) */
  date: string | null
  /** the canonical address (`<link rel="canonical">`, else `og:url`, else JSON-LD `url`) */
  url: string | null
  siteName: string | null
  lang: string | null
}

/** Sections of one article that Readability left out and were put back (see {@link restoreSections}). */
export interface RestoredSections {
  /** sections Readability kept */
  kept: number
  /** sections put back */
  added: number
  /** words in the sections put back */
  words: number
}

/** What a page shows of a subscription wall, read before anything is removed (see {@link findWallSigns}). */
export interface WallSigns {
  /** the page's JSON-LD says its content is not free (`isAccessibleForFree: false`) */
  notFree: boolean
  /** the JSON-LD names the paid part (`hasPart.cssSelector`) and the page holds it with text: a subscriber's save */
  paidPartPresent: boolean
  /** a visible wall prompt ("Subscribe to continue reading"), as the page writes it, or null */
  prompt: string | null
  /** whether that prompt says the rest of the article is held back (not only "Already a subscriber?") */
  strongPrompt: boolean
  /** the class or id of a visible element named after a wall (`paywall`, `premium`, …) that holds a prompt, or null */
  wallElement: string | null
}

/** A page reduced to its article: paragraphs in reading order (a `<br>` is a `\n` inside one) and metadata. */
export interface ExtractedPage {
  metadata: PageMetadata
  /** the body's paragraphs, white space collapsed, empty ones dropped */
  paragraphs: string[]
  /** the JSON-LD `articleBody` as paragraphs, when the page carries one (a page drawn by scripts may hold its text only there) */
  jsonLdBody: string[] | null
  /** sections put back after Readability, or null when none was */
  restored: RestoredSections | null
  /** signs of a subscription wall */
  wall: WallSigns
}

type El = Element

/** Reads a saved page: its metadata, then its main body by Readability on a linkedom document. */
export function extractPage(html: string): ExtractedPage {
  const {document} = parseHTML(wrapFragment(html))
  if (document.documentElement) capDepth(document.documentElement as El)
  const ld = readJsonLd(document)
  const metadata = readMetadata(document, ld)
  const {signs: wall, prompts} = findWallSigns(document, ld)
  // the wall's own words are not the article's ("Subscribe to continue reading"): they are in the warning instead
  for (const el of prompts) el.remove()
  removeSignUpPrompts(document)
  stripLeftovers(document)
  const runs = markSectionRuns(document)
  const article = new Readability(document as unknown as Document, {serializer: (node: Node) => node as El}).parse()
  const restored = runs > 0 && article?.content ? restoreSections(article.content as El, document) : null
  if (article?.content) removeLinkLists(article.content as El)
  const paragraphs = article?.content ? toParagraphs(article.content as El) : []
  if (metadata.title === null && article?.title) metadata.title = clean(article.title)
  if (metadata.byline === null && article?.byline) metadata.byline = clean(article.byline)
  if (metadata.date === null && article?.publishedTime) metadata.date = clean(article.publishedTime)
  if (metadata.siteName === null && article?.siteName) metadata.siteName = clean(article.siteName)
  return {metadata, paragraphs, jsonLdBody: ld.body === null ? null : bodyParagraphs(ld.body), restored, wall}
}

// linkedom needs a whole document: a bare fragment (an `html` field of a JSONL record) gets one around it
function wrapFragment(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) || /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
}

// ---------------------------------------------------------------------------------------------
// nesting depth

/**
 * The deepest an element may sit (`<html>` is depth 1). Blink's HTML parser stops nesting at 512 open elements
 * (`kMaximumHTMLParserDOMTreeDepth`), so no page a browser shows is deeper; Readability reads every element's whole
 * subtree text (time quadratic in the depth) and recurses (a stack overflow at about 5,000 levels), so a deeper page
 * is both slow and lost. Taking the browser's number keeps every page a reader can see as it is.
 */
export const MAX_DEPTH = 512

/**
 * Bounds the element depth as Blink does: below an element at {@link MAX_DEPTH}, every element is re-attached as its
 * direct child in document order. Iterative (a recursive walk would overflow on the pages this is for); a page whose
 * elements at the cap have no grandchildren is not touched.
 */
export function capDepth(root: El): void {
  const stack: [El, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!
    if (depth === MAX_DEPTH) {
      if (hasGrandchildElement(el)) flattenBelow(el)
      continue
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push([child, depth + 1])
  }
}

function hasGrandchildElement(el: El): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (child.firstElementChild) return true
  return false
}

// every node below `top` in document order, each with the parent it had; then each element (emptied) becomes a child of
// `top`, and each other node (text, comment) goes back into its own parent when that is the element last re-attached
// (so a paragraph keeps its words), else straight into `top`: either way it lands after everything before it
function flattenBelow(top: El): void {
  const nodes: [Node, Node][] = []
  let node: Node | null = top.firstChild
  while (node) {
    nodes.push([node, node.parentNode!])
    if (node.firstChild) {
      node = node.firstChild
      continue
    }
    while (node && node !== top && !node.nextSibling) node = node.parentNode
    node = node && node !== top ? node.nextSibling : null
  }
  for (const [n] of nodes) n.parentNode?.removeChild(n)
  let last: Node | null = null
  for (const [n, parent] of nodes) {
    if (n.nodeType === 1) {
      top.appendChild(n)
      last = n
    } else (parent === last ? last! : top).appendChild(n)
  }
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim()
const nonEmpty = (s: string | null | undefined) => (s && clean(s) !== '' ? clean(s) : null)

// ---------------------------------------------------------------------------------------------
// metadata

interface JsonLd {
  headline: string | null
  author: string | null
  date: string | null
  url: string | null
  body: string | null
  /** some node says `isAccessibleForFree: false` */
  notFree: boolean
  /** the CSS selectors of the parts marked not free (`hasPart: {isAccessibleForFree: false, cssSelector}`) */
  paidParts: string[]
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|TechArticle|ScholarlyArticle|SocialMediaPosting)$/

function readJsonLd(document: Document): JsonLd {
  const found: JsonLd = {headline: null, author: null, date: null, url: null, body: null, notFree: false, paidParts: []}
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown
    try {
      value = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''))
    } catch {
      continue // a broken JSON-LD block is the page's problem, not a reason to lose the article
    }
    for (const node of flattenLd(value)) {
      // Google's markup for paywalled content: on the article, the page, or the part that is held back
      if (isFalse(node.isAccessibleForFree)) found.notFree = true
      for (const part of ([] as unknown[]).concat(node.hasPart ?? [])) {
        if (!part || typeof part !== 'object') continue
        const {isAccessibleForFree, cssSelector} = part as Record<string, unknown>
        if (!isFalse(isAccessibleForFree)) continue
        found.notFree = true
        for (const selector of ([] as unknown[]).concat(cssSelector ?? [])) if (typeof selector === 'string' && selector.trim() !== '') found.paidParts.push(selector.trim())
      }
      const types = ([] as unknown[]).concat(node['@type'] ?? [])
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue
      found.headline ??= asText(node.headline) ?? asText(node.name)
      found.date ??= asText(node.datePublished) ?? asText(node.dateCreated)
      found.author ??= authorNames(node.author)
      found.url ??= asText(node.url) ?? asText((node.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']) ?? asText(node.mainEntityOfPage)
      // its line breaks are its paragraphs: kept, unlike the other fields' white space
      if (found.body === null && typeof node.articleBody === 'string' && node.articleBody.trim() !== '') found.body = node.articleBody
      // a live blog drawn by scripts keeps its entries in liveBlogUpdate (each a posting with its own headline and body)
      if (found.body === null) found.body = liveBlogBody(node.liveBlogUpdate)
    }
  }
  return found
}

// tags that make an articleBody a piece of HTML (some sites put the body's markup there) rather than plain text
const BODY_MARKUP = /<(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b[^>]*>/i

/** An `articleBody` as paragraphs: its markup's blocks, or its plain text's lines (blank-line separated when it has any). */
function bodyParagraphs(body: string): string[] {
  if (BODY_MARKUP.test(body)) return toParagraphs(parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`).document.body as El)
  const text = body.replace(/\r\n?/g, '\n')
  return text
    .split(/\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/)
    .map(clean)
    .filter((p) => p !== '')
}

// a live blog's entries, in the order the page gives them, each its headline and body as paragraphs; null without any
function liveBlogBody(updates: unknown): string | null {
  const parts: string[] = []
  for (const update of ([] as unknown[]).concat(updates ?? [])) {
    if (!update || typeof update !== 'object') continue
    const {headline, articleBody} = update as Record<string, unknown>
    if (typeof articleBody !== 'string' || articleBody.trim() === '') continue
    if (typeof headline === 'string' && headline.trim() !== '') parts.push(clean(headline))
    parts.push(articleBody.trim())
  }
  return parts.length > 0 ? parts.join('\n\n') : null
}

// schema.org booleans come as JSON booleans or as the strings "False" / "false"
const isFalse = (value: unknown) => value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false')

function flattenLd(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out
  if (Array.isArray(value)) {
    for (const v of value) flattenLd(v, out, depth + 1)
    return out
  }
  const node = value as Record<string, unknown>
  out.push(node)
  if (node['@graph'] !== undefined) flattenLd(node['@graph'], out, depth + 1)
  return out
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? nonEmpty(value) : null
}

function authorNames(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : null))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map(clean)
  return names.length > 0 ? [...new Set(names)].join(', ') : null
}

function metaContent(document: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = nonEmpty(document.querySelector(selector)?.getAttribute('content'))
    if (value) return value
  }
  return null
}

function readMetadata(document: Document, ld: JsonLd): PageMetadata {
  const canonical = nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href'))
  return {
    title: ld.headline ?? metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? nonEmpty(document.querySelector('title')?.textContent),
    byline: ld.author ?? metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']),
    date:
      metaContent(document, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]']) ??
      ld.date ??
      metaContent(document, ['meta[name="date"]', 'meta[name="pubdate"]', 'meta[property="og:published_time"]']) ??
      nonEmpty(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: canonical ?? metaContent(document, ['meta[property="og:url"]']) ?? ld.url,
    siteName: metaContent(document, ['meta[property="og:site_name"]']),
    lang: nonEmpty(document.documentElement?.getAttribute('lang')),
  }
}

// ---------------------------------------------------------------------------------------------
// subscription walls

// class/id words of the element a site puts its wall in (the prompt, or the overlay over a cut article)
// (and the words for subscription in German, French, Spanish, Italian, Portuguese and Dutch: "abo-wall", "bloc-abonnement")
const WALL_NAME = /(?:^|[-_\s])(?:paywall|pay-wall|paywalled|regwall|metered|meter|premium|subscriber|subscribers|subscribe|subscription|locked|gate|gated|piano|tp-modal|tp-container|cxense-wall|wall|paygate|bezahlschranke|abo|abonnement|abonnements|abonne|abonnes|abonnee|abonnees|suscripcion|suscriptores|abbonamento|abbonati|assinatura|assinantes)(?:$|[-_\s])/i
// what a wall says: the rest of the article is held back until one subscribes, signs in or pays
const STRONG_PROMPT = new RegExp(
  [
    String.raw`\b(?:subscribe|subscribing|subscription|sign(?:ing)? ?(?:in|up)|log(?:ging)? ?in|register|registering|become a (?:subscriber|member)|join)\b[^.!?\n]{0,60}\bto (?:continue|keep|finish) reading\b`,
    String.raw`\b(?:subscribe|subscribing|subscription|sign(?:ing)? ?(?:in|up)|log(?:ging)? ?in|register|registering|become a (?:subscriber|member))\b[^.!?\n]{0,60}\b(?:to|and) (?:read|access|unlock|view|see) (?:the |this )?(?:full |whole |entire |complete |rest of (?:the |this )?)(?:article|story|piece|text)\b`,
    String.raw`\b(?:this|the) (?:article|story|content|piece|page) is (?:only |exclusively )?(?:available |reserved |open )?(?:to|for) (?:our )?(?:paying |premium |digital )?(?:subscribers|members)\b`,
    String.raw`\b(?:subscribers?|members?)[- ]only (?:article|story|content)\b`,
    String.raw`\bexclusive(?:ly)? (?:to|for) (?:our )?(?:subscribers|members)\b`,
    String.raw`\byou(?:'|’)?ve (?:reached|read|used) (?:your|all (?:of )?your|the) (?:\w+ )?(?:free )?(?:articles?|stories|limit)\b`,
    String.raw`\byou have (?:reached|read|used) (?:your|all (?:of )?your|the) (?:\w+ )?(?:free )?(?:articles?|stories|limit)\b`,
    String.raw`\bcontinue reading (?:with|for) (?:a |your )?(?:subscription|free trial|membership)\b`,
    String.raw`\bunlock (?:this|the full|full|unlimited) (?:article|story|access)\b`,
    String.raw`\b(?:the rest of|the remainder of) (?:this|the) (?:article|story) is (?:for|available to|reserved for) `,
  ].join('|'),
  'i',
)
// what a wall often says too, but so do site headers over whole articles: a sign only beside other signs
const WEAK_PROMPT = /\balready (?:a |an )?(?:subscriber|member|registered)\b|\bsubscribe (?:now|today)\b|\bstart (?:your|a) free trial\b|\b(?:subscribe|sign up) (?:for|to get) (?:unlimited|full|digital) access\b|\bget unlimited (?:digital )?access\b|\bsubscriber[- ]exclusive\b|\bsubscribers only\b|\bpremium (?:article|content|story)\b/i
// the same shapes in German, French, Spanish, Italian, Portuguese and Dutch, written from how each language says them
// (see docs/html.md, "Walls in other languages"). `\b` knows only ASCII letters ("abonnés", "límite"), so these
// patterns bound their words with Unicode letter look-arounds instead
const B = String.raw`(?<![\p{L}\p{N}])`
const E = String.raw`(?![\p{L}\p{N}])`
const CLAUSE = String.raw`[^.!?\n]{0,60}`
const STRONG_PROMPT_OTHER = new RegExp(
  [
    // de: "Jetzt abonnieren und weiterlesen", "Melden Sie sich an, um den ganzen Artikel zu lesen", "Weiterlesen mit Abo"
    String.raw`${B}(?:abonnier\p{L}*|abo abschließen|anmelden|melden sie sich an|einloggen|loggen sie sich ein|registrier\p{L}*)${CLAUSE}${B}(?:weiter ?(?:zu )?lesen|weiterzulesen|(?:den |diesen )?(?:ganzen|vollständigen|kompletten|gesamten) (?:artikel|beitrag|text) (?:zu )?lesen)${E}`,
    String.raw`${B}um (?:den |diesen )?(?:ganzen |vollständigen |kompletten )?(?:artikel |beitrag |text )?(?:weiter ?)?(?:zu ?)?lesen${CLAUSE}${B}(?:abonn\p{L}*|abo|anmelden|melden sie sich|einloggen|loggen sie sich|registrier\p{L}*)${E}`,
    String.raw`${B}(?:weiterlesen|weiter ?lesen|lesen sie weiter) mit${E}[^.!?\n]{0,40}${B}(?:abo|abonnement|\p{L}*plus|premium|digitalabo)${E}`,
    String.raw`${B}(?:dieser|der|dieses|das) (?:artikel|beitrag|inhalt|text) (?:ist|steht) (?:nur |exklusiv |ausschließlich )?(?:für |unseren )?(?:\p{L}+ )?(?:abonnent\p{L}*|mitglieder|zahlende\p{L}*)${E}`,
    String.raw`${B}exklusiv für (?:unsere |zahlende )?(?:abonnent\p{L}*|mitglieder)${E}|${B}nur für (?:unsere |zahlende )?abonnent\p{L}*`,
    String.raw`${B}(?:sie haben|du hast) [^.!?\n]{0,50}${B}(?:artikel|kontingent|limit)\p{L}*[^.!?\n]{0,30}${B}(?:erreicht|aufgebraucht|ausgeschöpft)${E}`,
    // fr: "Abonnez-vous pour lire la suite", "Cet article est réservé aux abonnés", "Il vous reste 80 % de cet article à lire"
    String.raw`${B}(?:abonnez-vous|abonne-toi|inscrivez-vous|connectez-vous|identifiez-vous|créez (?:un|votre) compte|devenez abonné\p{L}*)${CLAUSE}${B}pour (?:lire|continuer|poursuivre|accéder|consulter|découvrir)${E}`,
    String.raw`${B}(?:cet article|ce contenu|la suite(?: de cet article)?|cette page) (?:est |vous est )?(?:exclusivement |uniquement )?réservée? (?:à nos|aux) (?:abonné\p{L}*|membres)${E}`,
    String.raw`${B}(?:réservée?s?|exclusivité|exclusifs?|exclusives?) (?:aux|à nos|pour les) abonné\p{L}*`,
    String.raw`${B}il vous reste \d+[\s\u00a0\u202f]?% de (?:cet |l['’])article à lire${E}`,
    String.raw`${B}vous avez (?:atteint|épuisé|lu|consulté) [^.!?\n]{0,40}${B}articles? (?:gratuits?|offerts?)${E}`,
    String.raw`${B}vous avez (?:atteint|épuisé) (?:la|votre) (?:limite|quota)[^.!?\n]{0,30}${B}articles?${E}`,
    // es: "Suscríbete para seguir leyendo", "Este contenido es exclusivo para suscriptores", "Has alcanzado el límite"
    String.raw`${B}(?:suscr[íi]b(?:ete|ase)|reg[íi]str(?:ate|ese)|inicia sesión|inicie sesión|identifícate|hazte (?:socio|suscriptor))${CLAUSE}${B}para (?:seguir|continuar) leyendo${E}`,
    String.raw`${B}(?:suscr[íi]b(?:ete|ase)|reg[íi]str(?:ate|ese)|inicia sesión|inicie sesión|hazte (?:socio|suscriptor))${CLAUSE}${B}para leer (?:el |la |este |esta |toda la |todo el )?(?:artículo|noticia|contenido|nota|texto|historia)? ?(?:completo|completa|entero|entera|sin límites)${E}`,
    String.raw`${B}(?:este|esta|el|la) (?:artículo|contenido|noticia|nota) (?:es )?(?:exclusiv[oa]|reservad[oa]|solo|sólo) (?:para|a) (?:nuestros )?(?:suscriptores|socios|abonados|miembros)${E}`,
    String.raw`${B}exclusiv[oa]s? (?:para|de) (?:suscriptores|socios|abonados)${E}`,
    String.raw`${B}(?:has|ha) (?:alcanzado|llegado a|agotado) (?:el|tu|su) (?:límite|máximo)${E}[^.!?\n]{0,30}${B}(?:artículos|noticias|contenidos|gratuit\p{L}*)${E}`,
    // it: "Abbonati per continuare a leggere", "Questo articolo è riservato agli abbonati", "Hai raggiunto il limite"
    String.raw`${B}(?:abbonati|abbonarti|abbonandoti|registrati|registrandoti|accedi|iscriviti)${CLAUSE}${B}per (?:continuare a leggere|leggere (?:l['’]articolo|tutto|l['’]intero|il resto|questo articolo))`,
    String.raw`${B}per continuare a leggere${CLAUSE}${B}(?:abbonati|abbonarti|abbonamento|registrati|accedi)${E}`,
    String.raw`${B}(?:questo articolo|questo contenuto|l['’]articolo|il contenuto|il resto dell['’]articolo) è (?:riservato|dedicato|disponibile|esclusivo) (?:solo |esclusivamente )?(?:agli|ai|per (?:gli|i)) (?:abbonati|iscritti|utenti registrati)${E}`,
    String.raw`${B}(?:riservat[oaie]|esclusiv[oaie]|dedicat[oaie]) (?:agli|per gli|ai) abbonati${E}`,
    String.raw`${B}hai (?:raggiunto|esaurito) [^.!?\n]{0,40}${B}articoli${E}`,
    // pt: "Assine para continuar lendo", "Este conteúdo é exclusivo para assinantes", "Você atingiu o limite"
    String.raw`${B}(?:assine|assina|subscreva|registe-se|registre-se|cadastre-se|inscreva-se|faça (?:o )?login|inicie sessão|torne-se assinante)${CLAUSE}${B}para (?:continuar (?:a ler|lendo)|ler (?:a |o |esta |este )?(?:matéria|reportagem|notícia|artigo|texto|conteúdo)? ?(?:completa|completo|na íntegra))${E}`,
    String.raw`${B}(?:este|esta|o|a) (?:artigo|conteúdo|matéria|notícia|reportagem) (?:é )?(?:exclusiv[oa]|reservad[oa]) (?:para|a|aos) (?:nossos )?(?:assinantes|subscritores|membros)${E}`,
    String.raw`${B}exclusiv[oa]s? (?:para|a|de|aos) (?:assinantes|subscritores)${E}`,
    String.raw`${B}(?:você|voce|tu) (?:atingiu|chegou ao|alcançou|esgotou) (?:o )?(?:seu )?limite${E}[^.!?\n]{0,30}${B}(?:artigos|matérias|notícias|reportagens|conteúdos|gratuit\p{L}*)${E}`,
    // nl: "Word abonnee om verder te lezen", "Dit artikel is alleen voor abonnees", "Lees verder met een abonnement"
    String.raw`${B}(?:abonneer|word abonnee|log in|log je in|log u in|meld je aan|meld u aan|registreer|neem een abonnement)${CLAUSE}${B}om (?:verder te lezen|dit (?:artikel|stuk|verhaal) (?:verder )?te lezen|het (?:hele|volledige) (?:artikel|stuk|verhaal) te lezen)${E}`,
    String.raw`${B}lees (?:verder|het hele artikel|dit artikel) met${E}[^.!?\n]{0,40}${B}(?:abonnement|\p{L}*plus|premium)${E}`,
    String.raw`${B}(?:dit|het) (?:artikel|stuk|verhaal) is (?:alleen|exclusief|uitsluitend) (?:beschikbaar |toegankelijk )?(?:voor )?(?:onze )?(?:abonnees|leden|betalende)${E}`,
    String.raw`${B}exclusief voor (?:onze )?(?:abonnees|leden)${E}|${B}alleen voor (?:onze )?abonnees${E}`,
    String.raw`${B}(?:je|u) (?:hebt|heeft) (?:je|uw|het) (?:maximum|maximale aantal|limiet)[^.!?\n]{0,40}${B}(?:artikelen|gratis)${E}`,
  ].join('|'),
  'iu',
)
const WEAK_PROMPT_OTHER = new RegExp(
  [
    // "already a subscriber?", "subscribe now" in the same six languages
    String.raw`${B}(?:bereits|schon) (?:abonnent\p{L}*|abonniert|registriert)${E}`,
    String.raw`${B}jetzt (?:abonnieren|abo abschließen)${E}`,
    String.raw`${B}déjà abonné\p{L}*|${B}déjà inscrit\p{L}*\s?\?`,
    String.raw`${B}ya (?:eres|es|soy) suscriptor\p{L}*|${B}ya (?:eres|es) (?:socio|abonado)\p{L}*\s?\?`,
    String.raw`${B}suscr[íi]b(?:ete|ase) (?:ahora|ya|hoy)${E}`,
    String.raw`${B}già abbonat\p{L}${E}|${B}già (?:registrat|iscritt)\p{L}\s?\?`,
    String.raw`${B}abbonati (?:ora|subito)${E}`,
    String.raw`${B}já (?:é|és|sou) (?:assinante|subscritor)\p{L}*`,
    String.raw`${B}assine (?:já|agora|hoje)${E}`,
    String.raw`${B}al abonnee${E}|${B}al lid\s?\?`,
    String.raw`${B}word (?:nu )?abonnee${E}`,
  ].join('|'),
  'iu',
)
const STRONG_PROMPT_ALL = new RegExp(STRONG_PROMPT.source, 'gi')
const WEAK_PROMPT_ALL = new RegExp(WEAK_PROMPT.source, 'gi')
const STRONG_PROMPT_OTHER_ALL = new RegExp(STRONG_PROMPT_OTHER.source, 'giu')
const WEAK_PROMPT_OTHER_ALL = new RegExp(WEAK_PROMPT_OTHER.source, 'giu')
// a wall prompt is a sentence or two; a longer element holding those words is the article itself, or a page wrapper
const PROMPT_MAX_CHARS = 600

/**
 * Reads what a page shows of a subscription wall, before furniture is removed (a wall prompt is often named after
 * subscriptions, which are furniture): the JSON-LD's `isAccessibleForFree`, a visible element named after a wall that
 * holds a prompt, or a prompt anywhere in the page's visible short blocks.
 */
export function findWallSigns(document: Document, ld: {notFree: boolean; paidParts: string[]}): {signs: WallSigns; prompts: El[]} {
  const signs: WallSigns = {notFree: ld.notFree, paidPartPresent: false, prompt: null, strongPrompt: false, wallElement: null}
  const prompts: El[] = []
  for (const selector of ld.paidParts) {
    try {
      for (const el of document.querySelectorAll(selector)) if (countWords(el.textContent ?? '') >= 50) signs.paidPartPresent = true
    } catch {
      // a selector linkedom cannot read says nothing either way
    }
  }
  const body = document.body
  if (!body) return {signs, prompts}
  // most pages have no prompt: one search of the page's text decides
  const text = pageText(body)
  const starts: Array<{at: number; strong: boolean}> = []
  for (const [pattern, strong] of [[STRONG_PROMPT_ALL, true], [WEAK_PROMPT_ALL, false], [STRONG_PROMPT_OTHER_ALL, true], [WEAK_PROMPT_OTHER_ALL, false]] as const) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text.all); m && starts.length < 50; m = pattern.exec(text.all)) starts.push({at: m.index, strong})
  }
  starts.sort((a, b) => a.at - b.at)
  for (const {at, strong} of starts) consider(signs, prompts, text.elementAt(at), strong)
  return {signs, prompts}
}

/**
 * The visible text of a page as one string for a search, with a line break where a block (a paragraph, a heading, a
 * `<br>`) begins or ends: textContent runs a heading into the next paragraph ("PremiumSubscribe to continue"), where
 * no word boundary is seen, while inline elements (a link inside a prompt) stay part of their sentence. Script and
 * style text is left out. `elementAt` gives the element whose text holds a position.
 */
function pageText(body: El): {all: string; elementAt: (at: number) => El | null} {
  const parents: Array<El | null> = []
  const offsets: number[] = []
  let all = ''
  const stack: Array<Node | null> = [body]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === null) {
      all += '\n'
      continue
    }
    if (node.nodeType === 3) {
      offsets.push(all.length)
      parents.push(node.parentElement)
      all += node.nodeValue ?? ''
      continue
    }
    if (node.nodeType !== 1) continue
    const tag = (node as El).tagName
    if (SKIP.has(tag)) continue
    const block = BLOCK.has(tag) || tag === 'BR'
    if (block) {
      all += '\n'
      stack.push(null)
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child)
  }
  const elementAt = (at: number): El | null => {
    // the last text node that starts at or before the position (binary search)
    let lo = 0
    let hi = offsets.length - 1
    if (hi < 0 || offsets[0]! > at) return null
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (offsets[mid]! <= at) lo = mid
      else hi = mid - 1
    }
    return parents[lo] ?? null
  }
  return {all, elementAt}
}

// a block this short that holds a wall's prompt is the prompt, not a paragraph of the article that mentions one
const PROMPT_MAX_WORDS = 40

// a prompt is a sentence or two in a paragraph, heading or small box: its block's text is what the page shows
function consider(signs: WallSigns, prompts: El[], parent: El | null, strong: boolean): void {
  if (!parent || SKIP.has(parent.tagName) || isHiddenAt(parent)) return
  let block: El = parent
  while (!BLOCK.has(block.tagName) && block.parentElement && block.parentElement.tagName !== 'BODY') block = block.parentElement
  const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim()
  if (text.length > PROMPT_MAX_CHARS) return
  const wall = wallAbove(block)
  const wallElement = wall === null ? null : elementName(wall)
  // the wall's box goes whole when it is small (its "Subscribe for unlimited access" beside the prompt), else the prompt
  const wallText = wall === null ? '' : (wall.textContent ?? '').replace(/\s+/g, ' ').trim()
  const prompt = wall !== null && wallText.length <= PROMPT_MAX_CHARS && countWords(wallText) <= PROMPT_MAX_WORDS ? wall : block
  if ((strong || wall !== null) && countWords(prompt.textContent ?? '') <= PROMPT_MAX_WORDS && !prompts.includes(prompt)) prompts.push(prompt)
  // a strong prompt wins over a weak one; a prompt in a wall element over one outside it
  const better = (strong && !signs.strongPrompt) || (wallElement !== null && signs.wallElement === null && (strong || !signs.strongPrompt))
  if (signs.prompt !== null && !better) return
  signs.prompt = text
  signs.strongPrompt = strong
  if (wallElement !== null) signs.wallElement = wallElement
}

// hidden by an attribute or an inline style, on itself or an ancestor: a subscriber's save keeps the wall's template
function isHiddenAt(el: El): boolean {
  for (let node: El | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return true
  }
  return false
}

// the element (or an ancestor up to the body) named after a wall, or null
function wallAbove(el: El): El | null {
  for (let node: El | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    const name = elementName(node)
    if (name !== '' && WALL_NAME.test(name)) return node
  }
  return null
}

// class and id, camelCase humps split like kebab-case parts ("paywallPrompt" reads as "paywall-Prompt")
const elementName = (el: El) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2').trim()

// ---------------------------------------------------------------------------------------------
// newsletter and cookie-consent prompts, by their words (a box whose class names nothing, a prompt in any of seven languages)

// an imperative or offer to sign up for "our newsletter" (or to get it in one's inbox), in English, German, French,
// Spanish, Italian, Portuguese and Dutch (docs/html.md, "Newsletter and consent prompts by their words")
const NEWSLETTER_PROMPT = new RegExp(
  [
    String.raw`${B}(?:sign up|subscribe|register|join)${E}[^.!?\n]{0,30}${B}our${E}[^.!?\n]{0,20}${B}newsletters?${E}`,
    String.raw`${B}(?:sign up|subscribe)${E}[^.!?\n]{0,60}${B}(?:to|in) your inbox${E}`,
    String.raw`${B}(?:abonnieren|bestellen|anmelden|melden sie sich|registrieren)${E}[^.!?\n]{0,40}newsletter|${B}newsletter${E}[^.!?\n]{0,40}${B}(?:abonnieren|bestellen|anmelden)${E}`,
    String.raw`${B}(?:inscrivez-vous|abonnez-vous|inscris-toi|abonne-toi|recevez)${E}[^.!?\n]{0,40}(?:newsletter|lettre d['’]information|infolettre)`,
    String.raw`${B}(?:suscr[íi]bete|suscr[íi]base|reg[íi]strate|apúntate|recibe)${E}[^.!?\n]{0,40}(?:newsletter|boletín)`,
    String.raw`${B}(?:iscriviti|abbonati|registrati|ricevi)${E}[^.!?\n]{0,40}newsletter`,
    String.raw`${B}(?:assine|inscreva-se|cadastre-se|subscreva|receba)${E}[^.!?\n]{0,40}(?:newsletter|boletim)`,
    String.raw`${B}(?:meld je aan|meld u aan|schrijf je in|schrijf u in|abonneer|ontvang)${E}[^.!?\n]{0,40}(?:nieuwsbrief|newsletter)`,
  ].join('|'),
  'iu',
)
// a site's own cookie notice speaks in the first person ("we use cookies", "this site uses cookies")
const COOKIE_NOTICE = new RegExp(
  [
    String.raw`${B}(?:we|this (?:web)?site|our (?:web)?site) (?:use|uses|are using)${E}[^.!?\n]{0,30}${B}cookies${E}`,
    String.raw`${B}(?:wir (?:verwenden|nutzen|setzen)|diese (?:web)?seite (?:verwendet|nutzt)|diese website (?:verwendet|nutzt))${E}[^.!?\n]{0,30}${B}cookies${E}`,
    String.raw`${B}(?:nous utilisons|ce site (?:web )?utilise|notre site utilise)${E}[^.!?\n]{0,30}${B}(?:cookies|traceurs)${E}`,
    String.raw`${B}(?:utilizamos|usamos|este (?:sitio(?: web)?|portal|site|sítio) (?:utiliza|usa))${E}[^.!?\n]{0,30}${B}cookies${E}`,
    String.raw`${B}(?:utilizziamo|usiamo|questo sito (?:web )?(?:utilizza|usa))${E}[^.!?\n]{0,30}${B}cookie${E}`,
    String.raw`${B}(?:wij gebruiken|we gebruiken|deze (?:web)?site (?:gebruikt|maakt gebruik van))${E}[^.!?\n]{0,30}${B}cookies${E}`,
  ].join('|'),
  'iu',
)
// ... and asks the reader something: to accept, consent, choose settings, or read the privacy terms
const COOKIE_ASK = /accept|consent|agree|experience|privacy|settings|akzeptier|zustimm|einverstanden|datenschutz|einstellungen|consentement|paramètres|confidentialité|expérience|acept|consentimiento|configuración|privacidad|experiencia|accett|consenso|impostazioni|esperienza|aceit|consentimento|configurações|privacidade|experiência|akkoord|toestemming|instellingen|ervaring/i
const SIGN_UP_ALL = new RegExp(`${NEWSLETTER_PROMPT.source}|${COOKIE_NOTICE.source}`, 'giu')
// a cookie notice is longer than a sign-up line (what is stored, why, where to change it): up to this many words
const COOKIE_MAX_WORDS = 80

/**
 * Removes small blocks that ask the reader to sign up for a newsletter or that are the site's cookie notice, found by
 * their words: the block (paragraph, heading, box) that holds the prompt, when it is within the size of such a box
 * (40 words; 80 for a cookie notice, which must also ask something) and not mostly links (a menu's entry).
 */
function removeSignUpPrompts(document: Document): void {
  const body = document.body
  if (!body) return
  const page = pageText(body)
  SIGN_UP_ALL.lastIndex = 0
  const found: El[] = []
  for (let m = SIGN_UP_ALL.exec(page.all); m && found.length < 20; m = SIGN_UP_ALL.exec(page.all)) {
    const parent = page.elementAt(m.index)
    if (parent) found.push(parent)
  }
  for (const start of found) {
    if (SKIP.has(start.tagName) || !start.isConnected) continue
    let block: El = start
    while (!BLOCK.has(block.tagName) && block.parentElement && !STOP.has(block.parentElement.tagName)) block = block.parentElement
    const text = (el: El) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    const own = text(block)
    const cookie = COOKIE_NOTICE.test(own)
    if (cookie && !COOKIE_ASK.test(own)) continue
    const limit = cookie ? COOKIE_MAX_WORDS : PROMPT_MAX_WORDS
    if (countWords(own) > limit || (!cookie && !NEWSLETTER_PROMPT.test(own))) continue
    // a link in a menu ("Sign up for our newsletters") is the menu's, not a prompt box
    if (linkShare(block) > 0.5) continue
    block.remove()
  }
}

// never a prompt's box: the page, or the article's own container
const STOP = new Set(['BODY', 'HTML', 'ARTICLE', 'MAIN'])

// ---------------------------------------------------------------------------------------------
// leftovers removed before Readability scores the page

// class/id words of page furniture around an article (share bars, newsletter boxes, related lists, captions,
// pop-up cards that sit inside links), matched as whole parts of a name split at "-", "_", spaces and camelCase humps
const FURNITURE = /(?:^|[-_\s])(?:share|sharing|social|newsletter|subscribe|subscription|signup|related|recommended|promo|caption|credit|byline|breadcrumbs?|tags|author-bio|advert|advertisement|ad)(?:$|[-_\s])/i
// class/id words of pop-up cards that open from a word of the text (a name's hover card)
const POPUP = /(?:^|[-_\s])(?:tooltip|popover|popup|hovercard|rollover)(?:$|[-_\s])/i
// an inline style that hides the element: text a reader never sees (pop-ups, off-screen copies)
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i

function stripLeftovers(document: Document): void {
  unwrapQuotations(document)
  for (const el of document.querySelectorAll('figcaption')) el.remove()
  for (const el of document.querySelectorAll('aside, nav, form, button, [hidden], [aria-hidden="true"]')) if (isSmall(el)) el.remove()
  for (const el of document.querySelectorAll('[style]')) if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '') && isSmall(el)) el.remove()
  for (const el of document.querySelectorAll('[class], [id]')) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue
    // camelCase names ("newsCaption") split like kebab-case ones
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2')
    // an embedded post or quotation ("social-media-embed" around a blockquote) is part of the story
    if (FURNITURE.test(name) && isSmall(el) && !el.querySelector('blockquote')) el.remove()
    else if (POPUP.test(name) && el.tagName !== 'A' && isSmall(el)) {
      // the link that opens a pop-up is a word of the sentence; the card it opens is not
      const opener = el.firstElementChild
      if (opener && opener.tagName === 'A' && el.firstChild === opener) el.replaceWith(opener)
      else el.remove()
    }
  }
}

// an embedded post (a tweet, an Instagram post) is a <blockquote> in a wrapper <div> with the embed's script beside it;
// Readability judges the wrapper as a <div> (mostly links: the post's link, its date) and drops it with the quotation,
// while a bare <blockquote> among the paragraphs is kept. A wrapper that holds only a quotation (and scripts) gives way
// to the quotation itself.
const WRAPPER_EXTRAS = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE'])
function unwrapQuotations(document: Document): void {
  for (const quote of document.querySelectorAll('blockquote')) {
    // wrappers in wrappers give way one by one
    for (let parent = quote.parentElement; parent && isQuoteWrapper(parent, quote); parent = quote.parentElement) parent.replaceWith(quote)
  }
}

function isQuoteWrapper(parent: El, quote: El): boolean {
  if (parent.tagName !== 'DIV' && parent.tagName !== 'FIGURE') return false
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) if (child !== quote && !WRAPPER_EXTRAS.has(child.tagName)) return false
  // no text of the wrapper's own beside the quotation (a label, a caption)
  for (const node of parent.childNodes) if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') return false
  return true
}

// page furniture is small or mostly links; a wrapper named after it (an ASP.NET page's <form>, a
// "page-ad-margins" layout div) holds the whole article and must stay
function isSmall(el: El): boolean {
  const text = el.textContent ?? ''
  if (text.length < 400) return true
  let linked = 0
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').length
  return linked / text.length > 0.5
}

// ---------------------------------------------------------------------------------------------
// sections of one article that Readability left out

// Readability keeps its best-scored element and only those siblings that score at least a fifth of it (10 at least):
// an article set as several <div>s of a heading and a short paragraph or two (a short live blog, a sectioned explainer)
// lost every section but the best one, silently. Such sections are siblings of one shape: same tag, same class, and
// they open with the same kind of element, one that opens a section of text (a heading, a paragraph, a time stamp).
// They are marked before Readability runs (a data attribute, which it keeps and does not score), and the ones it left
// out are put back beside the ones it kept. Layout blocks (a page's main column beside a dialog) open with wrappers.
const RUN_ATTRIBUTE = 'data-lede-section'
const SECTION_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE'])
const SECTION_OPENERS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'P', 'TIME'])
// what is never a section of the story, whatever its shape: forms, dialogs and the page's own furniture
const NOT_STORY = /(?:^|[-_\s])(?:comments?|footer|sidebar|modal|dialog|flyout|overlay|popup|cookies?|consent|feedback|newsletter|promo|related)(?:$|[-_\s])/i

/** Marks runs of sibling sections of one shape (`run:index:shape`); returns how many runs were marked. */
function markSectionRuns(document: Document): number {
  const groups = new Map<string, El[]>()
  const parents = new Map<Node, number>()
  for (const el of document.querySelectorAll('div, section, article')) {
    const parent = el.parentNode
    if (!parent || !SECTION_TAGS.has(el.tagName)) continue
    let id = parents.get(parent)
    if (id === undefined) parents.set(parent, (id = parents.size))
    const key = `${id} ${el.tagName} ${(el.getAttribute('class') ?? '').trim()}`
    const group = groups.get(key)
    if (group) group.push(el)
    else groups.set(key, [el])
  }
  let runs = 0
  for (const members of groups.values()) {
    if (members.length < 2 || !members.some((el) => SECTION_OPENERS.has(el.firstElementChild?.tagName ?? ''))) continue
    for (const [index, el] of members.entries()) el.setAttribute(RUN_ATTRIBUTE, `${runs}:${index}:${el.firstElementChild?.tagName ?? ''}`)
    runs++
  }
  return runs
}

// a section put back must read as prose: some words, a sentence end, few of its words in links
// (Chinese and Japanese end a sentence with a full-width stop and no space after it)
const SENTENCE_END = /[\p{L}\p{N}][.!?…]["'”’»)\]]*(?:\s|$)|[\p{L}\p{N}][。！？]/u

/**
 * Puts back, beside the ones Readability kept, the sections of a marked run that it left out and that read as prose,
 * each in its place in the page's order. Returns what was put back, or null when nothing was.
 */
export function restoreSections(content: El, document: Document): RestoredSections | null {
  // the sections Readability kept, by run
  const kept = new Map<string, Map<number, El>>()
  for (const el of content.querySelectorAll(`[${RUN_ATTRIBUTE}]`)) {
    const [run, index] = el.getAttribute(RUN_ATTRIBUTE)!.split(':')
    let members = kept.get(run!)
    if (!members) kept.set(run!, (members = new Map()))
    members.set(Number(index), el)
  }
  if (kept.size === 0) return null
  const result: RestoredSections = {kept: 0, added: 0, words: 0}
  for (const [run, members] of kept) {
    const shapes = new Set([...members.values()].map((el) => el.getAttribute(RUN_ATTRIBUTE)!.split(':')[2]))
    const left = [...document.querySelectorAll(`[${RUN_ATTRIBUTE}^="${run}:"]`)]
      .map((el) => ({el, index: Number(el.getAttribute(RUN_ATTRIBUTE)!.split(':')[1])}))
      .filter(({el, index}) => !members.has(index) && !content.contains(el) && shapes.has(el.getAttribute(RUN_ATTRIBUTE)!.split(':')[2]) && readsAsProse(el))
      .sort((a, b) => a.index - b.index)
    if (left.length === 0) continue
    result.kept += members.size
    for (const {el, index} of left) {
      // beside the nearest section before it in the page, else before the nearest one after it
      let before: El | undefined
      let after: El | undefined
      for (const [i, m] of members) {
        if (i < index && (before === undefined || i > indexOf(before))) before = m
        if (i > index && (after === undefined || i < indexOf(after))) after = m
      }
      if (before) before.after(el)
      else after!.before(el)
      members.set(index, el)
      result.added++
      result.words += countWords(toParagraphs(el).join(' '))
    }
  }
  return result.added > 0 ? result : null
}

const indexOf = (el: El) => Number(el.getAttribute(RUN_ATTRIBUTE)!.split(':')[1])

function readsAsProse(el: El): boolean {
  if (!SECTION_OPENERS.has(el.firstElementChild?.tagName ?? '') || el.querySelector('input, textarea, select, label, [role="dialog"]')) return false
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2')
  if (NOT_STORY.test(name) || el.getAttribute('role') === 'dialog') return false
  // block by block: a heading's last word and the next paragraph's first are two words
  const text = toParagraphs(el).join(' ')
  if (countWords(text) < 5 || !SENTENCE_END.test(text)) return false
  return linkShare(el) < 0.3
}

// ---------------------------------------------------------------------------------------------
// leftovers removed from what Readability kept

// a short label that introduces a list of links to other stories
const LINK_LIST_LABEL = /^(?:related|read more|read also|also read|read next|see also|more stories|more on this|more from|recommended|you may also like|you might also like|most read|most popular|popular|trending|further reading)\b[^.!?]{0,40}$/i

/** Removes "Related:" lists: a list whose every item is a link, right after a short label that introduces one. */
function removeLinkLists(root: El): void {
  for (const list of root.querySelectorAll('ul, ol')) {
    const items = [...list.querySelectorAll('li')]
    if (items.length === 0 || !items.every((li) => linkShare(li) > 0.8)) continue
    const label = list.previousElementSibling
    const labelText = (label?.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!label || !LINK_LIST_LABEL.test(labelText.replace(/[:»›>|–—-]+$/, '').trim())) continue
    label.remove()
    list.remove()
  }
}

function linkShare(el: El): number {
  const text = (el.textContent ?? '').replace(/\s+/g, '')
  if (text === '') return 1
  let linked = 0
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length
  return linked / text.length
}

// ---------------------------------------------------------------------------------------------
// paragraphs from the DOM

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA'])

/**
 * Walks an element: block elements end a paragraph, `<br>` is a line break, a table row is one line with
 * its cells separated by tabs, a list item starts with "• " (as a browser draws it, and so that `clean`
 * reads it as part of a list rather than a stray label), white space collapses outside `<pre>`.
 */
function toParagraphs(root: El): string[] {
  const paragraphs: string[] = []
  let buffer = ''
  const flush = () => {
    const lines = buffer.split('\n').map((l) => l.replace(/[ \f\r\u00a0]+/g, ' ').replace(/ *\t */g, '\t').replace(/^[ \t]+|[ \t]+$/g, ''))
    const text = lines.filter((l) => l !== '').join('\n')
    if (text !== '') paragraphs.push(text)
    buffer = ''
  }
  const walk = (node: Node, pre: boolean, inTable: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? ''
      buffer += pre ? value.replace(/\t/g, ' ') : value.replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as El
    const tag = el.tagName.toUpperCase()
    if (SKIP.has(tag)) return
    if (tag === 'BR') {
      buffer += '\n'
      return
    }
    if (tag === 'TR') {
      flush()
      for (const child of el.childNodes) walk(child, pre, true)
      flush()
      return
    }
    if (inTable && (tag === 'TD' || tag === 'TH')) {
      if (buffer.trim() !== '') buffer += '\t'
      for (const child of el.childNodes) walk(child, pre, true)
      return
    }
    const block = BLOCK.has(tag)
    if (block) flush()
    if (tag === 'LI') buffer += '• '
    const inPre = pre || tag === 'PRE'
    for (const child of el.childNodes) walk(child, inPre, inTable && !block)
    if (block) flush()
  }
  walk(root, false, false)
  flush()
  return paragraphs
}
