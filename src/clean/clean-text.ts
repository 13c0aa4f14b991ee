/**
 * Boilerplate removal for the `clean` stage: strips scrape boilerplate (consent banners, navigation, photo credits and captions,
 * lines in another script, contact numbers) from raw article text line by line, and lifts the headline
 * into `title`. Rules describe how news pages are built (line shape, position, script, credit and consent
 * vocabulary), never strings of particular articles. Kept lines are copied unchanged, character for character.
 */
import {z} from 'zod'
import type {Removed, Span} from '../doc.ts'
import {matchDateline} from '../dateline/find-dateline.ts'
import {findWraps} from '../segment/layout.ts'
import {decodeReferences} from '../text/references.ts'
import {removePageFurniture} from './page-furniture.ts'
import {removeWireCodes, removeWireHeaders} from './wire-codes.ts'
import {BYLINE_OPENING_WORDS, isCapitalsByline} from './capitals-byline.ts'
import {isAllCaps} from '../text/all-caps.ts'
import {astralClass, buildCodeUnitTable32, CHAR_CLASS, CHAR_SCRIPT, CharClass, Script} from '../text/chars.ts'

/** Every rule `clean` applies; each removed line is recorded as `clean:<rule>`. */
export const CLEAN_RULES = [
  'no-text',
  'foreign-script',
  'cookie-banner',
  'translation-notice',
  'photo-credit',
  'caption',
  'ui-chrome',
  'contact-number',
  'duplicate',
  'byline',
  'edge-chrome',
  'title',
  'wire-code',
  'wire-slug',
  'wire-copyright',
  'wire-note',
  'page-furniture',
] as const
/** One of {@link CLEAN_RULES}. */
export type CleanRule = (typeof CLEAN_RULES)[number]

/** Options for {@link cleanText} and {@link createClean}. */
export const CleanOptions = z
  .object({
    /** take a headline-shaped first line as `title` (default true) */
    detectTitle: z.boolean().default(true),
    /**
     * keep that headline in the text too (default true): it is the article's first line, and its names, dates and
     * quotes are the article's (a recogniser scored on the article misses them otherwise); false lifts it out
     */
    titleInText: z.boolean().default(true),
    /**
     * keep the byline block's name lines in the text (default true): `By Jane Doe`, its second line (`Associated Press
     * Writer`) and the wire's copyright line (`c.1998 N.Y. Times News Service`) name the writer and the service, and a
     * recogniser scored on the article misses them otherwise; timestamp-only lines are removed either way; false removes
     * the name lines too (as `byline` and `wire-copyright`)
     */
    bylineInText: z.boolean().default(true),
    /** trim trailing spaces and collapse runs of blank lines (default true); false keeps kept lines byte for byte */
    normalizeWhitespace: z.boolean().default(true),
    /** decode HTML character references (`&amp;`, `&AMP;`, `&#8217;`, `&nbsp;`) before anything else (default true) */
    decodeReferences: z.boolean().default(true),
    /** rules to switch off, by name without the `clean:` prefix */
    disable: z.array(z.enum(CLEAN_RULES)).default([]),
  })
  .strict()
/** Options as callers write them (every field optional). */
export type CleanOptions = z.input<typeof CleanOptions>
/** Options after parsing, every field set. */
export type CleanSettings = z.output<typeof CleanOptions>

/** What {@link cleanText} returns: the cleaned text, the headline if found, and every removed line. */
export interface CleanResult {
  text: string
  title: string | null
  removed: Removed[]
}

const DEFAULTS: CleanSettings = CleanOptions.parse({})

/** What the input already said of an article, besides its text (an SGML HEADLINE and BYLINE, a JSONL record's fields). */
export interface KnownFields {
  /** the input's own title: the headline whatever its shape (wire headlines are in capitals) */
  title?: string | null
  /** the input's own byline: its line is the byline's, `By` or not */
  byline?: string | null
}

/** Removes boilerplate lines from a raw article and finds its headline; `known` (optional) holds a title and a byline the input already had. */
export function cleanText(raw: string, options?: CleanOptions, known: KnownFields = {}): CleanResult {
  return cleanWith(raw, options === undefined ? DEFAULTS : CleanOptions.parse(options), known)
}


// ---------------------------------------------------------------------------------------------
// line measurement

// module-level copies: imported bindings cost a lookup per character in hot loops
const CLS = CHAR_CLASS
const SCR = CHAR_SCRIPT
const SPACE: number = CharClass.Space
const UPPER: number = CharClass.Upper
const LOWER: number = CharClass.Lower
const LETTER: number = CharClass.Letter
const DIGIT: number = CharClass.Digit
const HIGH: number = CharClass.HighSurrogate
const LATIN: number = Script.Latin

interface Line {
  /** the line as the rules read it: a hard-wrapped paragraph is one line, its wraps read as spaces */
  text: string
  /** the line as it will be written (trailing space trimmed when normalising; wraps kept) */
  written: string
  blank: boolean
  words: number
  latin: number
  foreign: number
  /** letters and digits */
  alnum: number
  hasLower: boolean
  /** how the line ends: a sentence stop, a continuation mark (, ; : dash), or neither */
  end: End
  rule: CleanRule | null
  /** recognised by `rule` but written all the same (a byline name line under `bylineInText`) */
  kept: boolean
}

const enum End {
  None = 0,
  Stop = 1,
  Continue = 2,
}

// what measure() counts of a code unit, as one packed entry (one table read per character): six-bit fields that a run
// of at most CHUNK units adds up in one sum, unpacked once per run instead of shifted and masked at every character.
// Fields: a space (bit 0, so `entry & 1` is also the space flag), a Latin letter, another letter, a letter or digit, a
// lowercase letter; HIGH (negative): a high surrogate, read with the code unit after it
const FIELD = 6
const FIELD_MASK = (1 << FIELD) - 1
const CHUNK = FIELD_MASK
const LATIN_SHIFT = FIELD
const FOREIGN_SHIFT = 2 * FIELD
const ALNUM_SHIFT = 3 * FIELD
const LOWER_SHIFT = 4 * FIELD
const HIGH_ENTRY = -1
const COUNTS = buildCodeUnitTable32((code) => {
  const cls: number = CLS[code]!
  if (cls === SPACE) return 1
  if (cls === HIGH) return HIGH_ENTRY
  if (cls === UPPER || cls === LOWER || cls === LETTER) {
    return (1 << (SCR[code] === LATIN ? LATIN_SHIFT : FOREIGN_SHIFT)) | (1 << ALNUM_SHIFT) | (cls === LOWER ? 1 << LOWER_SHIFT : 0)
  }
  if (cls === DIGIT) return 1 << ALNUM_SHIFT
  return 0
})

function measure(text: string, blank: boolean): Line {
  let words = 0
  let latin = 0
  let foreign = 0
  let alnum = 0
  let lower = 0
  // 1 after a space (or at the start): the next non-space character starts a word
  let space = 1
  const n = text.length
  for (let i = 0; i < n; ) {
    // at most CHUNK units counted into `sum` (a surrogate pair's low unit is skipped, not counted), so no field overflows
    const stop = Math.min(n, i + CHUNK)
    let sum = 0
    for (; i < stop; i++) {
      const entry = COUNTS[text.charCodeAt(i)]!
      if (entry < 0) {
        words += space
        space = 0
        const cp = text.codePointAt(i)!
        if (cp > 0xffff) {
          i++
          const cls = astralClass(cp)
          if (cls === UPPER || cls === LETTER) {
            foreign++
            alnum++
          }
        }
        continue
      }
      // counted without branches: the classes alternate too often for a branch predictor
      words += space & ~entry & 1
      space = entry & 1
      sum += entry
    }
    latin += (sum >> LATIN_SHIFT) & FIELD_MASK
    foreign += (sum >> FOREIGN_SHIFT) & FIELD_MASK
    alnum += (sum >> ALNUM_SHIFT) & FIELD_MASK
    lower += (sum >> LOWER_SHIFT) & FIELD_MASK
  }
  return {text, written: text, blank, words, latin, foreign, alnum, hasLower: lower > 0, end: lineEnd(text), rule: null, kept: false}
}

function isClosing(code: number): boolean {
  // ” ’ " ' » › ) ]
  return code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0xbb || code === 0x203a || code === 0x29 || code === 0x5d
}

function isOpening(code: number): boolean {
  // “ ‘ " ' « ‹ ( [ „
  return code === 0x201c || code === 0x2018 || code === 0x22 || code === 0x27 || code === 0xab || code === 0x2039 || code === 0x28 || code === 0x5b || code === 0x201e
}

function lineEnd(text: string): End {
  let i = text.length - 1
  while (i >= 0 && (CLS[text.charCodeAt(i)] === SPACE || isClosing(text.charCodeAt(i)))) i--
  if (i < 0) return End.None
  const code = text.charCodeAt(i)
  // . ! ? …
  if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026) return End.Stop
  // , ; : - – — (a line that goes on, e.g. "A deck; " or "He said:")
  if (code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2d || code === 0x2013 || code === 0x2014) return End.Continue
  return End.None
}

function startsLowercase(text: string): boolean {
  let i = 0
  while (i < text.length && (CLS[text.charCodeAt(i)] === SPACE || isOpening(text.charCodeAt(i)))) i++
  return i < text.length && CLS[text.charCodeAt(i)] === LOWER
}

/** Whether the first letter or digit (after opening quotes) is uppercase or a digit. */
function startsCapitalised(text: string): boolean {
  let i = 0
  while (i < text.length && (CLS[text.charCodeAt(i)] === SPACE || isOpening(text.charCodeAt(i)))) i++
  if (i >= text.length) return false
  const cls = CLS[text.charCodeAt(i)]
  return cls === UPPER || cls === DIGIT
}

// ---------------------------------------------------------------------------------------------
// vocabulary shared by consent banners, credits and site navigation on news sites in general

// in English and, written from how each language says them, German, French, Spanish, Italian, Portuguese and Dutch: the
// seven languages of the HTML reader's newsletter and consent prompts (src/adapters/readability.ts). `\b` knows only
// ASCII letters ("confidentialité", "términos"), so the other languages bound their words with Unicode look-arounds
const B = String.raw`(?<![\p{L}\p{N}])`
const E = String.raw`(?![\p{L}\p{N}])`
const words = (...alternatives: string[]) => new RegExp(`${B}(?:${alternatives.join('|')})${E}`, 'iu')
const CONSENT_HINT = /cookie|privacy|terms of|terms and|consent|traceurs|datenschutz|einwillig|zustimm|nutzungsbeding|confidentialit|conditions (?:générales )?d|privacidad|términos|condiciones de uso|consentimiento|informativa|termini|condizioni|consenso|privacidade|termos|consentimento|privacybeleid|privacyverklaring|voorwaarden|toestemming/i
const CONSENT_TERMS = [
  words('cookies?', 'traceurs'),
  words(
    String.raw`privacy (?:policy|notice|statement|settings|preferences)`,
    String.raw`datenschutz(?:erklärung|hinweisen?|richtlinien?|einstellungen|bestimmungen|informationen)`,
    String.raw`(?:politique|paramètres) de confidentialité`,
    String.raw`politique (?:de protection des données|relative aux cookies|(?:en matière )?de cookies)`,
    String.raw`(?:política|configuración) de (?:privacidad|cookies)`,
    String.raw`informativa (?:sulla privacy|(?:sui |sull'uso dei )?cookie|estesa)`,
    String.raw`(?:política|configurações|definições) de (?:privacidade|cookies)`,
    'privacybeleid', 'privacyverklaring', 'cookiebeleid', 'cookieverklaring', 'privacyinstellingen', 'cookie-instellingen',
  ),
  words(
    String.raw`terms (?:of (?:use|service)|and conditions)`,
    'nutzungsbedingungen', String.raw`allgemeinen? geschäftsbedingungen`,
    String.raw`conditions (?:générales )?d['’]utilisation`,
    String.raw`términos (?:y condiciones|de uso)`, 'condiciones de uso',
    String.raw`termini (?:e condizioni|di (?:uso|utilizzo|servizio))`, String.raw`condizioni (?:d['’]uso|di utilizzo)`,
    String.raw`termos (?:de uso|e condições|de serviço)`,
    'gebruiksvoorwaarden', 'algemene voorwaarden',
  ),
  words('consent', 'einwilligung', 'zustimmung', 'consentement', 'consentimiento', 'consenso', 'consentimento', 'toestemming'),
  words(
    String.raw`(?:you|users?) (?:agree|accept|consent)`, String.raw`by (?:continuing|using|clicking|browsing|visiting|staying)`,
    String.raw`(?:stimmen|willigen) sie`, 'sie akzeptieren', String.raw`indem sie`, String.raw`durch (?:die )?(?:weitere )?(?:nutzung|klicken)`,
    String.raw`vous (?:acceptez|consentez)`, String.raw`en (?:continuant|poursuivant|cliquant|utilisant|naviguant)`,
    String.raw`(?:usted )?(?:acepta|consiente) (?:el|la|los|las|su|sus|nuestr\p{L}*)`, String.raw`al (?:continuar|seguir|hacer clic|utilizar|navegar)`, String.raw`si (?:continúa|sigue) navegando`,
    'accetti', 'acconsenti', 'proseguendo', String.raw`continuando (?:a navigare|la navigazione)`, 'cliccando', 'chiudendo questo banner',
    String.raw`(?:você )?(?:concorda|aceita) (?:com|o|a|os|as)`, String.raw`ao (?:continuar|clicar|utilizar|navegar)`,
    String.raw`(?:gaat u|ga je|gaat je) akkoord`, String.raw`door (?:verder te (?:gaan|surfen)|te klikken|gebruik te maken|deze (?:web)?site te gebruiken)`,
  ),
]
// banners address the reader; reported speech about cookies does not. German's polite "Sie" and "Ihr-" are capitalised
// (lowercase "sie" is "they", said of others): matched by case, and inside a sentence (a capital "Sie" opening one
// may be "they")
const CONSENT_ADDRESS = words(
  'you', 'your', 'we', 'our', 'us',
  'wir', String.raw`unser\p{L}*`, 'uns',
  'vous', 'votre', 'vos', 'nous', 'notre', 'nos',
  'usted', 'tu', 'tus', String.raw`nuestr[oa]s?`, 'nosotros', String.raw`(?:utiliz|us|consider)amos`,
  'voi', String.raw`vostr[oaie]`, 'noi', String.raw`nostr[oaie]`, 'tuoi', 'tue', 'utilizziamo', 'usiamo', 'accetti', 'acconsenti',
  'você', 'seu', 'sua', 'seus', 'suas', 'nós', String.raw`noss[oa]s?`,
  'u', 'uw', 'je', 'jouw', 'jij', 'wij', 'ons', 'onze',
)
const POLITE_ADDRESS = new RegExp(`(?<=[\\p{L}\\p{N},;:]\\s)(?:Sie|Ihr\\p{L}{0,2}|Ihnen)${E}`, 'u')
const REPORTED_SPEECH = new RegExp(
  `[“”"„«»]|${B}(?:said|says|told|sagte|sagt|sagten|erklärte|a déclaré|a dit|ont déclaré|selon|dijo|afirmó|declaró|según|ha detto|ha dichiarato|hanno detto|secondo|disse|afirmou|declarou|segundo|zei|zegt|zeiden|verklaarde|volgens)${E}`,
  'iu',
)

const TRANSLATION_NOTICE = /\btranslat/i
const TRANSLATION_TOOL = /\b(?:machine|automatic(?:ally)?|auto|service|tool|software|engine|AI)\b/i
const NOTICE_OPENING = /^(?:this (?:article|text|story|page|content) (?:was|has been|is|may have been)|translated|translation|machine|automatic)/i

// "Photo: X/Y", "Image credit: X", "Photograph by X", "© X", "Copyright X"
const CREDIT_LINE =
  /^[([]?(?:(?:cover|top|main|lead|header|featured|file|feature) )?(?:photo(?:graph)?s?|images?|pictures?|pics?|credits?|illustrations?|videos?|footage|graphics?|fotos?)(?: (?:credit|credits|source|courtesy))?(?: ?:| ?\||(?: courtesy of| by)\b| ?©| [–—-] )/i
const COPYRIGHT_LINE = /^(?:©|\(c\) |copyright\b)/i
const PAREN_CREDIT = /^\((?:[\w.&'-]+ ){0,2}(?:photo(?:graph)?s?|images?|pictures?|credits?|illustration|video|footage)(?: ?[:/|]| by\b| courtesy\b)/i
// a caption that ends in an agency code after a slash: "... 2025. /AGENCY" or "... / Agency Name"
const SLASH_CREDIT_TAIL = /\s\/ ?[A-Z][\w.&-]{1,24}(?: [A-Z][\w.&-]{1,24}){0,2}$/
// results and list lines end in " / Name" too ("6. Ann Roe ( Britain ) / Jo Lee", "- NORTH COAST / EAST SEA", "AB / CD /
// EF"): a caption describes one picture and carries one credit, so a line that opens as a list item (an item number
// and `.`, `)` or a spaced dash; a dash or bullet) or joins items with spaced slashes before the tail is no caption
const LIST_ITEM_OPENING = /^(?:\d{1,3}(?:[.)]| +[-–—])|[-–—•·*]) /
// a wire headline in capitals opens with its topic slug and a dash ("SOCCER - GERMAN FIRST DIVISION RESULTS / STANDINGS",
// "ICE HOCKEY-NHL RESULTS/STANDINGS"): its last slash joins two table names, it credits no photo
const CAPITALS_TOPIC_HEADLINE = /^[A-Z][A-Z&']*(?: [A-Z][A-Z&']*){0,2} ?[-–—] ?[A-Z][^a-z]*$/
const SPACED_SLASH = /\s\/\s/
// "... in the capital. Photo: Agency/Name"
const TRAILING_CREDIT = /(?:^|[.!?]["”’]? )(?:photo(?:graph)?s?|images?|pictures?|credits?)(?: by\b| ?:)[^.!?]{1,60}$/i

const UI_PHRASES = new Set(
  [
    'advertisement', 'advertisements', 'advert', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'promoted',
    'partner content', 'skip to main content', 'skip to content', 'skip to navigation', 'skip to search', 'skip navigation',
    'jump to content', 'skip ad', 'share', 'share this', 'share this article', 'share this story', 'share article',
    'share on facebook', 'share on twitter', 'share on x', 'share via email', 'tweet', 'email', 'e-mail', 'print', 'copy link',
    'link copied', 'copied', 'subscribe', 'subscribe now', 'sign in', 'log in', 'login', 'sign up', 'register', 'log out',
    'my account', 'menu', 'open menu', 'close menu', 'main menu', 'close', 'search', 'home', 'back', 'back to top', 'top',
    'next', 'previous', 'prev', 'next article', 'previous article', 'next story', 'read more', 'read next', 'more', 'see more',
    'show more', 'load more', 'view more', 'read full article', 'continue reading', 'full story', 'see also', 'related',
    'related articles', 'related stories', 'related news', 'related content', 'recommended', 'recommended for you',
    'most read', 'most popular', 'trending', 'trending now', 'popular', 'latest', 'latest news', 'top stories',
    'breaking news', 'breaking', 'watch', 'watch live', 'watch now', 'watch video', 'live', 'live now', 'live updates',
    'live blog', 'live broadcast', 'live stream', 'livestream', 'live tv', 'listen', 'listen to this article', 'listen live',
    'play', 'pause', 'audio', 'video', 'photos', 'gallery', 'photo gallery', 'comments', 'comment', 'show comments',
    'hide comments', 'leave a comment', 'loading', 'on', 'off', 'toggle', 'expand', 'collapse', 'follow us', 'newsletter',
    'accept', 'accept all', 'accept cookies', 'reject all', 'i agree', 'got it', 'ok', 'okay', 'dismiss', 'manage preferences',
    'cookie settings', 'privacy settings', 'font size', 'text size', 'a+', 'a-', 'aa', 'dark mode', 'light mode', 'tags',
  ],
)
// single words that make up share bars and toolbars ("Share Tweet Email")
const UI_WORDS = new Set([
  'share', 'tweet', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin', 'reddit',
  'pinterest', 'copy', 'link', 'subscribe', 'comments', 'comment', 'menu', 'search', 'close', 'save', 'bookmark',
  'advertisement', 'on', 'off',
])
const UI_PREFIX =
  /^(?:read more|read also|also read|read next|see also|related(?: articles?| stories| news| content| coverage)?|recommended|more on this(?: story| topic)?|more from [\w ]{1,30}|watch|listen|video|advertisement)\s?[:|»›>–—]/i
const UI_CALL =
  /^(?:click here|tap here|follow us on|sign up for (?:our|the)|subscribe to (?:our|the)|download (?:our|the) app|join us on|join our|get the latest|don['’]t miss|listen to this article|share this (?:article|story)|skip to)\b/i
const READING_TIME = /^\d{1,3} ?min(?:ute)?s?(?: read)?$/i

const CONTACT_LABEL =
  /\b(?:hotline|helpline|phone|telephone|tel|fax|mobile|cell|call|contact|whatsapp|sms|licen[cs]e|registration|reg|permit|certificate|icp|filing|no|number|toll[- ]free|emergency)\b/i

// tokens a dateline or timestamp line is made of ("Updated: 14:35, 13 November 2025", "3 hours ago")
const META_WORDS = new Set([
  'updated', 'published', 'posted', 'modified', 'last', 'on', 'at', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'est', 'edt',
  'cet', 'cest', 'bst', 'msk', 'pst', 'pdt', 'ago', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'day', 'days',
  'read', 'time', 'reading', 'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june',
  'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat',
  'sun', 'today', 'yesterday',
])
// wire routing lines: a slug ("BC-BRITAIN-IRELAND-TALKS-NYT", "BC-BKN-Bulls-Pacers"), alone or with its date and
// word count ("04-12 0714"), and a transmission trailer ("NYT-04-12-98 0114EDT", "AP-NY-04-13-98 0217EDT"). AP's slugs
// keep a name's two words apart by a space ("BC-Wall Street", "BC-HKN-Blackhawks-Red Wings"): words after a space must
// open with a capital or a digit, so a short line of prose ("BC-based firms rise") is no slug
const WIRE_SLUG = /^BC-(?:[A-Za-z0-9&.]+(?:-[A-Za-z0-9&.]+)*|[A-Z0-9][A-Za-z0-9&.]*(?:-[A-Za-z0-9&.]+)*(?: [A-Z0-9][A-Za-z0-9&.]*(?:-[A-Za-z0-9&.]+)*)+)(?:\s+[0-9][0-9-]*)*$/
const WIRE_TRAILER = /^(?:NYT|APW?|AP-[A-Z]{2})-[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{4}(?:[ECMP][SD]T|GMT)?$/
// the wire's copyright line: "c.1998 N.Y. Times News Service", "c. 1998 Cox News Service"
const WIRE_COPYRIGHT = /^c\. ?(?:19|20)[0-9]{2} \p{Lu}/u
// an editors' note of the wire, a line of its own in parentheses: "(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)",
// "(BEGIN OPTIONAL TRIM)", "(ATTN: Editors: ...)", and a desk's initials, "(sw)"
const WIRE_NOTE_WORDS = /\b(?:OPTIONAL|TRIM|TAKES?|STORY CAN END|ENDS? HERE|EDS|EDITORS|ATTN|ADVANCE|EMBARGOED|FOR RELEASE|MORE|NNNN|FOLLOWS?)\b/
const WIRE_NOTE_ATTN = /^\((?:ATTN|EDS|EDITORS)\b/
const DESK_INITIALS = /^\([a-z]{2,3}\)$/
const BYLINE = new RegExp(`^(?:${BYLINE_OPENING_WORDS})\\s*:?\\s+\\p{Lu}`, 'iu')

// ---------------------------------------------------------------------------------------------
// per-line rules: each looks at one line only

function isWireRouting(line: Line): boolean {
  if (line.words > 4) return false
  const text = line.text.trim()
  return WIRE_SLUG.test(text) || WIRE_TRAILER.test(text)
}

function isWireCopyright(line: Line): boolean {
  return line.words <= 10 && line.end !== End.Stop && WIRE_COPYRIGHT.test(line.text.trim())
}

function isWireNote(line: Line): boolean {
  const text = line.text.trim()
  if (line.words > 20 || text.charCodeAt(0) !== 0x28 || text.charCodeAt(text.length - 1) !== 0x29) return false
  if (DESK_INITIALS.test(text) || WIRE_NOTE_ATTN.test(text)) return true
  // in capitals throughout (a sentence in parentheses has lowercase letters) and in the notes' own words
  return !line.hasLower && WIRE_NOTE_WORDS.test(text)
}

function isForeignScript(line: Line, latinDocument: boolean): boolean {
  // only in a Latin-script article, and only lines whose letters are mostly in another script
  return latinDocument && line.foreign > 0 && line.foreign > line.latin
}

function isCookieBanner(line: Line): boolean {
  const text = line.text
  if (line.words > 120 || !CONSENT_HINT.test(text)) return false
  let score = 0
  for (const term of CONSENT_TERMS) if (term.test(text)) score++
  return score >= 2 && (CONSENT_ADDRESS.test(text) || POLITE_ADDRESS.test(text)) && !REPORTED_SPEECH.test(text)
}

function isTranslationNotice(line: Line): boolean {
  const text = line.text
  if (line.words > 20 || !TRANSLATION_NOTICE.test(text) || !TRANSLATION_TOOL.test(text)) return false
  return line.end !== End.Stop || NOTICE_OPENING.test(text)
}

function isCreditLine(line: Line): boolean {
  if (line.words > 15) return false
  const text = line.text
  if (CREDIT_LINE.test(text) || COPYRIGHT_LINE.test(text)) return true
  // a line that is only a parenthetical credit: "(Agency Photo/Name)"
  return text.length <= 120 && text.charCodeAt(0) === 0x28 && text.charCodeAt(text.length - 1) === 0x29 && PAREN_CREDIT.test(text)
}

function hasInlineCredit(line: Line): boolean {
  if (line.words > 60) return false
  const text = line.text
  const tail = text.length > 100 ? text.slice(text.length - 100) : text
  if (text.charCodeAt(text.length - 1) === 0x29) {
    const open = text.lastIndexOf('(')
    if (open > 0 && text.length - open <= 80 && PAREN_CREDIT.test(text.slice(open))) return true
  }
  return hasSlashCredit(text, tail) || TRAILING_CREDIT.test(tail)
}

// a credit after a slash at the line's end, on a line that is not a list item nor a list of slash-joined items
function hasSlashCredit(text: string, tail: string): boolean {
  const match = SLASH_CREDIT_TAIL.exec(tail)
  if (match === null || LIST_ITEM_OPENING.test(text.trimStart()) || CAPITALS_TOPIC_HEADLINE.test(text.trim())) return false
  return !SPACED_SLASH.test(text.slice(0, text.length - tail.length + match.index))
}

function normalisePhrase(text: string): string {
  // lowercase, without bullets, arrows and trailing colons or ellipses, single-spaced
  return text
    .toLowerCase()
    .replace(/^[\s•·*>»›|–—-]+/, '')
    .replace(/[\s:.!»›>|…]+$/, '')
    .replace(/\s+/g, ' ')
}

function isUiChrome(line: Line): boolean {
  const text = line.text
  if (text.length <= 60) {
    const phrase = normalisePhrase(text)
    if (UI_PHRASES.has(phrase) || READING_TIME.test(phrase)) return true
    if (line.words <= 6) {
      const words = phrase.split(/[\s|•·/]+/)
      if (words.length > 1 && words.every((w) => UI_WORDS.has(w))) return true
    }
  }
  if (line.words > 20) return false
  return UI_PREFIX.test(text) || UI_CALL.test(text)
}

function isContactNumber(line: Line): boolean {
  const text = line.text
  if (line.words > 12) return false
  // read the number from the end: digits and the separators phone and licence numbers use
  let i = text.length - 1
  let digits = 0
  for (; i >= 0; i--) {
    const code = text.charCodeAt(i)
    if (code >= 0x30 && code <= 0x39) digits++
    else if (!(code === 0x20 || code === 0x2b || code === 0x28 || code === 0x29 || code === 0x2d || code === 0x2e || code === 0x2f || code === 0x2013)) break
  }
  if (digits < 6) return false
  // drop the separator between label and number (a loop, not a `$`-anchored regex, to stay linear)
  let labelEnd = i + 1
  while (labelEnd > 0 && isLabelSeparator(text.charCodeAt(labelEnd - 1))) labelEnd--
  const label = text.slice(0, labelEnd)
  if (label.length === 0) return isPhoneShaped(text)
  return label.length <= 60 && lineEnd(label) !== End.Stop && CONTACT_LABEL.test(label)
}

/**
 * Whether a bare number reads as a phone or licence number rather than a result: its digit groups are long (a short
 * group only first, as a country code), and not all of them are years. Scores ("7-6 6-2"), figures ("8-198 9-203"),
 * dates ("1996-08-30") and year headers ("1996 1995") are content.
 */
function isPhoneShaped(text: string): boolean {
  const groups = text.match(/[0-9]+/g) ?? []
  if (groups.length === 0) return false
  if (groups.some((g, i) => g.length < 3 && i > 0)) return false
  return !groups.every((g) => g.length === 4 && /^(?:19|20)/.test(g))
}

function isLabelSeparator(code: number): boolean {
  // space, :, fullwidth colon, #, -
  return CLS[code] === SPACE || code === 0x3a || code === 0xff1a || code === 0x23 || code === 0x2d
}

function isMetaLine(line: Line): boolean {
  if (line.words > 12 || line.text.length > 200 || line.end === End.Stop) return false
  if (BYLINE.test(line.text)) return true
  // every word is a date, time or timestamp word: "Updated 14:35 GMT, 13 November 2025"
  let sawDateWord = false
  for (const raw of line.text.toLowerCase().split(/[\s,|•·/()]+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (word === '') continue
    if (META_WORDS.has(word)) {
      sawDateWord = true
      continue
    }
    if (!/^[\d:.-]+(?:st|nd|rd|th|h)?$/.test(word)) return false
  }
  return sawDateWord || /\d/.test(line.text)
}

/** The second line of a byline: a short label right under "By Jane Doe" or "JANE DOE" ("Associated Press Writer", "Staff Reporter"). */
function continuesByline(lines: Line[], i: number, capsDoc: boolean): boolean {
  const line = lines[i]!
  if (line.words > 6 || line.end !== End.None || /[0-9]/.test(line.text)) return false
  let j = i - 1
  while (j >= 0 && lines[j]!.blank) j--
  return j >= 0 && j === i - 1 && ((BYLINE.test(lines[j]!.text) && lines[j]!.words <= 12) || isBareByline(lines, j, capsDoc))
}

/**
 * A byline with no `By` whose writers are named in capitals (`JANE DOE`, `JANE DOE, Associated Press`), read only in a
 * mixed-case text (in an all-caps one every short line looks so) and only right under a headline, so a capitals
 * headline is never read as one.
 */
function isBareByline(lines: Line[], i: number, capsDoc: boolean): boolean {
  if (capsDoc || !isCapitalsByline(lines[i]!.text)) return false
  let j = i - 1
  while (j >= 0 && lines[j]!.blank) j--
  return j >= 0 && (isHeadline(lines[j]!) || isCapitalsHeadline(lines[j]!))
}

/**
 * Finds the byline block's name lines above the story's first body line (`By Jane Doe`, its second line, the wire's
 * copyright line, a line holding the input's own byline `knownByline`), as clean recognises them and keeps them under
 * `bylineInText`: each line's span, in text order.
 */
export function findBylines(text: string, knownByline: string | null = null): Span[] {
  const known = bylineWords(knownByline)
  const capsDoc = isAllCaps(text)
  const spans: Span[] = []
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    const stop = text.indexOf('\n', start)
    const end = stop < 0 ? text.length : stop
    const raw = text.slice(start, end).trimEnd()
    const line = measure(raw, raw.trim() === '')
    lines.push(line)
    if (!line.blank && isBody(line)) break
    const at = lines.length - 1
    if (!line.blank && ((BYLINE.test(raw) && isMetaLine(line)) || continuesByline(lines, at, capsDoc) || isWireCopyright(line) || isKnownByline(line, known) || isBareByline(lines, at, capsDoc))) {
      spans.push({start, end: start + raw.length})
    }
    if (stop < 0) break
    start = stop + 1
  }
  return spans
}

// the input's own byline (an SGML <BYLINE>, a JSONL `byline`, a page's author) as clean reads the text: codes and
// references decoded, spaces collapsed, so its line is known whatever its shape (a bare name has no `By` to go by)
function bylineWords(known: string | null): string | null {
  if (known === null) return null
  const words = decodeReferences(removeWireCodes(known).text).text.replace(/\s+/g, ' ').trim()
  return words === '' ? null : words
}

function isKnownByline(line: Line, known: string | null): boolean {
  return known !== null && line.text.replace(/\s+/g, ' ').trim() === known
}

/** A line shaped like a headline: a few capitalised words, no final period, not all capitals. */
function isHeadline(line: Line): boolean {
  const length = line.text.trim().length
  if (line.words < 3 || line.words > 30 || length < 15 || length > 250) return false
  if (line.end !== End.None) {
    // a question or exclamation may end a headline; a period, comma or colon may not
    const last = line.text.replace(/[\s”’"'»›)\]]+$/, '').slice(-1)
    if (last !== '?' && last !== '!') return false
  }
  // a line that ends on a function word is a sentence broken off, and one with three numbers is a table row
  if (HEADLINE_CANNOT_END.test(line.text) || (line.text.match(/[0-9]+(?:[.,][0-9]+)*/g)?.length ?? 0) >= 3) return false
  // so is one whose columns stand apart by a tab or by wide gaps, as segment's table rows do ("Margin\t16.7%\t-1.4%")
  if (TABLE_COLUMNS.test(line.text.trim())) return false
  return line.hasLower && line.foreign <= line.latin && startsCapitalised(line.text)
}
const TABLE_COLUMNS = /\t|\S {3,}\S/
/** A headline set in capitals, as 1990s wire copy sets it ("FUNERALS IN DRENICA, AND A VOW OF MORE FIGHTING"): trusted only above the wire's own lines. */
function isCapitalsHeadline(line: Line): boolean {
  const length = line.text.trim().length
  if (line.words < 3 || line.words > 30 || length < 15 || length > 250 || line.hasLower || line.latin === 0) return false
  if (line.end !== End.None) {
    const last = line.text.replace(/[\s”’"'»›)\]]+$/, '').slice(-1)
    if (last !== '?' && last !== '!') return false
  }
  if (HEADLINE_CANNOT_END.test(line.text) || (line.text.match(/[0-9]+(?:[.,][0-9]+)*/g)?.length ?? 0) >= 3) return false
  return line.foreign <= line.latin && startsCapitalised(line.text)
}
const HEADLINE_CANNOT_END = /\b(?:and|or|but|nor|the|a|an|of|in|on|at|to|for|with|by|from|as|that|which|who|than)\s*$/i

/** A line a body paragraph is made of: a sentence of some length, or a long line. */
function isBody(line: Line): boolean {
  return (line.words >= 8 && line.end === End.Stop) || line.words >= 20
}

/** Short capitalised label-like lines (menus, section names, bylines) that sit above or below the article. */
function isEdgeChrome(line: Line, next: Line | undefined): boolean {
  if (line.words > 6 || line.text.trim().length > 60 || line.end !== End.None || !startsCapitalised(line.text)) return false
  // a line with a number is a result, a score or a table row, and one ending on a function word is a broken-off
  // sentence: content, never a menu label
  if (/[0-9]/.test(line.text) || HEADLINE_CANNOT_END.test(line.text)) return false
  // hard-wrapped prose goes on in lowercase on the next line; a label does not
  return next === undefined || next.blank || !startsLowercase(next.text)
}

// ---------------------------------------------------------------------------------------------

/** {@link cleanText} with options already parsed (the stage parses them once, not per document). */
export function cleanWith(input: string, settings: CleanSettings, known: KnownFields = {}): CleanResult {
  const off = new Set<CleanRule>(settings.disable)
  const knownTitle = known.title ?? null
  const byline = bylineWords(known.byline ?? null)
  const on = (rule: CleanRule) => !off.has(rule)
  // a writer named in capitals with no `By` is a byline only in a mixed-case text (capitals-byline.ts)
  const capsDoc = isAllCaps(input)
  // wire typesetting codes, then references: every later rule, and every offset, reads the decoded text
  // a paged archive's running heads and page numbers go first: they stand between lines every later rule reads together
  const paged = on('page-furniture') ? removePageFurniture(input) : {text: input, lines: []}
  const headed = on('wire-slug') ? removeWireHeaders(paged.text) : {text: paged.text, headers: []}
  const coded = on('wire-code') ? removeWireCodes(headed.text) : {text: headed.text, codes: []}
  const raw = settings.decodeReferences ? decodeReferences(coded.text).text : coded.text
  const lines: Line[] = []
  let latin = 0
  let foreign = 0
  // U+2028 (line separator) and U+2029 (paragraph separator) end a line as a newline does (segment reads them so too):
  // read as characters inside a line, a headline ending in one was glued to the first paragraph and never the title
  const split = splitAtSeparators(logicalLines(raw))
  for (const piece of split.pieces) {
    const trimmed = piece.includes('\n') ? piece.split('\n').map((l) => l.trimEnd()).join('\n') : piece.trimEnd()
    const written = settings.normalizeWhitespace ? trimmed : piece
    const line = measure(written.includes('\n') ? written.replace(/\n/g, ' ') : written, trimmed.trimStart() === '')
    line.written = written
    latin += line.latin
    foreign += line.foreign
    lines.push(line)
  }
  // an English (Latin-script) article: most of its letters are Latin
  const latinDocument = latin > 0 && latin >= 3 * foreign

  // a wire dateline near the top ("LONDON 1996-12-06", "PARIS (Reuters) - ...") is content, and marks wire copy:
  // a story filed by an agency carries no page navigation, so labels are not guessed from their shape there
  const dateline = findDatelineLine(lines)
  const wire = dateline >= 0

  // 1. rules that judge a line on its own
  let previous: string | null = null
  for (const [index, line] of lines.entries()) {
    if (line.blank || index === dateline) continue
    const text = line.text.trim()
    if (on('no-text') && line.alnum === 0) line.rule = 'no-text'
    else if (on('foreign-script') && isForeignScript(line, latinDocument)) line.rule = 'foreign-script'
    else if (on('cookie-banner') && isCookieBanner(line)) line.rule = 'cookie-banner'
    else if (on('translation-notice') && isTranslationNotice(line)) line.rule = 'translation-notice'
    else if (on('photo-credit') && isCreditLine(line)) line.rule = 'photo-credit'
    else if (on('caption') && hasInlineCredit(line)) line.rule = 'caption'
    else if (on('ui-chrome') && isUiChrome(line)) line.rule = 'ui-chrome'
    else if (on('contact-number') && isContactNumber(line)) line.rule = 'contact-number'
    else if (on('duplicate') && text === previous) line.rule = 'duplicate'
    else if (on('wire-slug') && isWireRouting(line)) line.rule = 'wire-slug'
    else if (on('wire-copyright') && isWireCopyright(line)) {
      line.rule = 'wire-copyright'
      line.kept = settings.bylineInText
    }
    else if (on('wire-note') && isWireNote(line)) line.rule = 'wire-note'
    previous = text
  }

  // 2. a short unpunctuated line right above a credit line is that photo's caption
  if (on('caption')) {
    let last = -1
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (line.blank) continue
      if (line.rule === 'photo-credit' && last >= 0) {
        const above = lines[last]!
        if (above.rule === null && above.words <= 15 && above.end === End.None) above.rule = 'caption'
      }
      last = i
    }
  }

  // 3. position: the stretch above the first body paragraph and below the last one
  let firstBody = -1
  let lastBody = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.rule !== null || !isBody(line)) continue
    if (firstBody < 0) firstBody = i
    lastBody = i
  }
  let title: string | null = null
  if (firstBody >= 0) {
    // the headline is the line right above the body, past bylines, datelines and removed lines;
    // when it is not lifted into the title it stays in the text
    let headline = -1
    // in wire copy the headline stands above the dateline
    const below = wire && dateline < firstBody ? dateline : firstBody
    // a wire story's own lines (copyright, slug) between a line and the story make that line the wire's headline,
    // which the wire sets in capitals
    let wireHeader = false
    for (let i = below - 1; i >= 0; i--) {
      const line = lines[i]!
      if (line.rule === 'wire-copyright' || line.rule === 'wire-slug') wireHeader = true
      if (line.blank || line.rule !== null || isMetaLine(line) || continuesByline(lines, i, capsDoc) || isKnownByline(line, byline) || isBareByline(lines, i, capsDoc)) continue
      // the input's own headline (an SGML HEADLINE, a JSONL title) is the headline whatever its shape (wire headlines are in capitals)
      if (isHeadline(line) || (wireHeader && isCapitalsHeadline(line)) || (knownTitle !== null && sameTitle(knownTitle, line.text))) headline = i
      break
    }
    if (headline >= 0 && settings.detectTitle && on('title')) {
      const line = lines[headline]!
      const text = line.text.trim()
      if (knownTitle === null || sameTitle(knownTitle, text)) {
        if (!settings.titleInText) line.rule = 'title'
        title = text
      }
    }
    const edge = on('edge-chrome') && !wire
    for (let i = 0; i < firstBody; i++) {
      const line = lines[i]!
      if (line.blank || line.rule !== null || i === headline || i === dateline) continue
      if (on('byline') && (isMetaLine(line) || continuesByline(lines, i, capsDoc) || isKnownByline(line, byline) || isBareByline(lines, i, capsDoc))) {
        line.rule = 'byline'
        // a name line of the byline (not a timestamp) stays in the text when asked
        line.kept = settings.bylineInText && (BYLINE.test(line.text) || continuesByline(lines, i, capsDoc) || isKnownByline(line, byline) || isBareByline(lines, i, capsDoc))
      }
      else if (edge && isEdgeChrome(line, lines[i + 1])) line.rule = 'edge-chrome'
    }
    for (let i = lastBody + 1; i < lines.length; i++) {
      const line = lines[i]!
      if (line.blank || line.rule !== null || i === dateline) continue
      if (edge && isEdgeChrome(line, lines[i + 1])) line.rule = 'edge-chrome'
    }
  }

  // 4. write: kept lines unchanged, removed ones recorded in order (header lines and codes first: they went before any rule ran)
  const removed: Removed[] = paged.lines.map((text) => ({rule: 'clean:page-furniture', text}))
  for (const text of headed.headers) removed.push({rule: 'clean:wire-slug', text})
  if (coded.codes.length > 0) removed.push({rule: 'clean:wire-code', text: coded.codes.join(' ')})
  const out: string[] = []
  // the break after each written line: the one it had in the input (a newline, U+2028 or U+2029)
  const ends: string[] = []
  let pendingBlank = false
  let blankEnd = '\n'
  for (const [index, line] of lines.entries()) {
    if (line.rule !== null && !line.kept) {
      removed.push({rule: `clean:${line.rule}`, text: line.text.trim()})
      continue
    }
    if (!settings.normalizeWhitespace) {
      out.push(line.written)
      ends.push(split.breaks[index]!)
      continue
    }
    if (line.blank) {
      pendingBlank = out.length > 0
      blankEnd = split.breaks[index]!
      continue
    }
    if (pendingBlank) {
      out.push('')
      ends.push(blankEnd)
    }
    pendingBlank = false
    out.push(line.written)
    ends.push(split.breaks[index]!)
  }
  return {text: split.separators ? out.map((l, i) => (i < out.length - 1 ? l + ends[i] : l)).join('') : out.join('\n'), title, removed}
}

/** Index of the line that holds the story's wire dateline, among the first few lines with text; -1 when none. */
function findDatelineLine(lines: Line[]): number {
  let seen = 0
  for (let i = 0; i < lines.length && seen < 12; i++) {
    const line = lines[i]!
    if (line.blank) continue
    seen++
    if (matchDateline(line.text.trim()) !== null) return i
  }
  return -1
}

/** The lines rules judge: physical lines, except that a hard-wrapped paragraph's lines (joined by wraps) make one. */
function logicalLines(raw: string): string[] {
  const wraps = findWraps(raw)
  if (wraps.length === 0) return raw.split('\n')
  const lines: string[] = []
  let start = 0
  let w = 0
  for (;;) {
    let end = raw.indexOf('\n', start)
    while (end >= 0 && w < wraps.length && wraps[w] === end) {
      w++
      end = raw.indexOf('\n', end + 1)
    }
    if (end < 0) {
      lines.push(raw.slice(start))
      return lines
    }
    lines.push(raw.slice(start, end))
    start = end + 1
  }
}

/** Splits lines at U+2028 and U+2029 too, with the break that ended each line (`\n` for the last piece of a line). */
function splitAtSeparators(lines: string[]): {pieces: string[]; breaks: string[]; separators: boolean} {
  const breaks = lines.map(() => '\n')
  if (!lines.some((l) => l.includes('\u2028') || l.includes('\u2029'))) return {pieces: lines, breaks, separators: false}
  const pieces: string[] = []
  breaks.length = 0
  for (const line of lines) {
    let start = 0
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i)
      if (code !== 0x2028 && code !== 0x2029) continue
      pieces.push(line.slice(start, i))
      breaks.push(line[i]!)
      start = i + 1
    }
    pieces.push(line.slice(start))
    breaks.push('\n')
  }
  return {pieces, breaks, separators: true}
}

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}
