// Entry of a worker thread: loads the TypeScript sources through tsx, as bin/lede.js does for the main thread
// (loader hooks are per thread), then hands piscina the task function.
import {register} from 'tsx/esm/api'

register()
const {runThreadTask} = await import('./worker.ts')
export default runThreadTask
