/**
 * Warm-ups run before a thread's first document: a hot function whose rarer branch is first met after V8 optimised it
 * has its compiled code thrown away and compiled again, in every worker thread (docs/entities-speed.md, docs/scale.md).
 * Running the rare shapes first lets V8 record them; it records what a function does only once it has run a while,
 * hence the rounds. A warm-up body keeps no state, so no answer changes.
 */

/** Returns a function that runs `body` `rounds` times on its first call in this thread and does nothing after. */
export function warmUpOnce(rounds: number, body: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    for (let round = 0; round < rounds; round++) body()
  }
}
