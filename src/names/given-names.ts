/**
 * Equivalent given names across East-Slavic languages (Ukrainian, Russian, Belarusian) and the
 * spellings other European languages use for them. General knowledge, not drawn from any corpus:
 * each group is one name, so "Oleksandr" and "Alexander" compare equal while "Alexander" and
 * "Alexey" do not. Spelling variants inside a group that the transliteration key already
 * collapses (Andriy/Andrii) are listed anyway, for readability.
 */
import {translitKey} from './translit.ts'

/** Groups of equivalent given names; the first spelling names the group. */
export const GIVEN_NAME_GROUPS: readonly (readonly string[])[] = [
  // men
  ['Alexander', 'Oleksandr', 'Olexander', 'Oleksander', 'Olexandr', 'Aleksandr', 'Alexandr', 'Aleksander', 'Aliaksandr', 'Aliaksandar', 'Alyaksandr', 'Alexandre', 'Aleksandar', 'Alexandru'],
  ['Alexey', 'Oleksiy', 'Oleksii', 'Olexiy', 'Oleksij', 'Aleksey', 'Alexei', 'Aleksei', 'Alexej', 'Aleksej', 'Aliaksei', 'Aliaksiej', 'Alexeï'],
  ['Anatoly', 'Anatoliy', 'Anatolii', 'Anatoli', 'Anatolij', 'Anatol'],
  ['Andrey', 'Andriy', 'Andrii', 'Andrij', 'Andrei', 'Andrej', 'Andrzej', 'Andrew', 'Andrés', 'Andrei'],
  ['Anton', 'Antin'],
  ['Arkady', 'Arkadiy', 'Arkadii', 'Arkadi', 'Arkadij'],
  ['Arseny', 'Arseniy', 'Arsenii', 'Arsenij', 'Arseni'],
  ['Boris', 'Borys', 'Barys'],
  ['Bogdan', 'Bohdan'],
  ['Denis', 'Denys', 'Dzianis'],
  ['Dmitry', 'Dmytro', 'Dmitri', 'Dmitriy', 'Dmitrii', 'Dmitrij', 'Dzmitry', 'Dzmitryi', 'Dimitri', 'Dimitry', 'Dmitar'],
  ['Evgeny', 'Yevhen', 'Yevgen', 'Ievgen', 'Ievgenii', 'Yevgeny', 'Yevgeniy', 'Yevgenii', 'Evgeniy', 'Evgenii', 'Evgeni', 'Jewgeni', 'Jewgenij', 'Evgueni', 'Yauheni', 'Yauhen', 'Eugene', 'Eugen'],
  ['Fyodor', 'Fedir', 'Fedor', 'Feodor', 'Fiodor', 'Fjodor', 'Fiodar', 'Theodore'],
  ['Gennady', 'Hennadiy', 'Hennadii', 'Gennadiy', 'Gennadii', 'Gennadi', 'Gennadij', 'Henadz'],
  ['Georgy', 'Heorhiy', 'Heorhii', 'Georgiy', 'Georgii', 'Georgi', 'Georgij', 'Heorhi'],
  ['Gleb', 'Hlib', 'Hleb'],
  ['Grigory', 'Hryhoriy', 'Hryhorii', 'Grigoriy', 'Grigorii', 'Grigori', 'Grigorij', 'Ryhor', 'Gregory'],
  ['Igor', 'Ihor', 'Ihar'],
  ['Ilya', 'Illia', 'Illya', 'Ilia', 'Ilja', 'Illja'],
  ['Ivan', 'Iwan', 'Ivan'],
  ['Iosif', 'Yosyp', 'Iosyp', 'Osip', 'Josif', 'Joseph'],
  ['Kirill', 'Kyrylo', 'Kiril', 'Kirył', 'Kiryl', 'Cyril'],
  ['Konstantin', 'Kostiantyn', 'Kostyantyn', 'Kanstantsin', 'Konstantyn', 'Constantin', 'Constantine'],
  ['Leonid', 'Leanid'],
  ['Lev', 'Lew', 'Leo'],
  ['Maxim', 'Maksym', 'Maksim', 'Maxym', 'Maksimilian'],
  ['Matvey', 'Matviy', 'Matvii', 'Matvei', 'Matthew'],
  ['Mikhail', 'Mykhailo', 'Mykhaylo', 'Mikhailo', 'Mihail', 'Michail', 'Mikhaylo', 'Mikhal', 'Michał', 'Mikhas'],
  ['Nikita', 'Mykyta', 'Mikita'],
  ['Nikolai', 'Mykola', 'Nikolay', 'Nicolai', 'Nikolaj', 'Mikalai', 'Mikola', 'Nicolas', 'Nicholas'],
  ['Oleg', 'Oleh', 'Aleh'],
  ['Pavel', 'Pavlo', 'Paul', 'Pawel', 'Paweł', 'Paval'],
  ['Pyotr', 'Petro', 'Petr', 'Piotr', 'Pjotr', 'Peter', 'Piotra', 'Petar'],
  ['Roman', 'Raman'],
  ['Semyon', 'Semen', 'Semion', 'Simon'],
  ['Sergey', 'Serhiy', 'Serhii', 'Serhij', 'Sergiy', 'Sergii', 'Sergij', 'Sergei', 'Sergej', 'Siarhei', 'Siarhiej', 'Serge', 'Sergiu'],
  ['Stanislav', 'Stanislau', 'Stanisław', 'Stanislaw'],
  ['Stepan', 'Stsiapan', 'Stefan', 'Stephen', 'Steven'],
  ['Timofey', 'Tymofiy', 'Tymofii', 'Timofei', 'Tsimafei', 'Timothy'],
  ['Vadim', 'Vadym', 'Vadzim'],
  ['Valery', 'Valeriy', 'Valerii', 'Valeri', 'Valerij', 'Waleri', 'Walerij', 'Valer'],
  ['Vasily', 'Vasyl', 'Vasiliy', 'Vasilii', 'Vasili', 'Vassily', 'Vassili', 'Wassili', 'Wasyl', 'Vasil', 'Basil'],
  ['Viktor', 'Victor', 'Wiktor', 'Viktar'],
  ['Vitaly', 'Vitaliy', 'Vitalii', 'Vitali', 'Vitalij', 'Witali', 'Vital'],
  ['Vladimir', 'Volodymyr', 'Wolodymyr', 'Wladimir', 'Uladzimir', 'Uladzimier', 'Vladimer', 'Włodzimierz', 'Volodimir'],
  ['Vladislav', 'Vladyslav', 'Uladzislau', 'Władysław', 'Wladislaw'],
  ['Vyacheslav', 'Viacheslav', 'Wjatscheslaw', 'Viachaslau'],
  ['Yakov', 'Yakiv', 'Jakov', 'Jakow', 'Yakau', 'Jacob'],
  ['Yaroslav', 'Jaroslav', 'Jarosław', 'Yaraslau'],
  ['Yuri', 'Yuriy', 'Yurii', 'Yury', 'Iurii', 'Iuri', 'Jurij', 'Juri', 'Yurij', 'Iouri', 'Yurii', 'Jury', 'Jerzy'],
  ['Zakhar', 'Zahar', 'Sachar'],
  // women
  ['Alexandra', 'Oleksandra', 'Aleksandra', 'Aliaksandra', 'Alexandra'],
  ['Anna', 'Hanna', 'Ganna', 'Ana', 'Ganna'],
  ['Daria', 'Darya', 'Dariia', 'Daryna', 'Darja'],
  ['Ekaterina', 'Kateryna', 'Yekaterina', 'Katerina', 'Jekaterina', 'Katsiaryna', 'Catherine', 'Katarzyna'],
  ['Elena', 'Olena', 'Yelena', 'Jelena', 'Alena', 'Helena', 'Aliona', 'Alyona', 'Hélène'],
  ['Evgenia', 'Yevheniia', 'Yevhenia', 'Yevgenia', 'Evgeniya', 'Yevgeniya', 'Jewgenija', 'Eugenia'],
  ['Galina', 'Halyna', 'Halina', 'Galyna'],
  ['Irina', 'Iryna', 'Iryna', 'Irena', 'Irene'],
  ['Kristina', 'Khrystyna', 'Khristina', 'Krystsina', 'Christina', 'Krystyna'],
  ['Larisa', 'Larysa', 'Larissa'],
  ['Lyubov', 'Liubov', 'Lyubov', 'Liubou', 'Ljubow'],
  ['Lyudmila', 'Liudmyla', 'Lyudmyla', 'Ludmila', 'Liudmila', 'Ljudmila', 'Ludmilla', 'Liudmila'],
  ['Maria', 'Mariya', 'Mariia', 'Marija', 'Maryia', 'Mariia', 'Marie'],
  ['Nadezhda', 'Nadiya', 'Nadiia', 'Nadzeya', 'Nadeschda', 'Nadia'],
  ['Natalia', 'Nataliya', 'Nataliia', 'Natalya', 'Natalja', 'Natallia', 'Natalie'],
  ['Oksana', 'Oxana', 'Aksana'],
  ['Olga', 'Olha', 'Volha', 'Olia', 'Olja'],
  ['Sofia', 'Sofiya', 'Sofiia', 'Sophia', 'Sofya', 'Sophie'],
  ['Svetlana', 'Svitlana', 'Sviatlana', 'Swetlana', 'Swiatlana'],
  ['Tatiana', 'Tetiana', 'Tetyana', 'Tatyana', 'Tatjana', 'Tatsiana', 'Tacciana'],
  ['Valentina', 'Valentyna', 'Walentina', 'Valiantsina'],
  ['Vera', 'Vira', 'Wera', 'Viera'],
  ['Yulia', 'Yuliya', 'Yuliia', 'Iuliia', 'Julia', 'Yulija', 'Julija', 'Yuliia', 'Juliya', 'Yuliya'],
  ['Zoya', 'Zoia', 'Zoja'],
]

const GROUP_BY_KEY = new Map<string, string>()
for (const group of GIVEN_NAME_GROUPS) {
  const id = translitKey(group[0])
  for (const variant of group) {
    const key = translitKey(variant)
    // first group wins: a later group never steals a spelling already assigned
    if (!GROUP_BY_KEY.has(key)) GROUP_BY_KEY.set(key, id)
  }
}

/** The equivalence class of a given name: the group's key when the name is in a group, else its own transliteration key. */
export function givenNameClass(name: string): string {
  const key = translitKey(name)
  return GROUP_BY_KEY.get(key) ?? key
}

/** Whether two given names are the same name across languages and romanisations. */
export function givenNamesEquivalent(a: string, b: string): boolean {
  return givenNameClass(a) === givenNameClass(b)
}

/** The first letters any spelling of this given name may start with (for matching an initial such as "V."). */
export function givenNameInitials(name: string): Set<string> {
  const id = givenNameClass(name)
  const initials = new Set<string>([translitKey(name).charAt(0)])
  for (const group of GIVEN_NAME_GROUPS) {
    if (translitKey(group[0]) !== id) continue
    for (const variant of group) initials.add(variant.normalize('NFKD').charAt(0).toLowerCase())
  }
  return initials
}
