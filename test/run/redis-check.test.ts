// The start-up check of a --redis URL that gives a password, against REAL redis-servers (one with no password set,
// one with requirepass): a password a server does not need is found and left out, never an ioredis console warning.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {freePort} from '../helpers/free-port.ts'
import {checkRedis} from '../../src/run/redis-check.ts'

const haveRedis = spawnSync('redis-server', ['--version']).status === 0

const servers: ChildProcess[] = []
async function startRedis(extra: string[], check: (url: string) => Promise<unknown>): Promise<string> {
  const port = await freePort()
  servers.push(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra], {stdio: 'ignore'}))
  const url = `127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      await check(url)
      return url
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

describe.skipIf(!haveRedis)('checkRedis with a password in the URL (real redis-server)', () => {
  let open = ''
  let locked = ''
  beforeAll(async () => {
    open = await startRedis([], (hostPort) => checkRedis(`redis://${hostPort}`, 500))
    locked = await startRedis(['--requirepass', 's3cret'], (hostPort) => checkRedis(`redis://:s3cret@${hostPort}`, 500))
  }, 30_000)
  afterAll(() => {
    for (const server of servers) server.kill('SIGKILL')
  })

  it.each([
    ['a password the server does not need: left out, said by the caller', () => `redis://:s3cret@${open}`, () => ({url: `redis://${open}`, passwordUnneeded: true})],
    ['the same with a database', () => `redis://:s3cret@${open}/3`, () => ({url: `redis://${open}/3`, passwordUnneeded: true})],
    ['the right password: kept', () => `redis://:s3cret@${locked}`, () => ({url: `redis://:s3cret@${locked}`})],
    ['the right password and a database: kept', () => `redis://:s3cret@${locked}/2`, () => ({url: `redis://:s3cret@${locked}/2`})],
    ['no password for a server with none', () => `redis://${open}`, () => ({url: `redis://${open}`})],
  ])('%s', async (_name, url, expected) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const checked = await checkRedis(url())
      expect({url: checked.url, ...(checked.passwordUnneeded ? {passwordUnneeded: true} : {})}).toEqual(expected())
      // ioredis's "[WARN] This Redis server's `default` user does not require a password" went to the console
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it.each([
    ['a wrong password', () => `redis://:nope@${locked}`, /^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused lede: WRONGPASS/],
    ['no password for a server that needs one', () => `redis://${locked}`, /refused lede: NOAUTH/],
  ])('refuses %s (exit 3 in the CLI)', async (_name, url, message) => {
    await expect(checkRedis(url())).rejects.toThrow(message)
  })
})
