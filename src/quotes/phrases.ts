/**
 * Speaker phrases around a cue: the noun phrase before it ("White House spokesman X said") or after
 * it ("said a resident of Y, who ..."), found with closed-class word lists rather than a parser.
 */
import {lookupCue, lookupCueForms, type CueClass} from './cues.ts'
import type {Word} from './words.ts'

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean))

/** Determiners and possessives: a cue-like word after one is a noun ("the report", "his comments"). */
export const DETERMINERS = set(`a an the this that these those its his her their our my your 's ’s every each another some any no
  several many few such`)

// clause words that end a subject phrase when read backwards
const CLAUSE = set(`that which who whom whose and but or nor so because while when whenever where if although though as
  since after before until unless than then yet once whereas whether how why what`)

// verbs an infinitive cue depends on, whose subject is the speaker ("X went on to say", "X wanted to tell")
const CONTROL_VERBS = set(`want wants wanted go goes went going on continue continues continued begin begins began start starts
  started try tries tried seem seems seemed appear appears appeared need needs needed plan plans planned decide decides
  decided refuse refuses refused choose chooses chose get gets got use used manage manages managed rush rushes rushed
  prompted expected forced moved`)

// auxiliaries, negation and adverbs between a subject and its cue ("has repeatedly said")
const AUXILIARIES = set(`has have had is are was were be been being do does did will would shall should can could cannot may might
  must not never also later again then still just only even further once previously recently repeatedly reportedly
  earlier now often always frequently initially finally first simply flatly bluntly publicly privately separately quickly
  already afterwards subsequently today yesterday tonight there here too instead however though therefore thus n't
  actually indeed certainly clearly openly angrily calmly tersely firmly proudly jokingly sharply candidly sarcastically`)

const VERBAL_AUXILIARIES = set(`has have had is are was were be been being do does did will would shall should can could cannot may might
  must not never n't`)

/** Words that cannot sit inside a speaker phrase (function words, verbs of being, time adverbs). */
const NOT_IN_PHRASE = set(`is are was were be been being has have had do does did will would shall should can could cannot may
  might must not to in on by with from into onto upon about over under between through during without within against
  toward towards across after before since until as than that which who whom whose and but or nor so because while when
  where if although though yet it its there here then also just only even very more most much such this these those
  yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday last next ago recently
  however meanwhile nevertheless moreover furthermore instead according`)

// determiners that stand alone as a subject ("Another tweeted", "Some chanted")
const QUANTIFIER_HEADS = set('another one some many several others both all few most each either neither')

/** Subject pronouns and their grammatical gender (null when unmarked). */
export const PRONOUNS = new Map<string, 'male' | 'female' | 'plural' | 'neuter' | 'first'>([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['it', 'neuter'],
  ['i', 'first'],
  ['we', 'first'],
  ['you', 'first'],
])

const PREPOSITIONS_IN_NAME = set('of for at')
const LEADING_TRIM = set(`with by from to in on at as and but or so then also while when after before that which who
  whom where because according said says`)
const TIME_WORDS = set(`yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday last next
  earlier later this on in during after before when while as adding referring noting`)

/** A cue found at a word index, with its text as written. */
export interface CueMatch {
  /** index of the first cue word */
  index: number
  /** index just after the last cue word */
  endIndex: number
  lemma: string
  class: CueClass
  /** a participle ("saying") cannot close an inverted attribution ("…," said X) */
  gerund: boolean
  start: number
  end: number
}

/** Reads the cue starting at `words[i]`, if any (a verb form not used as a noun, or a phrasal cue, or "according to"). */
export function findCueAt(words: Word[], i: number): CueMatch | null {
  const word = words[i]
  if (!word || word.kind !== 'word') return null
  const lower = word.lower
  const prev = words[i - 1]
  // a capitalised cue word mid-sentence is a name ("Post", "Grant"), not a verb
  if (word.upper && prev && prev.kind === 'word' && !/[.!?:"“”‘’'—–―]/.test(prev.text)) return null
  if (lower === 'according' && words[i + 1]?.lower === 'to') {
    return {index: i, endIndex: i + 2, lemma: 'according to', class: 'speech', gerund: false, start: word.start, end: words[i + 1]!.end}
  }
  const forms = lookupCueForms(lower)
  if (forms === undefined) return null
  const phrasal = forms.phrasal
  if (phrasal) {
    const next = words[i + 1]
    if (next?.lower === phrasal.particle) {
      return {index: i, endIndex: i + 2, lemma: phrasal.lemma, class: 'speech', gerund: lower.endsWith('ing'), start: word.start, end: next.end}
    }
  }
  const entry = forms.entry
  if (!entry) return null
  // "the report", "his comments", "a claim": a noun after a determiner ("Another tweeted" is a subject and its verb)
  if (prev && DETERMINERS.has(prev.lower) && !(entry.form === 'past' && QUANTIFIER_HEADS.has(prev.lower))) return null
  // "a text message", "the Post reports": a noun-like base or -s form needs a subject or auxiliary right before it
  if (entry.nounLike && (entry.form === 'base' || entry.form === 'third')) {
    const before = prev?.lower ?? ''
    const ok =
      entry.form === 'base'
        ? /^(?:i|we|they|you|to|will|would|could|should|can|may|might|must|did|do|does|not|never|also|often|always|n't)$/.test(before) ||
          // "could only quip", "would just say": an adverb between the modal and the verb
          (/^(?:only|just|still|even|simply|merely|then|again)$/.test(before) && /^(?:will|would|could|should|can|may|might|must|did|do|does|to)$/.test(words[i - 2]?.lower ?? ''))
        : prev !== undefined && prev.kind === 'word' && !/^(?:of|in|for|with|about|on|at|by|from|to|and|or|new|more|recent|several|many|public|private)$/.test(before)
    if (!ok) return null
  }
  return {index: i, endIndex: i + 1, lemma: entry.lemma, class: entry.class, gerund: entry.form === 'gerund', start: word.start, end: word.end}
}

/** A speaker phrase: word indices [first, last] inclusive. */
export interface Phrase {
  first: number
  last: number
}

function isClauseBreak(word: Word): boolean {
  return word.kind === 'punct' && /^[,;:.!?…—–―"“”‘’«»]$/.test(word.text)
}

/**
 * The subject phrase ending just before the cue at `cueIndex`, reading backwards from it over
 * auxiliaries and adverbs, and over a comma-enclosed apposition ("X, a spokeswoman for Y, told").
 * `floor` is the first word index it may use. Returns null when no plausible subject is there.
 */
export function findSubjectBefore(words: Word[], cueIndex: number, floor: number): Phrase | null {
  let j = cueIndex - 1
  while (j >= floor && words[j]!.kind === 'word' && (AUXILIARIES.has(words[j]!.lower) || isAdverb(words[j]!))) j--
  if (j < floor) return null
  // "X was prompted to say", "X went on to say", "X wanted to tell": the subject of the verb the infinitive depends on
  // (a speech verb only: "allies wanted to know if …" reports no words; a participle after a noun is no such verb: "a
  // gesture intended to highlight")
  if (words[j]!.lower === 'to' && j - 1 >= floor && lookupCue(words[cueIndex]?.lower ?? '')?.class === 'speech') {
    let v = j - 1
    let verbs = 0
    while (v >= floor && words[v]!.kind === 'word' && !words[v]!.upper && v > j - 6 && (AUXILIARIES.has(words[v]!.lower) || isAdverb(words[v]!) || CONTROL_VERBS.has(words[v]!.lower))) {
      if (!AUXILIARIES.has(words[v]!.lower) && !isAdverb(words[v]!)) verbs++
      v--
    }
    if (verbs === 0 || v < floor || v === j - 1) return null
    const phrase = collectBackward(words, v, floor)
    return phrase && isPlausibleSubject(words, phrase) ? phrase : null
  }
  // "X, a spokeswoman for Y, told" / "X, in fact, stressed": the subject sits before the parenthesis
  if (words[j]!.text === ',') {
    let k = j - 1
    while (k >= floor && words[k]!.text !== ',' && !isHardBreak(words[k]!) && j - k < 30) k--
    if (k >= floor && words[k]!.text === ',') {
      const inner = collectBackward(words, j - 1, k + 1)
      // "…, Gov. X (R-OH), said": a name between the commas is the subject (or names it)
      if (inner && inner.first <= k + 2 && (words[inner.first]!.upper || PRONOUNS.has(words[inner.first]!.lower)) && isPlausibleSubject(words, inner)) return inner
      // "X, a spokeswoman for Y, told" / "X, in fact, stressed": the subject sits before the parenthesis
      const outer = collectBackward(words, k - 1, floor)
      if (outer && isPlausibleSubject(words, outer)) return outer
      if (inner && inner.first === k + 1 && isPlausibleSubject(words, inner)) return inner
    }
    return null
  }
  const phrase = collectBackward(words, j, floor)
  // "Another source speaking to Fox News said", "an official who spoke anonymously to discuss it said", "officials
  // familiar with the talks said": the words read back end inside a modifier of the subject, whose head stands before it
  const head = phrase ? findHeadBeforeModifier(words, phrase.first - 1, floor) : null
  if (head) return head
  return phrase && isPlausibleSubject(words, phrase) ? phrase : null
}

// adjectives and participles that take a prepositional phrase after a noun ("a source close to the campaign")
const POSTMODIFIERS = set(`familiar close closest loyal allied aligned affiliated opposed connected linked briefed involved
  knowledgeable sympathetic critical`)
// words in -ing that are nouns or prepositions, not participles
const ING_NOUNS = set(`morning evening meeting building hearing briefing funding spending thing nothing something anything
  everything king ring wing spring string during according including regarding concerning following wedding ceiling
  feeling setting ruling filing polling reporting warning offering ending opening beginning standing`)

/** Whether `word` reads as a participle in -ing ("telling", "adding"): lower case, longer than five letters, no noun or preposition in -ing. */
export function isParticiple(word: Word): boolean {
  return !word.upper && word.lower.length > 5 && word.lower.endsWith('ing') && !ING_NOUNS.has(word.lower)
}

/**
 * The head of a subject whose words read back from its verb stopped at `b`, inside a modifier after the head: a
 * participle ("speaking to"), a relative clause ("who spoke … to"), or an adjective taking a preposition
 * ("familiar with"), found within a few lowercase words before `b`. Null when none is there.
 */
function findHeadBeforeModifier(words: Word[], b: number, floor: number): Phrase | null {
  if (b < floor) return null
  // the reading back stopped at a preposition ("speaking to", "familiar with") or a verb of the modifier ("who attended"),
  // not at a clause word ("X accuses Y of “…” and Z says")
  const stop = words[b]!
  if (stop.kind !== 'word' || stop.upper || CLAUSE.has(stop.lower)) return null
  if (!(NOT_IN_PHRASE.has(stop.lower) || /[^e]ed$/.test(stop.lower) || IRREGULAR_PAST.has(stop.lower))) return null
  for (let c = b; c >= floor && b - c < 8; c--) {
    const word = words[c]!
    if (word.kind !== 'word') return null
    const lower = word.lower
    const trigger =
      (lower === 'who' && !word.upper) ||
      (c === b - 1 && !word.upper && POSTMODIFIERS.has(lower)) ||
      (isParticiple(word) && !DETERMINERS.has(words[c - 1]?.lower ?? ''))
    if (trigger) {
      if (c - 1 < floor || words[c - 1]!.kind !== 'word') return null
      const head = collectBackward(words, c - 1, floor)
      // ("Amid growing concerns about it Trump said": a preposition opening the sentence heads nothing)
      const end = words[c - 1]!.lower
      const ok = head && head.last === c - 1 && !INTRODUCTORY.has(end) && !PRONOUNS.has(end) && !PREPOSITIONS_IN_NAME.has(end)
      return ok && isPlausibleSubject(words, head) ? head : null
    }
    // a clause word or a verb of its own before the modifier: the words are no subject's modifier
    if (c < b && !word.upper && (CLAUSE.has(lower) || AUXILIARIES.has(lower))) return null
  }
  return null
}

function isHardBreak(word: Word): boolean {
  return word.kind === 'punct' && /^[;:.!?…"“”‘’«»]$/.test(word.text)
}

function isAdverb(word: Word): boolean {
  return !word.upper && isAdverbForm(word.lower)
}

// a lowercase word ending in -ly that is no noun or adjective of that ending
function isAdverbForm(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly') && !/(?:family|ally|italy|rally|supply|july|assembly|reply|belly|bully|fly|holy|ugly|only)$/.test(lower)
}

// reads a noun phrase backwards from `last` down to `floor`
function collectBackward(words: Word[], last: number, floor: number): Phrase | null {
  if (last >= floor && PRONOUNS.has(words[last]!.lower) && words[last]!.kind === 'word') return {first: last, last}
  let i = last
  let first = last + 1
  let depth = 0
  let count = 0
  while (i >= floor && count < 14) {
    const word = words[i]!
    if (word.text === ')') {
      depth++
    } else if (word.text === '(') {
      if (depth === 0) break
      depth--
    } else if (depth === 0) {
      if (isClauseBreak(word)) break
      if (word.kind === 'word') {
        if (CLAUSE.has(word.lower) && !word.upper) break
        if (NOT_IN_PHRASE.has(word.lower) && !(word.upper && i > floor && !isAtSentenceStart(words, i))) {
          // "of"/"for"/"at" may join the parts of a title ("Secretary of State")
          if (!PREPOSITIONS_IN_NAME.has(word.lower)) break
        }
        // "issued a statement": a past-tense verb is no part of the subject ("the embattled governor" is)
        if (!word.upper && count > 0 && /[^e]ed$/.test(word.lower) && !DETERMINERS.has(words[i - 1]?.lower ?? '') && words[i - 1]?.kind === 'word') break
      }
    }
    first = i
    count++
    i--
  }
  if (first > last) return null
  // drop leading prepositions, conjunctions and "the" before a name
  while (first <= last) {
    const word = words[first]!
    if (word.kind === 'word' && (LEADING_TRIM.has(word.lower) || PREPOSITIONS_IN_NAME.has(word.lower))) first++
    else if (word.kind === 'punct' && word.text !== '(') first++
    else break
  }
  if (first > last) return null
  return trimArticle(words, {first, last})
}

function isAtSentenceStart(words: Word[], i: number): boolean {
  const prev = words[i - 1]
  return !prev || /^[.!?"“”‘’]$/.test(prev.text)
}

/** Drops a leading "the" before a capitalised word ("the Pentagon" -> "Pentagon"), keeping "the ministry". */
function trimArticle(words: Word[], phrase: Phrase): Phrase {
  const first = words[phrase.first]!
  if (first.lower === 'the' && phrase.first < phrase.last && words[phrase.first + 1]!.upper) return {first: phrase.first + 1, last: phrase.last}
  return phrase
}

/** Whether a phrase can be a speaker: short, ending in a noun-like word, not a bare function word. */
export function isPlausibleSubject(words: Word[], phrase: Phrase): boolean {
  const length = phrase.last - phrase.first + 1
  if (length < 1 || length > 14) return false
  const head = words[phrase.last]!
  if (head.kind === 'punct' && head.text !== ')') return false
  if (head.kind === 'num' && !/\p{L}/u.test(head.text)) return false
  if (length === 1 && (PRONOUNS.has(head.lower) || QUANTIFIER_HEADS.has(head.lower))) return true
  // a phrase opening with a past-tense verb and its object is a predicate, not a subject ("issued a statement Tuesday";
  // "retired neurosurgeon X" is one)
  const opening = words[phrase.first]!
  if (length > 1 && opening.kind === 'word' && !opening.upper && /[^e]ed$/.test(opening.lower) && DETERMINERS.has(words[phrase.first + 1]!.lower)) return false
  if (NOT_IN_PHRASE.has(head.lower) && !head.upper) return false
  if (DETERMINERS.has(head.lower)) return false
  // a lowercase single word must look like a noun, not an adverb or verb
  if (length === 1 && !head.upper && (isAdverb(head) || lookupCue(head.lower))) return false
  return true
}

/**
 * The speaker phrase after an inverted cue ("said one analyst, who ...", "according to X"),
 * read forwards from `first` and stopping at a comma, a clause word or a time adverb.
 */
export function findPhraseAfter(words: Word[], first: number, ceiling: number): Phrase | null {
  // "…," X said of the swirl: a preposition after the cue opens its complement, no inverted subject
  const opening = words[first]
  if (opening && opening.kind === 'word' && !opening.upper && PREPOSITIONS_IN_NAME.has(opening.lower)) return null
  let i = first
  let depth = 0
  let last = -1
  while (i < ceiling && i - first < 14) {
    const word = words[i]!
    if (word.text === '(') depth++
    else if (word.text === ')') {
      if (depth === 0) break
      depth--
    } else if (depth === 0) {
      if (isClauseBreak(word)) break
      if (word.kind === 'word') {
        const lower = word.lower
        if (!word.upper && (TIME_WORDS.has(lower) || CLAUSE.has(lower))) break
        if (word.upper && TIME_WORDS.has(lower) && i > first && !DETERMINERS.has(words[i - 1]!.lower)) break
        if (PREPOSITIONS_IN_NAME.has(lower)) {
          const prev = words[i - 1]
          // "a professor at X" continues, "Smith at a rally" does not
          if (lower !== 'of' && prev?.upper) break
        } else if (NOT_IN_PHRASE.has(lower) && !word.upper && !DETERMINERS.has(lower)) break
        if (!word.upper && i > first && lookupCue(lower) && !DETERMINERS.has(words[i - 1]!.lower)) break
      }
    }
    last = i
    i++
  }
  if (last < first) return null
  // a phrase cannot end on a preposition or determiner
  while (last >= first && (PREPOSITIONS_IN_NAME.has(words[last]!.lower) || DETERMINERS.has(words[last]!.lower) || words[last]!.text === '(')) last--
  if (last < first) return null
  const phrase = trimArticle(words, {first, last})
  return isPlausibleSubject(words, phrase) ? phrase : null
}

const CONJUNCTIONS = set('but and yet so or nor')
// irregular past tenses that end a subject read forwards, as "-ed" does for the regular ones
const IRREGULAR_PAST = set('went came made took gave got left held met ran sent spent began became brought found kept stood won lost struck fought sought bought caught taught drove rode wore')
// adverbs that may open a clause without a comma after them ("Then Trump said")
const SENTENCE_ADVERBS = set('then later also still now earlier instead even thus indeed perhaps meanwhile')

// words that open an introductory chunk before the main clause ("In a statement, X said")
const INTRODUCTORY = set(`in on at after before when while although though as since if because during for with without by from
  upon despite following according speaking asked responding writing meanwhile however but and yet still also then later
  earlier now so thus instead moreover separately similarly likewise here there even outside inside alongside amid among
  across around behind beyond near under over through throughout within back yes indeed perhaps today yesterday tonight
  last this once unlike like until whether once though nonetheless nevertheless asked`)

/**
 * The subject of the main clause between `floor` and `limit`: the pronoun or noun phrase that opens
 * it after any introductory chunks ("In a statement, Rep. X reacted to the news, saying: …").
 */
export function findClauseSubject(words: Word[], floor: number, limit: number): Phrase | null {
  let i = skipDateline(words, floor, limit)
  while (i < limit && words[i]!.kind === 'punct' && words[i]!.text !== '(') i++
  while (i < limit) {
    const word = words[i]!
    // "But Norway, where …, opposes": a conjunction opening the sentence goes alone, and so does an adverb right before
    // the subject ("And then Trump went on the attack, saying"), which would otherwise open a chunk up to the comma
    const following = words[i + 1]
    const standalone = SENTENCE_ADVERBS.has(word.lower) && following !== undefined && following.kind === 'word' && (following.upper || PRONOUNS.has(following.lower))
    if (word.kind === 'word' && (CONJUNCTIONS.has(word.lower) || standalone)) {
      i++
      continue
    }
    // ("Immediately after the attacks, X …": an adverb capitalised as the sentence's first word, before a preposition)
    const openingAdverb = i === floor && word.upper && isAdverbForm(word.lower) && following !== undefined && INTRODUCTORY.has(following.lower) && !following.upper
    if (!(word.kind === 'word' && (INTRODUCTORY.has(word.lower) || isAdverb(word) || openingAdverb || (word.lower.endsWith('ing') && word.lower.length > 5)) || endsInTime(words, i, limit))) break
    let k = i
    while (k < limit && words[k]!.text !== ',') k++
    if (k >= limit) return findLastPronoun(words, floor, limit)
    i = k + 1
  }
  if (i >= limit) return null
  const head = words[i]!
  if (PRONOUNS.has(head.lower) && head.lower !== 'it' && head.lower !== 'you') return {first: i, last: i}
  let last = -1
  let depth = 0
  for (let k = i; k < limit && k - i < 14; k++) {
    const word = words[k]!
    if (word.text === '(') depth++
    else if (word.text === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0) {
      if (word.kind === 'punct' && !/^[-&’']$/.test(word.text)) break
      if (word.kind === 'word' && !word.upper) {
        if (NOT_IN_PHRASE.has(word.lower) && !PREPOSITIONS_IN_NAME.has(word.lower) && !DETERMINERS.has(word.lower)) break
        if (AUXILIARIES.has(word.lower) || isAdverb(word) || findCueAt(words, k) || /n['’]t$/.test(word.lower)) break
        // a past-tense verb ends the subject ("X rallied supporters", "X went on the attack"), unless a determiner
        // precedes it ("the embattled governor")
        if ((/ed$/.test(word.lower) || IRREGULAR_PAST.has(word.lower)) && !DETERMINERS.has(words[k - 1]?.lower ?? '')) break
        // so does a present-tense verb after a name, known by the determiner it takes ("Norway opposes the plan")
        if (/s$/.test(word.lower) && words[k - 1]?.upper && DETERMINERS.has(words[k + 1]?.lower ?? '')) break
      }
    }
    last = k
  }
  if (last < i) return null
  while (last >= i && (PREPOSITIONS_IN_NAME.has(words[last]!.lower) || DETERMINERS.has(words[last]!.lower))) last--
  if (last < i) return null
  const phrase = trimArticle(words, {first: i, last})
  return isPlausibleSubject(words, phrase) ? phrase : null
}

/**
 * Where a sentence starts after a dateline ("NEW YORK, Dec. 8 (UPI) -- X rallied supporters"): past a dash that only
 * capitalised words, numbers and punctuation precede; `floor` when there is none.
 */
function skipDateline(words: Word[], floor: number, limit: number): number {
  // a dateline opens with its place in capitals up to a comma, parenthesis or dash ("WASHINGTON —", "WASHINGTON (AP) —",
  // "NEW YORK, Dec. 8 (UPI) --"): a name in title case before a dash is the subject with an apposition after it ("Newt Gingrich — Trump's
  // running mate — told"), and so is "FBI Director X — …"
  let place = floor
  // (or a day's number, where the month's abbreviation ended the sentence before: "Dec. | 8 (UPI) --")
  while (place < limit && ((words[place]!.kind === 'word' && /^[\p{Lu}'’-]{2,}$/u.test(words[place]!.text)) || (words[place]!.kind === 'num' && place === floor))) place++
  if (place === floor || place >= limit) return floor
  if (/^(?:--|[-–—])$/.test(words[place]!.text)) return place + 1
  if (!/^[,(]$/.test(words[place]!.text)) return floor
  for (let k = place; k < limit && k - floor < 14; k++) {
    const word = words[k]!
    if (word.kind === 'punct' && /^(?:--|[-–—])$/.test(word.text)) return k + 1
    if (word.kind === 'word' && !word.upper) return floor
  }
  return floor
}

/**
 * The speaker between a quotation and its cue at `cueIndex` ("…," the Vatican spokesman, Federico
 * Lombardi, told …): the words from `first` up to the cue, split at commas; the first chunk when it
 * is a name or pronoun, else the first later chunk that is a name. With `strict`, no auxiliary may
 * stand before the cue ("… did not respond" is a new statement, not an attribution).
 */
export function findSubjectAfterQuote(words: Word[], first: number, cueIndex: number, strict: boolean): Phrase | null {
  let e = cueIndex - 1
  while (e >= first && words[e]!.kind === 'word' && (AUXILIARIES.has(words[e]!.lower) || isAdverb(words[e]!))) {
    // a closing attribution has no auxiliary: "… did not respond" is a new statement
    if (strict && VERBAL_AUXILIARIES.has(words[e]!.lower)) return null
    e--
  }
  if (e >= first && words[e]!.text === ',') e--
  if (e < first) return null
  // split into comma chunks at parenthesis depth 0
  const chunks: Phrase[] = []
  let start = first
  let depth = 0
  for (let k = first; k <= e; k++) {
    const word = words[k]!
    if (word.text === '(') depth++
    else if (word.text === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && word.text === ',') {
      if (k > start) chunks.push({first: start, last: k - 1})
      start = k + 1
    } else if (depth === 0 && word.kind === 'punct' && !/^[-&’'.$%#@/+]$/.test(word.text)) return null
  }
  if (start <= e) chunks.push({first: start, last: e})
  if (chunks.length === 0 || chunks.length > 4) return null
  const head = chunks[0]!
  // "…," it read. / "…," it said.: a document or organisation as the pronoun right before the cue
  // ("…" it now says: an adverb between, not an auxiliary: "…," it was said)
  if (chunks.length === 1 && head.first === head.last && words[head.first]!.lower === 'it' && !words.slice(head.last + 1, cueIndex).some((w) => VERBAL_AUXILIARIES.has(w.lower))) return head
  if (!isNounChunk(words, head)) return null
  const trimmed = trimArticle(words, head)
  const firstWord = words[trimmed.first]!
  if (firstWord.upper || PRONOUNS.has(firstWord.lower) || chunks.length === 1) return trimmed.last - trimmed.first < 14 ? trimmed : null
  // "the Vatican spokesman, Federico Lombardi, told": the name in apposition names the speaker
  for (const chunk of chunks.slice(1)) {
    if (words[chunk.first]!.upper && isNounChunk(words, chunk) && chunk.last - chunk.first < 6) return chunk
  }
  return trimmed
}

/**
 * Whether the words from `first` to the cue at `cueIndex` are a capitalised name of up to four words ("Will Estrada"),
 * a comma, an apposition and a comma: a subject, not a new sentence after "…?" or "…!".
 */
export function isNamedWithApposition(words: Word[], first: number, cueIndex: number): boolean {
  if (words[cueIndex - 1]?.text !== ',') return false
  let k = first
  while (k < cueIndex && words[k]!.kind === 'word' && words[k]!.upper && k - first < 4) k++
  return k > first && words[k]?.text === ',' && k < cueIndex - 2
}

// a chunk made of noun-phrase words only: no clause words, auxiliaries, cues or past-tense verbs
function isNounChunk(words: Word[], chunk: Phrase): boolean {
  if (chunk.last - chunk.first > 16) return false
  const head = words[chunk.first]!
  if (!head.upper && (NOT_IN_PHRASE.has(head.lower) || CLAUSE.has(head.lower)) && !DETERMINERS.has(head.lower)) return false
  for (let k = chunk.first; k <= chunk.last; k++) {
    const word = words[k]!
    if (word.kind !== 'word' || word.upper) continue
    const lower = word.lower
    if (DETERMINERS.has(lower)) continue
    if ((lower === 'and' || lower === '&') && k > chunk.first && k < chunk.last && !PRONOUNS.has(words[k + 1]!.lower) && !AUXILIARIES.has(words[k + 1]!.lower)) continue
    if (CLAUSE.has(lower) || AUXILIARIES.has(lower) || /n['’]t$/.test(lower)) return false
    if (NOT_IN_PHRASE.has(lower) && !/^(?:of|for|at|on|in|with|from)$/.test(lower)) return false
    if (k > chunk.first && lookupCue(lower) && !DETERMINERS.has(words[k - 1]!.lower)) return false
    if (/ed$/.test(lower) && !DETERMINERS.has(words[k - 1]?.lower ?? '') && k === chunk.first + 1 && words[chunk.first]!.upper) return false
  }
  const last = words[chunk.last]!
  return !(last.kind === 'word' && !last.upper && (NOT_IN_PHRASE.has(last.lower) || DETERMINERS.has(last.lower)))
}

// the last subject pronoun before `limit` ("When he returned he began by saying")
function findLastPronoun(words: Word[], floor: number, limit: number): Phrase | null {
  for (let k = limit - 1; k >= floor; k--) {
    const gender = PRONOUNS.get(words[k]!.lower)
    if (gender && gender !== 'neuter' && words[k]!.lower !== 'you') return {first: k, last: k}
  }
  return null
}

// capitalised words a time phrase may hold after its first word ("Early Monday morning,", "Last March,")
const TIME_NAMES = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december`)

// a chunk up to the next comma that ends in a time expression ("Eight years ago,", "Last March,")
function endsInTime(words: Word[], from: number, limit: number): boolean {
  let k = from
  while (k < limit && words[k]!.text !== ',' && k - from < 6) k++
  if (k >= limit || words[k]!.text !== ',' || k === from) return false
  // "X rallied supporters on Monday," is a clause, not a time phrase: a name after its first word or a verb in it
  for (let m = from + 1; m < k - 1; m++) {
    const word = words[m]!
    if (word.kind !== 'word') continue
    if (word.upper && !TIME_NAMES.has(word.lower)) return false
    if (!word.upper && (/[^e]ed$/.test(word.lower) || IRREGULAR_PAST.has(word.lower) || findCueAt(words, m)) && !DETERMINERS.has(words[m - 1]?.lower ?? '')) return false
  }
  return /^(?:ago|\d{4}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|week|month|year|weekend)$/.test(words[k - 1]!.lower)
}

const GERUND_LINKS = new Set(['by', 'after', 'before', 'while', 'when', 'in', 'without', 'upon', 'on', 'for', 'and', 'then', 'but'])

/** The subject of a participle cue ("X issued a statement saying", "X, citing Y, said"): the main clause's, unless "with Y saying". */
function findGerundSubject(words: Word[], k: number, floor: number): Phrase | null {
  const cue = words[k]!
  if (!cue.lower.endsWith('ing')) return null
  const prev = words[k - 1]
  if (!prev) return null
  const own = findSubjectBefore(words, k, floor)
  // "with Y saying …" / "with Z's spokesman, Y, stating …" has its own subject
  if (own && isAbsolute(words, own, floor)) return own
  // "with many marchers and spectators chanting …": so has a coordinated one
  const both = own && prev.text !== ',' ? findCoordinatedAbsolute(words, own, floor) : null
  if (both) return both
  if (prev.text === ',' || GERUND_LINKS.has(prev.lower)) return findLinkedSubject(words, k, floor) ?? findClauseSubject(words, floor, k)
  if (!own) return findClauseSubject(words, floor, k)
  // "X issued a statement saying …": the noun before the participle is an object, not its subject
  const before = words[own.first - 1]
  if (!before || before.text === ',' || own.first === floor) return own
  return findClauseSubject(words, floor, k) ?? own
}

// "with X and Y" before a participle: the two noun phrases as one subject, or null
function findCoordinatedAbsolute(words: Word[], phrase: Phrase, floor: number): Phrase | null {
  const link = words[phrase.first - 1]
  if (!link || (link.lower !== 'and' && link.lower !== 'or') || link.upper) return null
  for (let b = phrase.first - 2; b >= floor && phrase.first - b <= 6; b--) {
    const word = words[b]!
    if (word.kind !== 'word') return null
    if (word.lower === 'with' && !word.upper) return b + 1 < phrase.first - 1 ? {first: b + 1, last: phrase.last} : null
    if (!word.upper && (NOT_IN_PHRASE.has(word.lower) || CLAUSE.has(word.lower) || /[^e]ed$/.test(word.lower) || lookupCue(word.lower))) return null
  }
  return null
}

function isAbsolute(words: Word[], phrase: Phrase, floor: number): boolean {
  let b = phrase.first - 1
  if (b >= floor && words[b]!.text === ',') {
    b--
    while (b >= floor && words[b]!.text !== ',' && !/^[;:.!?]$/.test(words[b]!.text) && words[b]!.lower !== 'with' && words[b]!.lower !== 'without') b--
  }
  return b >= floor && (words[b]!.lower === 'with' || words[b]!.lower === 'without')
}

/** "X said, adding …" / "he laughed and said": a cue linked to the verb before it shares that verb's subject. */
function findLinkedSubject(words: Word[], k: number, floor: number): Phrase | null {
  const link = words[k - 1]
  if (!link || !(link.text === ',' || link.lower === 'and' || link.lower === 'but' || link.lower === 'then')) return null
  let v = k - 2
  if (link.lower === 'then' && words[v]?.lower === 'and') v--
  if (words[v]?.text === ',' && link.lower !== ',') v--
  const verb = words[v]
  if (!verb || verb.kind !== 'word' || verb.upper) return null
  if (!(findCueAt(words, v) || /[^e]ed$/.test(verb.lower))) return null
  // after a bare comma a finite verb links only to a speech verb ("X said, adding", "CNN, Cruz said, called"): after
  // another verb the comma ends a relative clause ("Clinton, who called Sanders after the winner was declared, told")
  if (link.text === ',' && !words[k]!.lower.endsWith('ing') && (!findCueAt(words, v) || isInRelativeClause(words, v, floor))) return null
  return findSubjectBefore(words, v, floor)
}


// whether word `v` stands in a relative clause opened right after a comma ("Clinton, who called Sanders after the
// winner was declared, told"): its verb is that clause's, not one a verb after the clause is coordinated with
function isInRelativeClause(words: Word[], v: number, floor: number): boolean {
  for (let b = v - 1; b >= floor && v - b < 30; b--) {
    const word = words[b]!
    if (word.text === ',') return /^(?:who|which|whom|whose)$/.test(words[b + 1]?.lower ?? '')
    if (word.kind === 'punct' && /^[;:.!?]$/.test(word.text)) return false
  }
  return false
}

/**
 * The subject of the cue at `k`: a participle's or a linked verb's subject ("X issued a statement
 * saying", "X said, adding"), the noun phrase before the cue, or the clause's subject.
 */
export function findSubjectOfCue(words: Word[], k: number, floor: number): Phrase | null {
  return findGerundSubject(words, k, floor) ?? findLinkedSubject(words, k, floor) ?? findSubjectBefore(words, k, floor) ?? findClauseSubject(words, floor, k)
}
