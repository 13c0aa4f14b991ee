/**
 * A general lexicon of titles, offices and occupations that news writes next to people's names
 * ("Foreign Minister Jane Doe", "John Doe, a spokesman for ..."), plus honorifics that are
 * dropped from names without becoming a role.
 */

/** Nouns that head a role phrase: an office, rank, title or occupation. */
export const ROLE_HEADS = new Set([
  // government and politics
  'president', 'vice-president', 'president-elect', 'premier', 'minister', 'secretary', 'secretary-general', 'chancellor', 'senator', 'congressman',
  'congresswoman', 'governor', 'mayor', 'deputy', 'lawmaker', 'legislator', 'mp', 'mep', 'speaker', 'ambassador', 'ambassador-at-large', 'envoy',
  'diplomat', 'consul', 'commissioner', 'ombudsman', 'ombudsperson', 'official', 'negotiator', 'adviser', 'advisor', 'aide', 'representative',
  'delegate', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'prefect', 'leader', 'head', 'chief', 'spokesman', 'spokeswoman',
  'spokesperson', 'spokespeople', 'press-secretary', 'candidate', 'nominee', 'monarch', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress',
  'sultan', 'emir', 'sheikh', 'ayatollah', 'dictator', 'regent', 'viceroy',
  // military and security
  'general', 'admiral', 'colonel', 'lieutenant', 'major', 'captain', 'sergeant', 'corporal', 'private', 'commander', 'marshal', 'brigadier',
  'commodore', 'officer', 'soldier', 'commandant',
  // law
  'judge', 'justice', 'prosecutor', 'attorney', 'lawyer', 'barrister', 'solicitor', 'magistrate', 'inspector', 'detective', 'sheriff',
  // business and organisations
  'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman', 'chairperson', 'chair', 'director', 'director-general', 'manager', 'founder',
  'co-founder', 'owner', 'executive', 'businessman', 'businesswoman', 'entrepreneur', 'investor', 'billionaire', 'oligarch', 'tycoon', 'banker',
  'economist', 'treasurer', 'partner', 'president-designate',
  // religion
  'pope', 'cardinal', 'archbishop', 'bishop', 'patriarch', 'metropolitan', 'rabbi', 'imam', 'cleric', 'priest', 'pastor', 'reverend',
  // knowledge, media, civil society
  'professor', 'lecturer', 'researcher', 'scientist', 'analyst', 'expert', 'fellow', 'scholar', 'historian', 'journalist', 'correspondent',
  'reporter', 'editor', 'editor-in-chief', 'columnist', 'commentator', 'writer', 'author', 'blogger', 'activist', 'campaigner', 'coach',
  'producer', 'doctor', 'physician', 'surgeon',
])

/** Words that modify a role head ("Deputy Foreign Minister", "press secretary"); they count only next to a head. */
export const ROLE_MODIFIERS = new Set([
  'deputy', 'first', 'second', 'vice', 'prime', 'foreign', 'press', 'acting', 'former', 'ex', 'senior', 'junior', 'chief', 'executive', 'associate',
  'assistant', 'research', 'special', 'permanent', 'interim', 'top', 'general', 'state', 'defence', 'defense', 'finance', 'interior', 'home',
  'justice', 'energy', 'health', 'economy', 'economic', 'economics', 'trade', 'education', 'culture', 'agriculture', 'transport', 'digital',
  'environment', 'labour', 'labor', 'emergency', 'emergencies', 'security', 'national', 'military', 'political', 'parliamentary', 'presidential',
  'lead', 'principal', 'managing', 'regional', 'federal', 'district', 'county', 'city', 'opposition', 'party', 'news', 'communications',
  'information', 'intelligence', 'army', 'navy', 'naval', 'air', 'force', 'staff', 'lieutenant', 'major', 'rear', 'brigadier', 'field',
  'attorney', 'high', 'supreme', 'chief-of-staff', 'cabinet', 'white', 'house', 'union', 'team', 'deputy-head', 'co', 'joint', 'visiting',
  'non-resident', 'nonresident', 'honorary', 'public', 'private', 'policy', 'science', 'sciences', 'legal', 'human', 'rights', 'affairs', 'relations',
  'international', 'european', 'independent', 'vice-chairman', 'outgoing', 'incoming', 'then', 'current', 'longtime', 'veteran', 'retired', 'elected',
  'government', 'ministry', 'ministerial', 'presidential', 'administration', 'office',
])

/** Honorifics dropped from a name without becoming its role. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame', 'monsieur', 'mme', 'herr', 'frau', 'prof', 'messrs'])

/** Abbreviated titles that are roles ("Gen.", "Sen."). */
export const ROLE_ABBREVIATIONS = new Set(['gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'sen', 'rep', 'gov', 'pres', 'amb', 'insp', 'supt', 'rev', 'fr', 'atty', 'cpl', 'pvt'])

// words whose differences do not make a different office (a first deputy minister is still the deputy minister)
const RANK_NOISE = new Set(['first', 'second', 'acting', 'former', 'ex', 'senior', 'junior', 'interim', 'top', 'outgoing', 'incoming', 'then', 'current', 'longtime', 'veteran', 'retired', 'elected', 'co', 'joint'])

// spellings of one office
const SYNONYMS: Record<string, string> = {
  spokesman: 'spokesperson', spokeswoman: 'spokesperson', spokespeople: 'spokesperson', 'press-secretary': 'spokesperson',
  chairman: 'chair', chairwoman: 'chair', chairperson: 'chair', advisor: 'adviser', premier: 'prime-minister', defense: 'defence',
  labor: 'labour', councilor: 'councillor', councilman: 'councillor', councilwoman: 'councillor', congresswoman: 'congressman',
  businesswoman: 'businessman', 'co-founder': 'founder',
}

/** Lowercases a word and drops a trailing period and possessive. */
export function roleWord(word: string): string {
  // the same as .replace(/['’]s$/, '').replace(/\.$/, '') after lowercasing, without running two regexes per word
  let w = word.toLowerCase()
  const n = w.length
  if (n >= 2 && w.charCodeAt(n - 1) === 115 && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019)) w = w.slice(0, n - 2)
  if (w.charCodeAt(w.length - 1) === 46) w = w.slice(0, -1)
  return w
}

/** {@link roleClass} bit: the word heads a role phrase (see {@link isRoleHead}). */
export const ROLE_HEAD = 1
/** {@link roleClass} bit: the word can modify a role head (see {@link isRoleModifier}). */
export const ROLE_MODIFIER = 2
/** {@link roleClass} bit: the word is an honorific (see {@link isHonorific}). */
export const ROLE_HONORIFIC = 4
const HEAD = ROLE_HEAD
const MODIFIER = ROLE_MODIFIER
const HONORIFIC = ROLE_HONORIFIC
const ABBREVIATION = 8

// what the lexicon says of a word as written, by the word: the role readers ask three or four questions of every
// word around every person mention, and the words repeat; bounded, since a long run sees an open set of words
const MAX_CLASSED = 50_000
const classes = new Map<string, number>()

function classOf(word: string): number {
  let bits = classes.get(word)
  if (bits === undefined) {
    const w = roleWord(word)
    bits = 0
    // "ambassador-at-large", "deputy-minister": a hyphenated word headed by a role noun
    if (ROLE_HEADS.has(w) || (w.includes('-') && w.split('-').some((part) => ROLE_HEADS.has(part) && part !== 'co'))) bits |= HEAD
    if (ROLE_MODIFIERS.has(w)) bits |= MODIFIER
    if (HONORIFICS.has(w)) bits |= HONORIFIC
    if (word.charCodeAt(word.length - 1) === 46 && ROLE_ABBREVIATIONS.has(w)) bits |= ABBREVIATION
    if (classes.size >= MAX_CLASSED) classes.clear()
    classes.set(word, bits)
  }
  return bits
}

/** What the lexicon says of a word as written, as {@link ROLE_HEAD} / {@link ROLE_MODIFIER} / {@link ROLE_HONORIFIC} bits: one lookup for a reader that asks several of the questions below. */
export function roleClass(word: string): number {
  return classOf(word)
}

/** Whether a word (any case, possibly hyphenated) heads a role phrase. */
export function isRoleHead(word: string): boolean {
  return (classOf(word) & HEAD) !== 0
}

/** Whether a word can modify a role head. */
export function isRoleModifier(word: string): boolean {
  return (classOf(word) & MODIFIER) !== 0
}

/** Whether a word is an honorific dropped from names ("Mr.", "Dr"). */
export function isHonorific(word: string): boolean {
  return (classOf(word) & HONORIFIC) !== 0
}

/** Whether a word is an abbreviated title that stands as a role ("Gen.", "Sen."). */
export function isRoleAbbreviation(word: string): boolean {
  return (classOf(word) & ABBREVIATION) !== 0
}

/**
 * A comparable key of a role: the lexicon words it contains, rank noise removed and synonyms merged,
 * sorted ("Poland's First Deputy Foreign Minister" -> "deputy foreign minister"); '' when no head.
 */
export function roleKey(role: string): string {
  const words = role
    .toLowerCase()
    .replace(/press secretary/g, 'press-secretary')
    .replace(/prime minister/g, 'prime-minister')
    .split(/[\s,]+/)
    .map(roleWord)
  const kept = new Set<string>()
  let hasHead = false
  for (const word of words) {
    if (RANK_NOISE.has(word)) continue
    if (ROLE_HEADS.has(word) || word === 'prime-minister') hasHead = true
    else if (!ROLE_MODIFIERS.has(word)) continue
    kept.add(SYNONYMS[word] ?? word)
  }
  if (!hasHead) return ''
  // "press" is part of the spokesperson synonym, not a separate qualifier
  if (kept.has('spokesperson')) kept.delete('press')
  return [...kept].sort().join(' ')
}

/** Whether two written roles name the same office (same lexicon words once rank and synonyms are ignored). */
export function rolesCompatible(a: string, b: string): boolean {
  const ka = roleKey(a)
  return ka !== '' && ka === roleKey(b)
}
