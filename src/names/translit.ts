/**
 * Transliteration-aware keys for names romanised from Cyrillic (and written by English, German,
 * French or Polish conventions): spellings of one name collapse to one key, so "Tchaikovsky",
 * "Chaikovskyi", "Tschaikowsky" and "Chaikovskiy" all become `chaikovski`.
 */

// letters NFKD does not decompose
const FOLD: Record<string, string> = {ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', þ: 'th'}

/** Lowercases, strips diacritics and apostrophes (soft signs) from one name token. */
export function foldToken(token: string): string {
  // ASCII has nothing to decompose, no combining marks and none of the folded letters: only case and the two ASCII
  // apostrophes change (most tokens of English news, keyed on the main thread by the linker's finish)
  if (isAscii(token)) return token.toLowerCase().replace(/['`]/g, '')
  return token
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøßđæœıħþ]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼʹ`´‘]/g, '')
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

// a letter repeated at once (ll, ss): what the collapsing rewrites look for
function hasDoubled(key: string): boolean {
  for (let i = 1; i < key.length; i++) if (key.charCodeAt(i) === key.charCodeAt(i - 1)) return true
  return false
}

const has = (...needles: string[]) => (key: string): boolean => needles.some((needle) => key.includes(needle))

// ordered rewrites: longer multigraphs first; "ʒ" stands for zh until the y-sound j is rewritten. Each carries a
// cheap test that is true whenever its pattern could match (a letter every match contains), so the linker, which
// keys every distinct name of the corpus on the main thread, runs only the few regular expressions a token needs
const REWRITES: Array<[RegExp, string, (key: string) => boolean]> = [
  [/schtsch|szcz/g, 'sh', has('c')],
  [/tsch|tch|cz/g, 'ch', has('c')],
  [/shch|sch|sz/g, 'sh', has('s')],
  [/dzh|zh/g, 'ʒ', has('z')],
  [/kh|gh/g, 'h', has('h')],
  [/ph/g, 'f', has('ph')],
  [/ck/g, 'k', has('ck')],
  [/x/g, 'ks', has('x')],
  [/tz/g, 'ts', has('tz')],
  [/w/g, 'v', has('w')],
  [/q/g, 'k', has('q')],
  // j and y are the same y-sound in German, Polish and English romanisations
  [/[jy]/g, 'i', has('j', 'y')],
  [/(.)\1+/g, '$1', hasDoubled],
  // initial ye/ie (Yevgeny, Ievgen) and ye after a vowel (Dudayev) are plain e
  [/^ie/g, 'e', (key) => key.startsWith('ie')],
  [/([aeiou])ie/g, '$1e', has('ie')],
  // yo (ё) after a consonant is written io, yo or e: Fyodor/Fedor, Pyotr/Petr, Semyon/Semen
  [/([^aeiou])io(?=[^aeiou])/g, '$1e', has('io')],
  // o after a hushing consonant is ё too: Gorbachov/Gorbachev, Chornobyl/Chernobyl
  [/(sh|ch|ʒ)o(?=[^aeiou])/g, '$1e', has('o')],
  // Russian feminine adjective ending -aya is Ukrainian -a: Kovalskaya/Kovalska
  [/aia$/g, 'a', (key) => key.endsWith('aia')],
  [/(.)\1+/g, '$1', hasDoubled],
  [/ʒ/g, 'j', has('ʒ')],
]

/** The transliteration key of one name token: equal keys mean the same name under romanisation variants. */
export function translitKey(token: string): string {
  const cached = KEY_CACHE.get(token)
  if (cached !== undefined) return cached
  const key = computeKey(token)
  // a pure memo: names repeat across a corpus; cleared when large so memory stays bounded
  if (KEY_CACHE.size >= MAX_CACHED) KEY_CACHE.clear()
  KEY_CACHE.set(token, key)
  return key
}

const KEY_CACHE = new Map<string, string>()
const MAX_CACHED = 50_000

function computeKey(token: string): string {
  let key = foldToken(token).replace(/[^a-z-]/g, '')
  // German and Polish romanisations (told apart by w for v) write kh as ch and ch as tsch/cz: Chodorkowski, Sacharow
  if (key.includes('w')) key = key.replace(/schtsch/g, 'ʃ').replace(/tsch|cz/g, 'ʧ').replace(/sch|sz/g, 'ʃ').replace(/ch/g, 'h').replace(/ʧ/g, 'ch').replace(/ʃ/g, 'sh')
  for (const [pattern, replacement, mayMatch] of REWRITES) if (mayMatch(key)) key = key.replace(pattern, replacement)
  return key
}

/** The transliteration key of a multi-word name: each word's key, space-separated. */
export function nameKey(name: string): string {
  return splitName(name)
    .map(translitKey)
    .filter((k) => k.length > 0)
    .join(' ')
}

/** Splits a name on spaces and hyphens between words, dropping dots of initials. */
export function splitName(name: string): string[] {
  return name
    .split(/[\s\u00a0]+/)
    .map((w) => w.replace(/^[("“‘']+|[)"”’,;:]+$/g, ''))
    .filter((w) => w.length > 0)
}

/** A coarser key for blocking: the translit key without vowels, with h/g and s/z merged (Ukrainian h is Russian g; German s is z). */
export function consonantSkeleton(key: string): string {
  return key
    .replace(/sh/g, 'ʃ')
    .replace(/ch/g, 'ʧ')
    .replace(/[aeiou\s-]/g, '')
    .replace(/h/g, 'g')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1')
}
