import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'

/** The system Chromium (Debian package `chromium`), when installed; browser tests skip without it. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null

/** Launches the system Chromium headless with a fresh profile (its own --user-data-dir), no background networking. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!CHROMIUM) throw new Error('no chromium installed')
  const profile = mkdtempSync(join(tmpdir(), 'lede-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: {width: 1280, height: 900},
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
