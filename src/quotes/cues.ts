/**
 * A general English lexicon of speech, writing and stance verbs ("cues") with their lemmas,
 * inflected by rule, plus a few multi-word cues ("point out", "according to").
 */

/** How strongly a cue signals reported speech. */
export type CueClass = 'speech' | 'characterise' | 'belief'

/** A cue lexicon entry as matched in text. */
export interface CueEntry {
  lemma: string
  class: CueClass
  /** true for the bare base form, which is often also a noun ("a report", "the claim") */
  baseForm: boolean
  /** which form of the verb matched */
  form: 'base' | 'third' | 'past' | 'gerund'
  /** the lemma is also a common noun ("a text message", "his comments"): its base and -s forms need a subject before them */
  nounLike: boolean
  /** the particle or noun that must follow for a multi-word cue ("out" in "point out") */
  particle?: string
}

// verbs whose final consonant doubles before -ed/-ing
const DOUBLING = new Set(['quip', 'admit', 'snap', 'beg', 'chat', 'fret', 'rebut', 'blog', 'jab', 'regret', 'refer'])

// irregular forms: lemma -> [3sg, past, participle, gerund]
const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  feel: ['feels', 'felt', 'felt', 'feeling'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  read: ['reads', 'read', 'read', 'reading'],
  go: ['goes', 'went', 'gone', 'going'],
  draw: ['draws', 'drew', 'drawn', 'drawing'],
  put: ['puts', 'put', 'put', 'putting'],
  shoot: ['shoots', 'shot', 'shot', 'shooting'],
  hit: ['hits', 'hit', 'hit', 'hitting'],
  forecast: ['forecasts', 'forecast', 'forecast', 'forecasting'],
  sing: ['sings', 'sang', 'sung', 'singing'],
  plead: ['pleads', 'pleaded', 'pled', 'pleading'],
  spell: ['spells', 'spelled', 'spelt', 'spelling'],
  sum: ['sums', 'summed', 'summed', 'summing'],
}

// verbs of saying, writing and announcing: quotes they govern are reported speech
const SPEECH = `say tell add note state stress emphasize emphasise explain insist warn argue assert announce
acknowledge admit reply respond answer ask write tweet post continue conclude observe remark comment suggest
recall report confirm deny reiterate repeat predict complain lament joke quip exclaim shout cry scream yell
whisper mutter murmur urge demand promise vow pledge boast brag concede contend maintain allege charge counter
retort interject mention testify estimate caution advise proclaim recount declare claim agree disagree object
protest plead beg sigh laugh snap grumble growl snarl hiss bark gush rave marvel muse wonder speculate surmise
confide disclose reveal divulge hint imply indicate underline underscore highlight clarify specify elaborate
summarize summarise inform assure reassure remind notify blast slam mock scoff chide fume rail thunder scold
criticize criticise accuse praise hail tout thank apologize apologise lecture preach recite read speak swear
forecast sing text email message blog editorialize opine pronounce rule acknowledge recommend propose
announce counsel reason reckon reflect add explain instruct order command answer query inquire enquire
question challenge dispute rebut refute reject dismiss chant echo boom bellow roar beam smile grin chuckle gasp sob
sneer snort intone drawl stammer stutter blurt gripe groan moan howl wail whine giggle cackle crow trumpet tease taunt
jeer heckle interrupt quote cite remember recollect reminisce exhort gloat crack rant vent concur posit theorize
theorise hypothesize relate narrate lecture preach proclaim volunteer react`

// verbs that name or characterise: speech only when a subject uses them finitely ("she called it ...")
const CHARACTERISE = 'call describe label brand term characterize characterise'

// verbs of belief: attributions, but weak evidence that a quote is speech
const BELIEF = 'think believe feel fear hope worry expect doubt know consider'

// multi-word cues: lemma and the word that must follow the verb
const PHRASAL: Array<[string, string]> = [
  ['point', 'out'],
  ['go', 'on'],
  ['chime', 'in'],
  ['draw', 'attention'],
  ['weigh', 'in'],
  ['speak', 'out'],
  ['cry', 'out'],
  ['spell', 'out'],
  ['sum', 'up'],
  ['shoot', 'back'],
  ['fire', 'back'],
  ['hit', 'back'],
  ['put', 'it'],
  ['lash', 'out'],
]

/** Regular inflections of a verb lemma: [3sg, past, gerund]. */
export function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma]
  if (irregular) return [irregular[0]!, irregular[1]!, irregular[3]!]
  const last = lemma.at(-1)!
  const consonantY = /[^aeiou]y$/.test(lemma)
  const third = /(s|x|z|ch|sh|o)$/.test(lemma) ? `${lemma}es` : consonantY ? `${lemma.slice(0, -1)}ies` : `${lemma}s`
  let past: string
  let gerund: string
  if (DOUBLING.has(lemma)) {
    past = `${lemma}${last}ed`
    gerund = `${lemma}${last}ing`
  } else if (last === 'e') {
    past = `${lemma}d`
    gerund = /(ee|ye|oe)$/.test(lemma) ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`
  } else if (consonantY) {
    past = `${lemma.slice(0, -1)}ied`
    gerund = `${lemma}ing`
  } else {
    past = `${lemma}ed`
    gerund = `${lemma}ing`
  }
  return [third, past, gerund]
}

// speech verbs that are also everyday nouns
const NOUN_LIKE = new Set(
  `text email message post blog tweet comment report quote cite order question answer charge claim estimate signal rule cry
  protest reason vent crack volunteer object counter challenge dispute chant cheer echo beam smile grin laugh sigh snap bark
  moan groan howl wail whine boom roar note promise pledge vow demand warn joke quip gripe taunt jeer lecture forecast
  interrupt concur sing hint reply respond`.split(/\s+/),
)

function buildLexicon(): Map<string, CueEntry> {
  const map = new Map<string, CueEntry>()
  const add = (list: string, cls: CueClass): void => {
    for (const lemma of list.split(/\s+/).filter(Boolean)) {
      const nounLike = NOUN_LIKE.has(lemma)
      if (!map.has(lemma)) map.set(lemma, {lemma, class: cls, baseForm: true, form: 'base', nounLike})
      const [third, past, gerund] = inflect(lemma)
      const forms: Array<[string, CueEntry['form']]> = [[third!, 'third'], [past!, 'past'], [gerund!, 'gerund']]
      // irregular tables also list the participle: [3sg, past, participle, gerund]
      const irregular = IRREGULAR[lemma]
      if (irregular) forms.splice(0, forms.length, [irregular[0]!, 'third'], [irregular[1]!, 'past'], [irregular[2]!, 'past'], [irregular[3]!, 'gerund'])
      for (const [form, kind] of forms) {
        if (!map.has(form) || map.get(form)!.baseForm) map.set(form, {lemma, class: cls, baseForm: form === lemma, form: form === lemma ? 'base' : kind, nounLike})
      }
    }
  }
  add(SPEECH, 'speech')
  add(CHARACTERISE, 'characterise')
  add(BELIEF, 'belief')
  return map
}

const LEXICON = buildLexicon()
const PHRASAL_FORMS = new Map<string, {lemma: string; particle: string}>()
for (const [verb, particle] of PHRASAL) {
  for (const form of [verb, ...inflect(verb), ...(IRREGULAR[verb] ?? [])]) PHRASAL_FORMS.set(form, {lemma: `${verb} ${particle}`, particle})
}

/** Lemmas after which an inverted subject is not English ("told X" names the listener, not the speaker). */
export const NO_INVERSION: ReadonlySet<string> = new Set(['tell', 'inform', 'assure', 'reassure', 'remind', 'notify', 'call', 'describe', 'label', 'brand', 'term', 'characterize', 'characterise'])

/** Looks up a lowercase word in the single-word cue lexicon; undefined when it is no cue. */
export function lookupCue(lower: string): CueEntry | undefined {
  return LEXICON.get(lower)
}

/** Looks up a lowercase verb form that starts a multi-word cue; the caller checks the particle. */
export function lookupPhrasalCue(lower: string): {lemma: string; particle: string} | undefined {
  return PHRASAL_FORMS.get(lower)
}

/** What a lowercase word may start as a cue: its single-word entry, the multi-word cue it begins, or both. */
export interface CueForms {
  entry: CueEntry | undefined
  phrasal: {lemma: string; particle: string} | undefined
}

// every form of both lexicons under one key: a reader asks about most words of a sentence, and nearly all of them are
// no cue, which one lookup then tells instead of two
const CUE_FORMS = new Map<string, CueForms>()
for (const form of new Set([...LEXICON.keys(), ...PHRASAL_FORMS.keys()])) CUE_FORMS.set(form, {entry: LEXICON.get(form), phrasal: PHRASAL_FORMS.get(form)})

/** Both lookups of a lowercase word at once; undefined when it starts no cue ({@link lookupCue}, {@link lookupPhrasalCue}). */
export function lookupCueForms(lower: string): CueForms | undefined {
  return CUE_FORMS.get(lower)
}

/** The number of distinct cue lemmas (single and multi-word), for documentation and tests. */
export function cueLemmaCount(): number {
  const lemmas = new Set<string>()
  for (const entry of LEXICON.values()) lemmas.add(entry.lemma)
  for (const entry of PHRASAL_FORMS.values()) lemmas.add(entry.lemma)
  return lemmas.size + 1 // + "according to"
}
