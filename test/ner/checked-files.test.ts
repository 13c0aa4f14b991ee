import {describe, expect, it} from 'vitest'
import {adoptCheckedFiles, checkedFile, keepCheckedFile, shareCheckedFiles} from '../../src/ner/checked-files.ts'

describe('checked files', () => {
  it('gives back what was kept, whatever the path is called', () => {
    const contents = new Uint8Array([1, 2, 3])
    keepCheckedFile('/tmp/lede-checked-a/../lede-checked-a.bin', contents)
    expect(checkedFile('/tmp/lede-checked-a.bin')).toBe(contents)
    expect(checkedFile(new URL('file:///tmp/lede-checked-a.bin'))).toBe(contents)
    expect(checkedFile('/tmp/lede-checked-none.bin')).toBeUndefined()
  })

  it('shares kept files once and hands an adopting thread copies of its own', () => {
    keepCheckedFile('/tmp/lede-checked-b.bin', Buffer.from('model contents'))
    const shared = shareCheckedFiles()
    const buffer = shared['/tmp/lede-checked-b.bin']!
    expect(buffer).toBeInstanceOf(SharedArrayBuffer)
    // shared once: asked again, the same memory
    expect(shareCheckedFiles()['/tmp/lede-checked-b.bin']).toBe(buffer)
    // this thread reads the shared copy through a private one
    const mine = checkedFile('/tmp/lede-checked-b.bin')!
    expect(mine.buffer).not.toBeInstanceOf(SharedArrayBuffer)
    expect(Buffer.from(mine).toString()).toBe('model contents')
    // what another thread adopts, as a worker does from its workerData (anything else is ignored)
    adoptCheckedFiles({'/tmp/lede-checked-c.bin': buffer, '/tmp/lede-checked-d.bin': 'not a buffer'})
    adoptCheckedFiles(undefined)
    expect(Buffer.from(checkedFile('/tmp/lede-checked-c.bin')!).toString()).toBe('model contents')
    expect(checkedFile('/tmp/lede-checked-d.bin')).toBeUndefined()
  })
})
