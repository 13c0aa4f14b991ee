/** How a run's progress reads on stderr: a redrawn line on a terminal, a logged line every minute otherwise. */
import type {Progress} from './batch.ts'

/**
 * One line of progress: documents and, when any, rejected inputs (the counts the run's summary and manifest give), percent of the corpus's bytes, MB/s and ETA from the bytes done by this process
 * (a resumed run's earlier part is not counted as done at once), and the workers processing.
 */
export function describeProgress(p: Progress): string {
  const seconds = Math.max(p.elapsedMs / 1000, 1e-3)
  const rate = Math.max(0, p.bytesDone - p.bytesAtStart) / 1e6 / seconds
  const remaining = rate > 0 ? (p.bytesTotal - p.bytesDone) / 1e6 / rate : Number.NaN
  const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100
  const rejected = p.rejected > 0 ? `, ${p.rejected} rejected` : ''
  return `${p.documents} documents${rejected}  ${pct}%  ${rate.toFixed(2)} MB/s  ETA ${formatDuration(remaining)}  ${p.workers} workers`
}

/** Seconds as m:ss, or h:mm:ss from an hour on (an archive's ETA runs to hours; minutes alone read as 523:10); `--:--` when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--'
  const s = Math.max(0, Math.round(seconds))
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${two(m)}:${two(r)}`
}
