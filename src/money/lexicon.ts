/*
 * What money looks like in English-language news: currency symbols, ISO 4217 codes, currency names
 * with their national adjectives, minor units, magnitudes, number words, qualifiers and rate units.
 * Everything is keyed by lower-case form unless the comment says the case matters.
 */

/** The stand-in ISO code for "the dollar the caller assumes" (`defaultDollar`). */
export const DEFAULT_DOLLAR = '$'

/** A currency a marker resolves to: ISO code (or {@link DEFAULT_DOLLAR}) and whether that was a guess. */
export interface CurrencyRef {
  iso: string
  assumed: boolean
}

/** A currency word ("dollars", "pence", "markka") and how it resolves. */
export interface CurrencyName {
  /** ISO code when no adjective is written ({@link DEFAULT_DOLLAR} for plain dollars and cents) */
  iso: string
  /** the default is a guess: several current currencies share the name */
  assumed: boolean
  /** decimal places to shift for a minor unit (2 for cents), 0 for a major unit */
  minor: number
  /** a minor unit that only counts after a major amount ("20 ringgit 43 sen") */
  comboOnly: boolean
  /** the word is singular (hyphen compounds "12-cent", "one-yen"; "a dollar") */
  singular: boolean
  /** also an everyday English word (won, real, marks): needs a magnitude, grouped digits or an adjective */
  ambiguous: boolean
  /** may be written before the number ("ringgit 42", "Rupees 500 crore") */
  beforeNumber: boolean
  /** the pound, which is also a weight */
  weight: boolean
  /** national adjectives (lower case, single spaces) to ISO codes */
  adjectives: ReadonlyMap<string, string>
}

const DOLLAR_ADJECTIVES: Record<string, string> = {
  us: 'USD', 'u.s.': 'USD', 'u.s': 'USD', american: 'USD', 'united states': 'USD',
  canadian: 'CAD', canada: 'CAD', australian: 'AUD', australia: 'AUD', aussie: 'AUD',
  'new zealand': 'NZD', kiwi: 'NZD', 'hong kong': 'HKD', singapore: 'SGD', singaporean: 'SGD',
  taiwan: 'TWD', taiwanese: 'TWD', 'new taiwan': 'TWD', jamaican: 'JMD', bahamian: 'BSD', barbadian: 'BBD',
  barbados: 'BBD', belize: 'BZD', belizean: 'BZD', bermudian: 'BMD', bermuda: 'BMD', brunei: 'BND',
  'cayman islands': 'KYD', cayman: 'KYD', 'east caribbean': 'XCD', fijian: 'FJD', fiji: 'FJD', guyanese: 'GYD',
  guyana: 'GYD', liberian: 'LRD', namibian: 'NAD', 'solomon islands': 'SBD', surinamese: 'SRD',
  'trinidad and tobago': 'TTD', trinidadian: 'TTD', zimbabwean: 'ZWL', zimbabwe: 'ZWL',
}

type NameSpec = [forms: string, iso: string, options?: Partial<Omit<CurrencyName, 'adjectives'>> & {adjectives?: Record<string, string>}]

// forms: singular first, then plurals, separated by '|'
const NAME_SPECS: NameSpec[] = [
  ['dollar|dollars', DEFAULT_DOLLAR, {assumed: true, adjectives: DOLLAR_ADJECTIVES, beforeNumber: true}],
  ['euro|euros', 'EUR'],
  ['pound|pounds', 'GBP', {
    assumed: true, weight: true,
    adjectives: {british: 'GBP', uk: 'GBP', 'u.k.': 'GBP', sterling: 'GBP', egyptian: 'EGP', lebanese: 'LBP', syrian: 'SYP',
      sudanese: 'SDG', 'south sudanese': 'SSP', falkland: 'FKP', 'falkland islands': 'FKP', gibraltar: 'GIP', cypriot: 'CYP', irish: 'IEP'},
  }],
  ['sterling', 'GBP'],
  ['yen', 'JPY', {adjectives: {japanese: 'JPY'}}],
  ['yuan', 'CNY', {adjectives: {chinese: 'CNY'}}],
  ['renminbi', 'CNY', {adjectives: {chinese: 'CNY'}}],
  ['rupee|rupees', 'INR', {
    assumed: true, beforeNumber: true,
    adjectives: {indian: 'INR', pakistani: 'PKR', 'sri lankan': 'LKR', nepalese: 'NPR', nepali: 'NPR', mauritian: 'MUR', seychellois: 'SCR'},
  }],
  ['rupiah|rupiahs', 'IDR', {beforeNumber: true, adjectives: {indonesian: 'IDR'}}],
  ['ruble|rubles|rouble|roubles', 'RUB', {assumed: true, adjectives: {russian: 'RUB', belarusian: 'BYN', belarusan: 'BYN'}}],
  ['hryvnia|hryvnias|hryvnas|hryvni|hryvnya|hryvnyas|grivna|grivnas|hrivna|hrivnas', 'UAH', {adjectives: {ukrainian: 'UAH'}}],
  ['franc|francs', 'CHF', {
    assumed: true,
    adjectives: {swiss: 'CHF', french: 'FRF', belgian: 'BEF', luxembourg: 'LUF', cfa: 'XOF', 'west african cfa': 'XOF',
      'central african cfa': 'XAF', congolese: 'CDF', rwandan: 'RWF', burundian: 'BIF', guinean: 'GNF', djiboutian: 'DJF',
      comorian: 'KMF', cfp: 'XPF'},
  }],
  ['peso|pesos', 'MXN', {
    assumed: true,
    adjectives: {mexican: 'MXN', argentine: 'ARS', argentinian: 'ARS', argentinean: 'ARS', chilean: 'CLP', colombian: 'COP',
      philippine: 'PHP', cuban: 'CUP', dominican: 'DOP', uruguayan: 'UYU'},
  }],
  ['real|reais|reals', 'BRL', {ambiguous: true, adjectives: {brazilian: 'BRL'}}],
  ['rand|rands', 'ZAR', {ambiguous: true, adjectives: {'south african': 'ZAR'}}],
  ['lira|liras|lire', 'TRY', {assumed: true, adjectives: {turkish: 'TRY', italian: 'ITL', maltese: 'MTL'}}],
  ['lari|laris', 'GEL', {adjectives: {georgian: 'GEL'}}],
  ['dram|drams', 'AMD', {ambiguous: true, adjectives: {armenian: 'AMD'}}],
  ['manat|manats', 'AZN', {assumed: true, adjectives: {azerbaijani: 'AZN', turkmen: 'TMT', turkmenistan: 'TMT'}}],
  ['tenge|tenges', 'KZT', {adjectives: {kazakh: 'KZT', kazakhstani: 'KZT'}}],
  ['som|soms', 'KGS', {ambiguous: true, adjectives: {kyrgyz: 'KGS', uzbek: 'UZS'}}],
  ['somoni', 'TJS', {adjectives: {tajik: 'TJS'}}],
  ['lev|leva|levs', 'BGN', {adjectives: {bulgarian: 'BGN'}}],
  ['leu|lei', 'RON', {assumed: true, adjectives: {romanian: 'RON', moldovan: 'MDL'}}],
  ['zloty|zlotys|zlotych|złoty|złotych|złotys', 'PLN', {adjectives: {polish: 'PLN'}}],
  ['forint|forints', 'HUF', {adjectives: {hungarian: 'HUF'}}],
  ['koruna|korunas|koruny|korun', 'CZK', {adjectives: {czech: 'CZK', slovak: 'SKK'}}],
  ['crown|crowns', 'CZK', {
    ambiguous: true, assumed: true,
    adjectives: {czech: 'CZK', swedish: 'SEK', norwegian: 'NOK', danish: 'DKK', icelandic: 'ISK', estonian: 'EEK', slovak: 'SKK'},
  }],
  ['krona|kronor', 'SEK', {assumed: true, adjectives: {swedish: 'SEK', icelandic: 'ISK'}}],
  ['króna|krónur|kronur', 'ISK', {adjectives: {icelandic: 'ISK'}}],
  ['krone|kroner', 'NOK', {assumed: true, adjectives: {norwegian: 'NOK', danish: 'DKK'}}],
  ['kuna|kunas', 'HRK', {adjectives: {croatian: 'HRK'}}],
  ['dinar|dinars', 'IQD', {
    assumed: true,
    adjectives: {iraqi: 'IQD', kuwaiti: 'KWD', bahraini: 'BHD', jordanian: 'JOD', libyan: 'LYD', tunisian: 'TND', algerian: 'DZD',
      serbian: 'RSD'},
  }],
  ['denar|denars|denari', 'MKD', {adjectives: {macedonian: 'MKD'}}],
  ['dirham|dirhams|dirhams', 'AED', {assumed: true, adjectives: {emirati: 'AED', uae: 'AED', moroccan: 'MAD'}}],
  ['riyal|riyals', 'SAR', {assumed: true, adjectives: {saudi: 'SAR', qatari: 'QAR', yemeni: 'YER'}}],
  ['rial|rials', 'IRR', {assumed: true, adjectives: {iranian: 'IRR', omani: 'OMR', yemeni: 'YER'}}],
  ['shekel|shekels|sheqel|sheqels|shekalim', 'ILS', {adjectives: {israeli: 'ILS', 'new israeli': 'ILS'}}],
  ['won', 'KRW', {assumed: true, ambiguous: true, adjectives: {korean: 'KRW', 'south korean': 'KRW', 'north korean': 'KPW'}}],
  ['baht', 'THB', {adjectives: {thai: 'THB'}}],
  ['ringgit|ringgits', 'MYR', {beforeNumber: true, adjectives: {malaysian: 'MYR', malaysia: 'MYR'}}],
  ['dong', 'VND', {ambiguous: true, adjectives: {vietnamese: 'VND'}}],
  ['kyat|kyats', 'MMK', {adjectives: {myanmar: 'MMK', burmese: 'MMK'}}],
  ['taka', 'BDT', {beforeNumber: true, adjectives: {bangladeshi: 'BDT'}}],
  ['afghani|afghanis', 'AFN', {ambiguous: true}],
  ['naira', 'NGN', {adjectives: {nigerian: 'NGN'}}],
  ['cedi|cedis', 'GHS', {adjectives: {ghanaian: 'GHS'}}],
  ['shilling|shillings', 'KES', {
    assumed: true, adjectives: {kenyan: 'KES', ugandan: 'UGX', tanzanian: 'TZS', somali: 'SOS', austrian: 'ATS'},
  }],
  ['schilling|schillings', 'ATS', {adjectives: {austrian: 'ATS'}}],
  ['birr', 'ETB', {adjectives: {ethiopian: 'ETB'}}],
  ['kwacha', 'ZMW', {assumed: true, adjectives: {zambian: 'ZMW', malawian: 'MWK'}}],
  ['pula', 'BWP', {adjectives: {botswana: 'BWP'}}],
  ['ariary', 'MGA', {adjectives: {malagasy: 'MGA'}}],
  ['ouguiya|ouguiyas', 'MRU', {adjectives: {mauritanian: 'MRU'}}],
  ['dalasi|dalasis', 'GMD', {adjectives: {gambian: 'GMD'}}],
  ['leone|leones', 'SLE', {ambiguous: true, adjectives: {'sierra leonean': 'SLE'}}],
  ['nakfa', 'ERN', {adjectives: {eritrean: 'ERN'}}],
  ['bolivar|bolivars|bolívar|bolívares|bolivares', 'VES', {adjectives: {venezuelan: 'VES'}}],
  ['sol|soles', 'PEN', {ambiguous: true, adjectives: {peruvian: 'PEN'}}],
  ['boliviano|bolivianos', 'BOB', {adjectives: {bolivian: 'BOB'}}],
  ['guarani|guaranis|guaraníes', 'PYG', {ambiguous: true, adjectives: {paraguayan: 'PYG'}}],
  ['quetzal|quetzales|quetzals', 'GTQ', {adjectives: {guatemalan: 'GTQ'}}],
  ['colon|colones|colón', 'CRC', {ambiguous: true, adjectives: {'costa rican': 'CRC'}}],
  ['lempira|lempiras', 'HNL', {adjectives: {honduran: 'HNL'}}],
  ['cordoba|cordobas|córdoba|córdobas', 'NIO', {ambiguous: true, adjectives: {nicaraguan: 'NIO'}}],
  ['gourde|gourdes', 'HTG', {adjectives: {haitian: 'HTG'}}],
  ['tugrik|tugriks|tögrög|togrog|tughrik|tughriks', 'MNT', {adjectives: {mongolian: 'MNT'}}],
  ['kip', 'LAK', {ambiguous: true, adjectives: {lao: 'LAK', laotian: 'LAK'}}],
  ['riel|riels', 'KHR', {adjectives: {cambodian: 'KHR'}}],
  ['kina', 'PGK', {ambiguous: true, adjectives: {'papua new guinean': 'PGK'}}],
  ['markka|markkaa|markkas', 'FIM', {adjectives: {finnish: 'FIM'}}],
  ['mark|marks', 'DEM', {
    ambiguous: true, assumed: true, adjectives: {german: 'DEM', deutsche: 'DEM', finnish: 'FIM', 'convertible': 'BAM'},
  }],
  ['deutschmark|deutschmarks|deutschemark|deutschemarks', 'DEM'],
  ['peseta|pesetas', 'ESP', {adjectives: {spanish: 'ESP'}}],
  ['guilder|guilders|gulden', 'NLG', {assumed: true, adjectives: {dutch: 'NLG', netherlands: 'NLG', aruban: 'AWG', antillean: 'ANG'}}],
  ['escudo|escudos', 'PTE', {assumed: true, adjectives: {portuguese: 'PTE', 'cape verdean': 'CVE'}}],
  ['drachma|drachmas|drachmae', 'GRD', {adjectives: {greek: 'GRD'}}],
  ['punt|punts', 'IEP', {ambiguous: true, adjectives: {irish: 'IEP'}}],
  // minor units: converted to the major currency (value / 10^minor)
  ['cent|cents', DEFAULT_DOLLAR, {assumed: true, minor: 2, adjectives: {...DOLLAR_ADJECTIVES, euro: 'EUR', eurozone: 'EUR'}}],
  ['penny|pence', 'GBP', {assumed: true, minor: 2, adjectives: {british: 'GBP', irish: 'IEP'}}],
  // British English counts amounts in pence; "pennies" as an amount is American for cents
  ['pennies', DEFAULT_DOLLAR, {assumed: true, minor: 2}],
  ['kopeck|kopecks|kopek|kopeks|kopeyka|kopeyki|kopeek', 'RUB', {assumed: true, minor: 2, adjectives: {russian: 'RUB'}}],
  ['kopiyka|kopiykas|kopiyky|kopiyok|kopiykah', 'UAH', {minor: 2}],
  ['paisa|paise', 'INR', {assumed: true, minor: 2}],
  ['centime|centimes', 'CHF', {assumed: true, minor: 2, adjectives: {swiss: 'CHF', french: 'FRF'}}],
  ['sen|sens', 'MYR', {minor: 2, comboOnly: true}],
  ['fils', 'AED', {minor: 2, comboOnly: true}],
  ['halala|halalas|halalah', 'SAR', {minor: 2, comboOnly: true}],
  ['agora|agorot|agorot', 'ILS', {minor: 2, comboOnly: true}],
  ['grosz|groszy', 'PLN', {minor: 2, comboOnly: true}],
  ['kobo', 'NGN', {minor: 2, comboOnly: true}],
  ['pesewa|pesewas', 'GHS', {minor: 2, comboOnly: true}],
  ['satang', 'THB', {minor: 2, comboOnly: true}],
  ['centavo|centavos', 'MXN', {minor: 2, comboOnly: true}],
  ['kuruş|kurus', 'TRY', {minor: 2, comboOnly: true}],
]

/** Currency words by lower-case form. */
export const CURRENCY_NAMES: ReadonlyMap<string, CurrencyName> = (() => {
  const names = new Map<string, CurrencyName>()
  for (const [forms, iso, options = {}] of NAME_SPECS) {
    const list = forms.split('|')
    const adjectives = new Map(Object.entries(options.adjectives ?? {}))
    list.forEach((form, index) => {
      names.set(form, {
        iso,
        assumed: options.assumed ?? false,
        minor: options.minor ?? 0,
        comboOnly: options.comboOnly ?? false,
        // the first form is singular; uncountable names (yen, baht) are singular in every use
        singular: index === 0 || list.length === 1,
        ambiguous: options.ambiguous ?? false,
        beforeNumber: options.beforeNumber ?? false,
        weight: options.weight ?? false,
        adjectives,
      })
    })
  }
  return names
})()

/** Longest currency word, to skip long words without a lookup. */
export const MAX_NAME_LENGTH = Math.max(...[...CURRENCY_NAMES.keys()].map((k) => k.length))

/** Single-character currency symbols. */
export const SYMBOLS: ReadonlyMap<number, CurrencyRef> = new Map(
  (
    [
      ['$', DEFAULT_DOLLAR, true], ['€', 'EUR', false], ['£', 'GBP', false], ['¥', 'JPY', true], ['₽', 'RUB', false],
      ['₴', 'UAH', false], ['₹', 'INR', false], ['₩', 'KRW', false], ['₪', 'ILS', false], ['₺', 'TRY', false],
      ['₦', 'NGN', false], ['₱', 'PHP', false], ['฿', 'THB', false], ['₫', 'VND', false], ['₸', 'KZT', false],
      ['₼', 'AZN', false], ['₾', 'GEL', false], ['₡', 'CRC', false], ['₭', 'LAK', false], ['₮', 'MNT', false],
      ['₲', 'PYG', false], ['₵', 'GHS', false], ['₨', 'INR', true], ['৳', 'BDT', false], ['元', 'CNY', false],
      ['円', 'JPY', false], ['﷼', 'SAR', true], ['₣', 'CHF', true],
    ] as const
  ).map(([symbol, iso, assumed]) => [symbol.charCodeAt(0), {iso, assumed}]),
)

/** The cent sign, a minor unit of the assumed dollar. */
export const CENT_SIGN = 0xa2

/** Letters written before `$` (US$, C$, HK$) to ISO; single capital letters count only attached and in capitals. */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    us: 'USD', 'u.s.': 'USD', 'u.s': 'USD', usd: 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', cdn: 'CAD', cad: 'CAD',
    a: 'AUD', au: 'AUD', aus: 'AUD', aud: 'AUD', nz: 'NZD', nzd: 'NZD', hk: 'HKD', hkd: 'HKD', s: 'SGD', sg: 'SGD',
    sgd: 'SGD', nt: 'TWD', twd: 'TWD', r: 'BRL', mex: 'MXN', mx: 'MXN', mxn: 'MXN', z: 'ZWL', j: 'JMD', tt: 'TTD',
    ec: 'XCD', rd: 'DOP', n: 'NAD', bz: 'BZD', fj: 'FJD', b: 'BND',
  }),
)

/** Prefixes that may stand a space apart from `$` in wire-service text ("US $ 150 million", "c $ 16.4 million"). */
export const SPACED_DOLLAR_PREFIXES: ReadonlySet<string> = new Set(['us', 'u.s.', 'u.s', 'hk', 'c', 'nz', 'cdn', 'aus', 'sg', 'nt'])

/** Single-letter dollar prefixes, which count only in capitals and attached ("A$", "S$"). */
export const CAPITAL_ONLY_PREFIXES: ReadonlySet<string> = new Set(['a', 's', 'r', 'z', 'j', 'n', 'b'])

/** Letters written before `£` and `¥`. */
export const OTHER_SYMBOL_PREFIXES: ReadonlyMap<string, string> = new Map(
  Object.entries({'e£': 'EGP', 'l£': 'LBP', 's£': 'SYP', 'jp¥': 'JPY', 'cn¥': 'CNY', 'rmb¥': 'CNY'}),
)

// in its own module so the command line can check --default-dollar without loading the money tables
export {ISO_CODES} from './iso-codes.ts'

/**
 * Codes that are also English words, names or common acronyms (ALL, TOP, PEN, NPR the radio network, PHP the
 * language, SAR the region): they count only in capitals with a magnitude, grouped digits or two decimals.
 */
export const AMBIGUOUS_CODES: ReadonlySet<string> = new Set(
  'ALL AMD BAM BOB BTN CAD COP CUP ERN GEL MAD MOP NAD NPR PEN PHP RON RUB SAR SOS SVC TMT TOP TRY WST DEM LSL'.split(' '),
)

/** Codes also accepted in lower case (lower-cased text), because they are no English word. */
export const LOWERCASE_CODES: ReadonlySet<string> = new Set(
  'usd eur gbp jpy cny chf inr aud nzd hkd sgd uah mxn brl zar krw sek nok dkk pln czk huf'.split(' '),
)

/** Abbreviations that are not ISO codes, exactly as written ("Rs", "RM", "L.E."), with whether they are ambiguous. */
export const CURRENCY_ALIASES: ReadonlyMap<string, CurrencyRef & {ambiguous: boolean}> = new Map(
  (
    [
      ['RMB', 'CNY', false, false], ['rmb', 'CNY', false, false], ['Rmb', 'CNY', false, false],
      ['Rs', 'INR', true, false], ['Rs.', 'INR', true, false], ['rs', 'INR', true, false], ['rs.', 'INR', true, false],
      ['RM', 'MYR', false, false], ['Rp', 'IDR', false, false], ['Rp.', 'IDR', false, false],
      ['LE', 'EGP', false, false], ['L.E.', 'EGP', false, false], ['L.E', 'EGP', false, false], ['l.e.', 'EGP', false, false],
      ['l.e', 'EGP', false, false], ['KSh', 'KES', false, false], ['Ksh', 'KES', false, false], ['KShs', 'KES', false, false],
      ['SFr', 'CHF', false, false], ['SFr.', 'CHF', false, false], ['Sfr', 'CHF', false, false], ['Sfr.', 'CHF', false, false],
      ['DM', 'DEM', false, true], ['Dh', 'AED', true, false], ['Dhs', 'AED', true, false], ['TL', 'TRY', false, true],
      ['Tk', 'BDT', false, false], ['Tk.', 'BDT', false, false], ['zł', 'PLN', false, false], ['Kč', 'CZK', false, false],
      ['R', 'ZAR', false, true], ['NIS', 'ILS', false, false], ['Ush', 'UGX', false, false], ['USh', 'UGX', false, false],
      ['TSh', 'TZS', false, false], ['GH₵', 'GHS', false, false], ['Br', 'ETB', false, true], ['MK', 'MWK', false, true],
      ['QR', 'QAR', false, true], ['SR', 'SAR', false, true], ['KD', 'KWD', false, true], ['BD', 'BHD', false, true],
    ] as const
  ).map(([alias, iso, assumed, ambiguous]) => [alias, {iso, assumed, ambiguous}]),
)

/** Aliases that count only after the number ("20 zł", "5 LE"), never before it. */
export const SUFFIX_ONLY_ALIASES: ReadonlySet<string> = new Set(['zł', 'Kč'])

/** Aliases that count only attached or before the number ("R5bn"), never after it. */
export const PREFIX_ONLY_ALIASES: ReadonlySet<string> = new Set(['R', 'Br', 'MK', 'Rp', 'Rp.', 'KD', 'BD', 'SR', 'QR'])

/** Decimal places of currencies whose minor unit is not a hundredth (dinars of 1000 fils); default 2. */
export const MINOR_PLACES: ReadonlyMap<string, number> = new Map([
  ['BHD', 3], ['IQD', 3], ['JOD', 3], ['KWD', 3], ['LYD', 3], ['OMR', 3], ['TND', 3],
])

/** Magnitude words and suffixes to powers of ten. */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    thousand: 3, thousands: 3, k: 3,
    million: 6, millions: 6, m: 6, mn: 6, mln: 6, mio: 6, mil: 6, mm: 6,
    billion: 9, billions: 9, b: 9, bn: 9, bln: 9, bil: 9, milliard: 9, milliards: 9,
    trillion: 12, trillions: 12, tn: 12, trn: 12, trln: 12,
    lakh: 5, lakhs: 5, lac: 5, lacs: 5, crore: 7, crores: 7, cr: 7,
  }),
)

/** Magnitude suffixes that count only attached to the number ("20m", "$5k", "5bn" are fine; "5 m" is not). */
export const ATTACHED_ONLY_MAGNITUDES: ReadonlySet<string> = new Set(['k', 'm', 'b', 'mm', 'cr', 'mil'])

/** Number words: units and teens. */
export const UNIT_WORDS: ReadonlyMap<string, number> = new Map(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((word, index) => [word, index]),
)

/** Number words: tens. */
export const TENS_WORDS: ReadonlyMap<string, number> = new Map(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, index) => [word, (index + 2) * 10]),
)

/** Magnitude words usable inside a written number ("five million", "four crore"). */
export const WRITTEN_MAGNITUDES: ReadonlyMap<string, number> = new Map(
  Object.entries({thousand: 3, million: 6, billion: 9, trillion: 12, lakh: 5, lakhs: 5, crore: 7, crores: 7}),
)

/** Bounds a qualifier puts on the figure after it. */
export type QualifierKind = 'approximate' | 'lower' | 'upper'

/** Qualifiers written before a figure, longest phrases are tried first. */
export const QUALIFIERS: ReadonlyMap<string, QualifierKind> = new Map(
  Object.entries({
    about: 'approximate', around: 'approximate', approximately: 'approximate', 'approx.': 'approximate', approx: 'approximate',
    roughly: 'approximate', some: 'approximate', 'close to': 'approximate', estimated: 'approximate', 'an estimated': 'approximate',
    circa: 'approximate', 'in the region of': 'approximate', 'on the order of': 'approximate', 'of the order of': 'approximate',
    'more than': 'lower', 'over': 'lower', above: 'lower', 'at least': 'lower', 'no less than': 'lower', 'not less than': 'lower',
    'in excess of': 'lower', 'upwards of': 'lower', 'greater than': 'lower', 'higher than': 'lower', exceeding: 'lower',
    'just over': 'lower', 'well over': 'lower', 'a minimum of': 'lower', 'just above': 'lower', 'well above': 'lower',
    'less than': 'upper', under: 'upper', below: 'upper', 'lower than': 'upper', 'fewer than': 'upper', 'up to': 'upper',
    'as much as': 'upper', 'as high as': 'upper', 'no more than': 'upper', 'not more than': 'upper', 'at most': 'upper',
    'a maximum of': 'upper', nearly: 'upper', almost: 'upper', 'just under': 'upper', 'just below': 'upper',
    'just shy of': 'upper', 'well under': 'upper', 'well below': 'upper', 'as many as': 'upper',
  }),
)

/** Qualifiers written after a figure ("$5bn or more"). */
export const POST_QUALIFIERS: ReadonlyMap<string, QualifierKind> = new Map(
  Object.entries({'or more': 'lower', 'or less': 'upper', 'or so': 'approximate', 'or above': 'lower', 'or under': 'upper'}),
)

/** Nouns and verbs of dispute after which "over" means "about" (a row over £20m, argued over $2bn), not "more than". */
export const OVER_AS_ABOUT: ReadonlySet<string> = new Set(
  ('dispute disputes row rows fight fights battle battles talks concern concerns lawsuit lawsuits suit suits clash clashes ' +
    'tension tensions standoff probe probes worries worry fears fear spat wrangle wrangling negotiations argument arguments ' +
    'feud quarrel controversy scandal case cases sued sue suing fined charged outrage anger protest protests deal deals ' +
    // the verbs of the same disputes ("negotiators argued over $2.3 billion in farm aid" set a lower bound)
    'argue argues argued arguing fighting fought battled battling clashed clashing disputed disputing wrangled wrangles ' +
    'feuded feuding quarrelled quarreled quarrelling quarreling haggle haggles haggled haggling squabble squabbles ' +
    'squabbled squabbling bickered bickering sparred sparring').split(' '),
)

/** Words that show a change from one figure to the next ("rose from $5bn to $6bn"), so "X to Y" is no range. */
export const CHANGE_WORDS: ReadonlySet<string> = new Set(
  ('rose rise rises rising risen fell fall falls falling fallen increased increase increases increasing decreased decrease ' +
    'decreases decreasing grew grow grows growing grown jumped jump jumps climbed climb climbs dropped drop drops declined decline ' +
    'declines slipped slip slips slid slide slides surged surge surges soared soar soars plunged plunge plunges tumbled tumble ' +
    'cut cuts cutting raised raise raises raising lowered lower lowers lowering reduced reduce reduces reducing boosted boost ' +
    'boosts lifted lift lifts up down revised revise trimmed trim hiked hike widened widen narrowed narrow expanded expand shrank ' +
    'shrink shrunk doubled double tripled triple went gone go goes going moved move moves changed change sank sink ' +
    'sinks eased ease eases gained gain gains lost lose loses advanced advance advances retreated retreat').split(' '),
)

/** Nouns a rate may be quoted per after "a"/"an" ("$70 a barrel", "€2 a share"); after "per" or "/" any word counts. */
export const RATE_UNITS: ReadonlySet<string> = new Set(
  ('share shares barrel bbl ton tonne tons tonnes month year day week hour minute head person household gallon litre liter ' +
    'kilo kilogram kg pound ounce oz unit piece dozen night ticket seat passenger vote mile kilometre kilometer metre meter foot ' +
    'square bushel pack packet bottle bag box car vehicle room bed visit dose meal lesson class session game match kwh mwh ' +
    'megawatt-hour kilowatt-hour therm cubic lb gram carat acre hectare word page copy subscriber user customer employee worker ' +
    'student child adult resident citizen capita pupil patient annum quarter').split(' '),
)

/** Time words that, followed by "earlier"/"ago", make "a year" a time phrase rather than a rate. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'quarter', 'night'])

/** Words after a time unit that make it a time phrase ("a year earlier"). */
export const TIME_FOLLOWERS: ReadonlySet<string> = new Set(['earlier', 'ago', 'before', 'later', 'after', 'prior', 'previously', 'on', 'from', 'since'])

/** Words before a lower-case "us $" after which "us" is the prefix US$, not the pronoun ("a us $ 150 million loan"). */
export const US_PREFIX_CONTEXT: ReadonlySet<string> = new Set(
  ('a an the its his her their our your my s of about around approximately nearly almost over than and or some worth ' +
    'additional extra another total totalling totaling estimated reported').split(' '),
)

/** Determiners that make a currency name the subject rather than a prefix ("the dollar 1.5% higher"). */
export const NAME_DETERMINERS: ReadonlySet<string> = new Set(
  'the a an this that its his her their our each every per strong weak weaker stronger'.split(' '),
)

/** Words near a bare "pounds" that make it a weight ("lost 20 pounds", "weighs 200 pounds"). */
export const WEIGHT_WORDS: ReadonlySet<string> = new Set(
  'weigh weighs weighed weighing weight lost lose loses losing gained gain gains gaining heavier lighter overweight shed'.split(' '),
)

/** Words after a plain number that rule it out as one end of a range ("5% to $6bn"). */
export const NON_MONEY_UNITS: ReadonlySet<string> = new Set(
  'percent per pct percentage points point times years months weeks days hours minutes people'.split(' '),
)

/** Video line counts that look like pence ("720p"). */
export const VIDEO_RESOLUTIONS: ReadonlySet<string> = new Set(['144', '240', '360', '480', '576', '720', '1080', '1440', '2160', '4320'])
