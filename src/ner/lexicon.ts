/**
 * Word lists the recogniser uses as features: general knowledge of how news names people and organisations
 * (titles before names, head words ending organisation names, name particles), plus compromise's lexicon
 * (first and last names, places, organisations) merged in at training time. The merged lists are stored
 * inside the model file, so inference never loads compromise.
 */

/** Single-word lexicon categories, each a feature; order fixes the bit in {@link LexiconIndex.flags}. */
export const LEXICON_CATEGORIES = [
  'first',
  'last',
  'title',
  'orgword',
  'locword',
  'particle',
  'month',
  'weekday',
  'demonym',
  'common',
  'miscword',
] as const
/** One of {@link LEXICON_CATEGORIES}. */
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number]

/** Name lists from maintained data packages (GeoNames cities, ISO country names, demonyms, provinces, brands), by kind. */
export const SOURCE_CATEGORIES = ['city', 'country', 'nationality', 'region', 'brand'] as const

/**
 * Organisation lists from maintained data packages (issue 14, eighth round): universities and colleges, active
 * airlines, company names. The external gazetteer's 32 mask bits are all taken, so these are marked in the free
 * upper bits of the training-data gazetteer's mask (category `NER_TYPES.length + index`), each its own feature family.
 */
export const ORG_SOURCE_CATEGORIES = ['university', 'airline', 'company'] as const

/** One of {@link SOURCE_CATEGORIES} or {@link ORG_SOURCE_CATEGORIES}. */
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number] | (typeof ORG_SOURCE_CATEGORIES)[number]

/**
 * Categories of the external gazetteer, each its own feature family (category x BILOU position): compromise's
 * people, organisations and places, then the data-package lists.
 */
export const EXTERNAL_CATEGORIES = ['PER', 'ORG', 'LOC', ...SOURCE_CATEGORIES] as const

/** Lowercase single words per category, and multi-word name lists (lowercase, space-separated tokens) per CoNLL type. */
export interface Lexicon {
  words: Record<LexiconCategory, string[]>
  /** external gazetteer (compromise's places, organisations, people), by CoNLL type */
  names: Record<'PER' | 'ORG' | 'LOC' | 'MISC', string[]>
  /** names from data packages (see src/adapters/gazetteers.ts); absent in models trained before they existed */
  sources?: Partial<Record<SourceCategory, string[]>>
}

// job titles and honorifics that stand before or beside a person's name in news copy
const TITLES = `mr mrs ms miss dr sir dame lord lady madam mister prof professor rev reverend father sister brother
president vice-president premier prime minister ministers chancellor secretary secretary-general undersecretary
spokesman spokeswoman spokesperson spokesmen representative envoy ambassador ambassadors emissary consul diplomat
deputy first chief head leader chairman chairwoman chairperson chair director director-general executive ceo cfo
governor mayor senator sen. rep. congressman congresswoman lawmaker legislator mp deputies speaker commissioner
judge justice prosecutor attorney lawyer counsel general gen. colonel col. major maj. captain capt. lieutenant lt.
sergeant sgt. commander admiral marshal officer minister-president king queen prince princess emperor sheikh
pope cardinal archbishop bishop imam rabbi patriarch coach manager striker midfielder defender goalkeeper
captain skipper analyst economist strategist adviser advisor aide official officials businessman businesswoman
tycoon founder owner entrepreneur journalist correspondent editor reporter researcher fellow scientist author
candidate nominee challenger incumbent rival opponent ex- former late acting interim assistant associate`

// head words that end organisation names ("... Ministry", "... Bureau", "... Inc.")
const ORG_WORDS = `ministry ministries bureau office offices department agency agencies authority authorities commission
committee council board service services administration directorate inspectorate secretariat
inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa nv gmbh bv spa group holdings holding company companies
bank banks fund trust partners associates industries international enterprises airlines airways motors
university college institute institution academy school foundation society association federation union league
party front movement alliance coalition congress parliament assembly senate cabinet government court tribunal
army navy force forces guard police militia brigade command club team fc united city exchange network news times
post journal herald tribune press agency broadcasting television radio magazine`

// geographic head words that end place names
const LOC_WORDS = `river sea ocean gulf bay lake strait island islands mountain mountains mount mt valley desert
peninsula region province state county district city town village street avenue square airport port coast border
republic kingdom`

// head words that end the names of laws, treaties, events, awards and competitions, which CoNLL labels MISC
// ("Paris Agreement", "AI Act", "Cannes Film Festival", "Tour de France", "Nobel Prize")
const MISC_WORDS = `act acts bill law laws code treaty treaties accord accords agreement agreements pact convention
conventions declaration charter protocol framework regulation regulations directive doctrine initiative
festival olympics olympic paralympics games cup championship championships tournament open grand prix trophy
award awards prize prizes medal marathon rally tour expo biennale war wars revolution crisis`

// particles inside people's names ("van Gogh", "de la Cruz", "bin Salman")
const PARTICLES = 'von van der den de del della di da du dos das la le bin ibn al el abu ben ter ten zu'

const MONTHS = `january february march april may june july august september october november december
jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.`

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'

// compromise lexicon tags that mean "an ordinary lowercase word"
const COMMON_TAGS = [
  'PhrasalVerb', 'Gerund', 'PastTense', 'PresentTense', 'Plural', 'Infinitive', 'Adjective', 'Singular',
  'Comparative', 'Superlative', 'Uncountable', 'Participle', 'Noun', 'Adverb', 'Preposition', 'Conjunction',
  'Determiner', 'Pronoun', 'Modal', 'Copula', 'QuestionWord', 'Possessive', 'Reflexive', 'Verb', 'Expression',
]

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean)
}

/** The built-in lists alone (what the model uses when compromise's lexicon is not supplied). */
export function baseLexicon(): Lexicon {
  return {
    words: {
      first: [],
      last: [],
      title: words(TITLES),
      orgword: words(ORG_WORDS),
      locword: words(LOC_WORDS),
      particle: words(PARTICLES),
      month: words(MONTHS),
      weekday: words(WEEKDAYS),
      demonym: [],
      common: [],
      miscword: words(MISC_WORDS),
    },
    names: {PER: [], ORG: [], LOC: [], MISC: []},
    sources: {},
  }
}

/** Adds data-package name lists (lowercased, deduplicated, sorted so the model file is reproducible). */
export function withSources(lexicon: Lexicon, sources: Partial<Record<SourceCategory, readonly string[]>>): Lexicon {
  const merged: Partial<Record<SourceCategory, string[]>> = {...lexicon.sources}
  for (const category of [...SOURCE_CATEGORIES, ...ORG_SOURCE_CATEGORIES]) {
    const list = sources[category]
    if (list) merged[category] = [...new Set(list.map((w) => w.toLowerCase().trim()).filter(Boolean))].sort()
  }
  if (merged.company) {
    // the company list is single words split out of company names ("Brake", "Ohio", "Fisher", "Boeing"): a word
    // another list also holds (a name, a place, a common word) says nothing about a company, so it is left out
    const claimed = new Set([
      ...lexicon.words.first, ...lexicon.words.last, ...lexicon.words.common, ...lexicon.names.PER, ...lexicon.names.LOC,
      ...(['city', 'country', 'nationality', 'region'] as const).flatMap((category) => merged[category] ?? []),
    ])
    merged.company = merged.company.filter((word) => !claimed.has(word))
  }
  return {...lexicon, sources: merged}
}

/** Merges compromise's inverted lexicon (tag -> entries, from src/adapters/compromise.ts) into the built-in lists. */
export function buildLexicon(compromiseByTag: Record<string, string[]>): Lexicon {
  const lexicon = baseLexicon()
  const take = (...tags: string[]) => tags.flatMap((tag) => compromiseByTag[tag] ?? [])
  const single = (entries: string[]) => entries.filter((entry) => !entry.includes(' '))
  lexicon.words.first = single(take('FirstName', 'MaleName', 'FemaleName'))
  lexicon.words.last = single(take('LastName'))
  lexicon.words.title.push(...single(take('Honorific', 'Actor')))
  lexicon.words.demonym = single(take('Demonym'))
  lexicon.words.common = single(take(...COMMON_TAGS))
  lexicon.names.PER = take('Person')
  lexicon.names.ORG = take('Organization', 'SportsTeam')
  lexicon.names.LOC = take('Country', 'City', 'Region', 'Place')
  for (const category of Object.keys(lexicon.words) as LexiconCategory[]) {
    lexicon.words[category] = [...new Set(lexicon.words[category].map((w) => w.toLowerCase()))].sort()
  }
  for (const type of Object.keys(lexicon.names) as (keyof Lexicon['names'])[]) {
    lexicon.names[type] = [...new Set(lexicon.names[type].map((w) => w.toLowerCase()))].sort()
  }
  return lexicon
}

/** Bit flags per lowercase word, for constant-time lexicon features. */
export interface LexiconIndex {
  flags: Map<string, number>
}

/** Indexes a lexicon's single-word lists as one bitmask per word. */
export function indexLexicon(lexicon: Lexicon): LexiconIndex {
  const flags = new Map<string, number>()
  LEXICON_CATEGORIES.forEach((category, bit) => {
    // models written before a category existed lack its list
    for (const word of lexicon.words[category] ?? []) flags.set(word, (flags.get(word) ?? 0) | (1 << bit))
  })
  return {flags}
}
