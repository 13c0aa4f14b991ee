// Which --redis values lede accepts, checked before any Redis client loads (a usage error, exit 2).
import {describe, expect, it} from 'vitest'
import {findRedisUrlProblem, redactRedisUrl, splitRedisPassword} from '../../src/run/redis-url.ts'

describe('findRedisUrlProblem', () => {
  it.each([
    'redis://127.0.0.1:6379',
    'redis://queue-host',
    'redis://queue-host:6379/2',
    'REDIS://Queue-Host:6379',
    'rediss://secure.example:6380',
    'redis://:secret@queue-host:6379',
    'redis://user:secret@[::1]:6379/0',
    '/var/run/redis/redis.sock',
  ])('accepts %s', (url) => {
    expect(findRedisUrlProblem(url)).toBeNull()
  })

  it.each([
    ['a bare host', 'queue-host', /is not a Redis URL: expected redis:\/\/host:port .* e\.g\. redis:\/\/queue-host:6379$/],
    ['a bare host and port', 'queue-host:6379', /is not a Redis URL: expected .* e\.g\. redis:\/\/queue-host:6379$/],
    ['a bare port', '6379', /e\.g\. redis:\/\/localhost:6379$/],
    ['another scheme', 'http://queue-host:6379', /is not a Redis URL \(scheme "http:"\)/],
    ['a port out of range', 'redis://queue-host:99999', /is not a valid URL \(check the host and the port, 1-65535\)/],
    ['no host', 'redis://:6379', /is not a valid URL|names no host/],
    ['a database that is no number', 'redis://queue-host:6379/jobs', /names database "jobs": a Redis database is a number/],
    ['a relative socket path', 'redis.sock', /is not a Redis URL/],
    ['nothing', '', /is not a Redis URL/],
  ])('refuses %s', (_name, url, message) => {
    expect(findRedisUrlProblem(url)).toMatch(message)
  })
})

describe('redactRedisUrl', () => {
  it.each([
    ['redis://:s3cret@queue-host:6379', 'redis://:***@queue-host:6379'],
    ['rediss://lede:s3cret@queue-host:6380/1', 'rediss://lede:***@queue-host:6380/1'],
    ['redis://queue-host:6379', 'redis://queue-host:6379'],
    ['redis://lede@queue-host:6379', 'redis://lede@queue-host:6379'],
    ['/var/run/redis.sock', '/var/run/redis.sock'],
  ])('shows %s as %s', (url, shown) => {
    expect(redactRedisUrl(url)).toBe(shown)
  })
})

describe('splitRedisPassword', () => {
  it.each([
    ['redis://:s3cret@queue-host:6379', {bare: 'redis://queue-host:6379', password: 's3cret'}],
    ['rediss://:s3cret@queue-host:6380/1', {bare: 'rediss://queue-host:6380/1', password: 's3cret'}],
    ['redis://:p%40ss@queue-host', {bare: 'redis://queue-host', password: 'p@ss'}],
    // a user name goes with its password (ACL users): sent by ioredis as given
    ['redis://lede:s3cret@queue-host:6379', null],
    ['redis://:@queue-host:6379', null],
    ['redis://queue-host:6379', null],
    ['/var/run/redis.sock', null],
  ])('%s', (url, expected) => {
    expect(splitRedisPassword(url)).toEqual(expected)
  })
})
