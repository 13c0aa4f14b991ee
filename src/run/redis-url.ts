// What a Redis address lede accepts; no imports, so the command line checks it before loading any Redis client.

/**
 * Why `url` is not a Redis address lede accepts, or null when it is one: `redis://host[:port][/db]`, `rediss://…`
 * (TLS), or the absolute path of a Unix socket. ioredis reads almost anything as a host name ("6379" as a port,
 * "http://x" as a socket path), so a typo would otherwise surface as a connection error naming another address.
 */
export function findRedisUrlProblem(url: string): string | null {
  const expected = 'expected redis://host:port (rediss:// for TLS, or the absolute path of a Unix socket)'
  if (url.startsWith('/') && !url.startsWith('//')) return null
  // "host:6379" reads as a URL of scheme "host": it is a host and port without a scheme
  const scheme = /^[^/:]+:\d+(\/\d*)?$/.test(url) ? undefined : /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === undefined) return `"${url}" is not a Redis URL: ${expected}, e.g. redis://${/^\d+$/.test(url) ? `localhost:${url}` : `${url.replace(/^\/+/, '') || 'localhost'}${/:\d+$/.test(url) ? '' : ':6379'}`}`
  if (scheme !== 'redis' && scheme !== 'rediss') return `"${url}" is not a Redis URL (scheme "${scheme}:"): ${expected}`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `"${url}" is not a valid URL (check the host and the port, 1-65535): ${expected}`
  }
  if (parsed.hostname === '') return `"${url}" names no host: ${expected}`
  const db = parsed.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d+$/.test(db)) return `"${url}" names database "${db}": a Redis database is a number (redis://host:port/0)`
  return null
}

/** `url` as messages and logs show it: a password in it is replaced by `***` (stderr often ends up in shared logs). */
export function redactRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/i, '$1***@')
}

/**
 * `url` split into the URL without its password and the password, when it gives a password and no user name
 * (`redis://:secret@host`, what `requirepass` servers take), else null. The start-up check sends that password itself,
 * so a server that needs none is found and told once, where ioredis printed an unprefixed "[WARN]" per connection.
 */
export function splitRedisPassword(url: string): {bare: string; password: string} | null {
  const match = /^(rediss?:\/\/):([^@/]*)@/i.exec(url)
  if (!match || match[2] === '') return null
  let password: string
  try {
    password = decodeURIComponent(match[2]!)
  } catch {
    password = match[2]!
  }
  return {bare: `${match[1]}${url.slice(match[0].length)}`, password}
}
