/**
 * What `lede run --redis` and `lede worker` check about Redis before anything else happens (no folder made, no
 * thread started): that the URL is one, and that a Redis answers there and can run BullMQ. Only ioredis is loaded
 * here (not BullMQ), so a mistake costs a fraction of a second.
 */
import {Redis} from 'ioredis'

import {redactRedisUrl, splitRedisPassword} from './redis-url.ts'

export {findRedisUrlProblem, redactRedisUrl} from './redis-url.ts'

/** Raised when Redis cannot be reached or used; the CLI exits 3 with its message. */
export class RedisError extends Error {
  /** the run engine stops the whole run on it (what is written stays staged for --resume) instead of failing one batch */
  readonly fatal = true
  constructor(message: string) {
    super(message)
    this.name = 'RedisError'
  }
}

// what Redis answers when the URL's user or password is missing or wrong (while connecting or on the first command)
const AUTH_FAILURE = /NOAUTH|WRONGPASS|invalid password|invalid username/i
// what Redis answers to AUTH <password> when no password is set (Redis 6+, then before 6)
const NO_PASSWORD_SET = /without any password configured|no password is set/i

/** The oldest Redis BullMQ runs on (BullMQ refuses older ones, but only once a queue is in use). */
const MINIMUM_VERSION = [5, 0, 0] as const

/** What {@link checkRedis} found: hand it to createRedisExecutor / startRedisWorker so they do not probe again. */
export interface CheckedRedis {
  /** the URL to connect with: as given, or without its password when the server needs none (see passwordUnneeded) */
  readonly url: string
  /** the URL gave a password to a server that has none set: it is left out of `url`, and the caller says so once */
  readonly passwordUnneeded?: true
  /** the server's version as it reported it (undefined when INFO did not say) */
  readonly version: string | undefined
}

/**
 * Checks that Redis answers at `url` and can serve BullMQ (version 5 or newer), failing fast (no retries) with a
 * message that names the address and says what to do.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<CheckedRedis> {
  const shown = redactRedisUrl(url)
  // a password alone is sent by this check, not by ioredis: ioredis printed "[WARN] This Redis server's `default` user
  // does not require a password, but a password was supplied" on the console for every connection when none was set
  const split = splitRedisPassword(url)
  let probe: Redis
  try {
    // disconnectTimeout: ioredis waits this long for a socket that never opened to close, holding the process open
    // (its default, 2 s, doubled the time `lede run` took to say that Redis was not there); without the password,
    // ioredis's ready check (INFO) would fail on a server that needs one, so this check's own INFO stands for it
    probe = new Redis(split?.bare ?? url, {lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false, disconnectTimeout: 100, ...(split ? {enableReadyCheck: false} : {})})
  } catch (error) {
    throw new RedisError(`cannot use Redis URL "${shown}": ${(error as Error).message}`)
  }
  // the connection's own error (ECONNREFUSED, ENOTFOUND) says more than the rejected command's
  let cause: Error | null = null
  probe.on('error', (error: Error) => (cause ??= error))
  try {
    try {
      await probe.connect()
    } catch (error) {
      const reason = (cause as Error | null)?.message ?? ((error as Error).message || String(error))
      // the AUTH ioredis sends while connecting (a password in the URL) fails here too: that is no connection problem
      if (AUTH_FAILURE.test(reason)) throw refused(shown, reason)
      // rediss:// to a server without TLS times out in the handshake, where "is redis-server running there?" misleads
      const tls = /^rediss:/i.test(url) ? '; a rediss:// URL speaks TLS, so the server must have TLS on that port (redis:// speaks plain Redis)' : ''
      throw new RedisError(`cannot reach Redis at ${shown}: ${reason} (is redis-server running there? start one with: redis-server --port 6379${tls})`)
    }
    let usable = url
    let passwordUnneeded = false
    if (split) {
      try {
        await probe.auth(split.password)
      } catch (error) {
        const reason = (error as Error).message || String(error)
        if (!NO_PASSWORD_SET.test(reason)) throw refused(shown, reason)
        usable = split.bare
        passwordUnneeded = true
      }
    }
    // ioredis selects the URL's database while connecting and goes on in database 0 when Redis refuses it
    // (redis://host/99 on a server of 16): the run and its workers then shared database 0 with every other run
    const db = probe.options.db ?? 0
    if (db !== 0) {
      try {
        await probe.select(db)
      } catch (error) {
        throw new RedisError(`Redis at ${shown} has no database ${db}: ${(error as Error).message} (a server has databases 0-15 unless its "databases" setting says otherwise)`)
      }
    }
    let info: string
    try {
      info = String(await probe.info('server'))
    } catch (error) {
      throw refused(shown, (error as Error).message || String(error))
    }
    const version = /^redis_version:(\S+)/m.exec(info)?.[1]
    const parts = version?.split('.').map(Number) ?? []
    if (version !== undefined && isOlder(parts)) throw new RedisError(`Redis at ${shown} is version ${version}; lede's queue (BullMQ) needs Redis ${MINIMUM_VERSION.join('.')} or newer`)
    return {url: usable, version, ...(passwordUnneeded ? {passwordUnneeded: true as const} : {})}
  } finally {
    probe.disconnect()
  }
}

// whether a version's numbers come before the minimum's, part by part
function isOlder(parts: number[]): boolean {
  for (const [i, min] of MINIMUM_VERSION.entries()) {
    const part = parts[i] ?? 0
    if (part !== min) return part < min
  }
  return false
}

function refused(url: string, reason: string): RedisError {
  const auth = AUTH_FAILURE.test(reason)
  return new RedisError(`Redis at ${url} refused lede: ${reason}${auth ? ' (give the user and password in the URL: redis://user:password@host:port)' : ''}`)
}
