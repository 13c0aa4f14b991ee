/**
 * Reading a model file that a research script was given on its command line (mix:ner's inputs, silver:ner's --model):
 * a missing, unreadable or foreign file is one line saying which file and why, not a Node stack trace from fs or zlib.
 */
import {readFileSync} from 'node:fs'
import {parseModel, type NerModel} from '../../src/ner/model.ts'

/** Raised when a model file named on the command line cannot be read or is not a lede NER model. */
export class ModelArgError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModelArgError'
  }
}

/** Reads and parses the model file `file`, or throws {@link ModelArgError} naming the file and what is wrong with it. */
export function readModelArg(file: string): {bytes: Buffer; model: NerModel} {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : message
    throw new ModelArgError(`cannot read the model "${file}": ${why}`)
  }
  // parseModel throws zlib's or its own plain Error on anything but a whole model of a format this code reads
  try {
    return {bytes, model: parseModel(bytes)}
  } catch (error) {
    const why = bytes.length === 0 ? 'the file is empty' : (error as Error).message
    throw new ModelArgError(`"${file}" is not a lede NER model this code reads (${why})`)
  }
}

/** Reads the model file `file` for the script `script`, or prints one line `<script>: <why>` and exits 2 (a usage error). */
export function modelArgOrExit(script: string, file: string): {bytes: Buffer; model: NerModel} {
  try {
    return readModelArg(file)
  } catch (error) {
    if (!(error instanceof ModelArgError)) throw error
    console.error(`${script}: ${error.message}`)
    process.exit(2)
  }
}
