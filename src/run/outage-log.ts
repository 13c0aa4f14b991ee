/**
 * The log of a connection that can be lost and come back (a `lede worker`'s Redis): the loss is said once, a
 * reminder at most once per `remindMs` while it lasts, and one line when it is back. The client retries about every
 * 2 s and reports an error each time, which filled a worker's log with the same line while Redis was down.
 */

/** What {@link createOutageLog} gives: report each error, and say when the connection is ready again. */
export interface OutageLog {
  error(message: string): void
  ready(): void
}

/** Creates an outage log writing to `log`; `now` is the clock (ms), for tests. */
export function createOutageLog(log: (line: string) => void, options: {remindMs?: number; now?: () => number} = {}): OutageLog {
  const remindMs = options.remindMs ?? 60_000
  const now = options.now ?? Date.now
  let since: number | null = null
  let lastMessage = ''
  let lastLine = 0
  let unsaid = 0
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`
  return {
    error(message) {
      const t = now()
      // every error while down is the same outage (a dropped connection says "Connection is closed", then each retry
      // ECONNREFUSED), so all are held back until the reminder, which says the latest
      if (since !== null) {
        if (t - lastLine < remindMs) {
          unsaid++
          return
        }
        log(`error: ${message} (still, for ${seconds(t - since)}; ${unsaid} more errors not shown since the last line; retrying)`)
        lastLine = t
        unsaid = 0
        return
      }
      since ??= t
      lastMessage = message
      lastLine = t
      unsaid = 0
      log(`error: ${message} (retrying; said again at most once a minute while it lasts, and once when the connection is back)`)
    },
    ready() {
      if (since === null) return
      log(`connection back after ${seconds(now() - since)}${unsaid > 0 ? ` (${unsaid} more errors not shown)` : ''}`)
      since = null
      lastMessage = ''
      unsaid = 0
    },
  }
}
