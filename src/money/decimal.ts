/*
 * Exact decimal arithmetic for money values: a value is `units / 10^scale` with BigInt units, so
 * "6.98 billion" is 698 / 10^2 * 10^9 = "6980000000" with no floating-point step anywhere.
 */

/** An exact non-negative decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint
  scale: number
}

const TEN = 10n
// powers of ten are reused: figures shift by at most a few dozen places
const POWERS: bigint[] = Array.from({length: 64}, (_, k) => TEN ** BigInt(k))
const pow10 = (k: number): bigint => (k < POWERS.length ? POWERS[k]! : TEN ** BigInt(k))

/** Builds a decimal from the digits before and after the decimal mark ("1250", "50" for 1250.50). */
export function decimalFromDigits(integer: string, fraction = ''): Decimal {
  return {units: BigInt((integer || '0') + fraction), scale: fraction.length}
}

/** A decimal for a small integer. */
export function decimalFromInt(value: number | bigint): Decimal {
  return {units: BigInt(value), scale: 0}
}

/** Multiplies two decimals exactly. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return {units: a.units * b.units, scale: a.scale + b.scale}
}

/** Adds two decimals exactly. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return {units: a.units + b.units, scale: a.scale}
  if (a.scale > b.scale) return {units: a.units + b.units * pow10(a.scale - b.scale), scale: a.scale}
  return {units: a.units * pow10(b.scale - a.scale) + b.units, scale: b.scale}
}

/** Divides by a power of ten exactly (minor units to major: cents / 10^2). */
export function shiftDecimal(a: Decimal, places: number): Decimal {
  if (places === 0) return a
  return places > 0 ? {units: a.units * pow10(places), scale: a.scale} : {units: a.units, scale: a.scale - places}
}

/** Compares two decimals: negative, zero or positive. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const d = addDecimal(a, {units: -b.units, scale: b.scale}).units
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

/** The canonical decimal string: no exponent, no trailing fractional zeros ("1250.5", "6980000000", "0.012"). */
export function formatDecimal(a: Decimal): string {
  let {units, scale} = a
  const negative = units < 0n
  if (negative) units = -units
  while (scale > 0 && units % TEN === 0n) {
    units /= TEN
    scale--
  }
  let digits = units.toString()
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
  }
  return negative && units !== 0n ? `-${digits}` : digits
}
