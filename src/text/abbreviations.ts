/**
 * General English abbreviation lists for the tokenizer and sentence splitter. Entries are matched with
 * their case as written ("Mr" but not "mr", "etc" but not "Etc"), which keeps "no." and "fig." in prose apart
 * from "No. 5" and "Fig. 2".
 */

/** Abbreviations written before a name or number: a sentence never ends after them. */
export const PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs', 'Rev', 'Revd', 'Hon', 'Pres',
  'Gen', 'Gens', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Cdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Brig', 'Cmdt', 'Gov', 'Govs',
  'Sen', 'Sens', 'Rep', 'Reps', 'Atty', 'Supt', 'Insp', 'Det', 'Msgr', 'Fr', 'Amb', 'Sec', 'Secs', 'Asst', 'Assoc', 'St',
  'Sts', 'Ste', 'Mt', 'Mts', 'Ft', 'Pt', 'Vol', 'Vols', 'Fig', 'Figs', 'vs', 'v', 'cf', 'viz', 'ca', 'approx', 'Approx',
  'pp', 'Rt',
])

/** Abbreviations that may also close a sentence ("... Apple Inc. The company ..."). */
export const FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed',
  'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun', 'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Bros', 'Jr', 'Snr', 'Jnr', 'Esq',
  'Sr', 'etc', 'esp', 'al', 'dept', 'Dept', 'Univ', 'Ave', 'Blvd', 'Rd', 'Ln', 'Hwy', 'Sq', 'Pl', 'Natl', 'Intl', 'Govt',
  'Art', 'Arts', 'Ch', 'Chap', 'Para', 'Sect', 'ft', 'mi', 'km', 'lb', 'lbs', 'oz', 'hrs', 'mins', 'sec', 'yr', 'yrs', 'mo',
  'mos', 'wk', 'wks',
])

/** Place-name prefixes ("St. Louis", "Mt. Everest"), also abbreviations in capitals before a capital ("ST. LOUIS"). */
export const PLACE_PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set(['St', 'Ste', 'Sts', 'Mt', 'Mts', 'Ft'])

/**
 * US state abbreviations in news style (AP), which also close a sentence ("Tampa, Fla. The company ..."). Two-letter
 * postal codes are written without a period and are plain words.
 */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md',
  'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nebr', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt',
  'Wash', 'Wis', 'Wyo',
])

/** "No" is an abbreviation only before a number ("No. 5"). */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['No', 'Nos', 'no', 'nos', 'Nr', 'nr'])

/**
 * Capitalised words that usually open a sentence and rarely continue a name: after an abbreviation that can
 * close a sentence ("U.S.", "Inc."), a split is made only before one of these.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'There', 'Their', 'They', 'Them', 'Then', 'Thus', 'He', 'She',
  'It', 'Its', 'I', 'We', 'You', 'Our', 'My', 'His', 'Her', 'Your', 'But', 'And', 'Or', 'Nor', 'So', 'Yet', 'However',
  'Meanwhile', 'Moreover', 'Furthermore', 'Also', 'Still', 'Now', 'In', 'On', 'At', 'For', 'From', 'With', 'By', 'As',
  'To', 'Of', 'After', 'Before', 'When', 'While', 'Since', 'Although', 'Though', 'If', 'Because', 'Despite', 'During',
  'Until', 'Unless', 'Once', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Every', 'Several', 'Few', 'No', 'Not',
  'Neither', 'Either', 'Other', 'Another', 'Such', 'Last', 'Next', 'Earlier', 'Later', 'Today', 'Yesterday', 'Tomorrow',
  'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'Under', 'Over', 'Among', 'Between', 'Against', 'Without',
  'Within', 'Instead', 'Indeed', 'Even', 'Only', 'Just', 'According', 'Asked', 'Speaking', 'Mr', 'Mrs', 'Ms', 'Dr',
])
