// The --help of the two build scripts that run on plain Node (scripts/build.mjs at `npm ci`, before any TypeScript can
// load, and scripts/build-wasm.mjs): the same text and exit codes as tools/lib/script-args.ts gives every other npm
// script, for scripts that take no options. Kept apart from it because plain Node cannot import a .ts file.

/**
 * Answers `--help` (the usage, what the script does, an example; exit 0) and refuses any other argument (one line and
 * exit code 2) before the script does any work.
 */
export function answerHelp({name, about, example}, argv = process.argv.slice(2)) {
  const usage = `usage: npm run ${name}`
  if (argv.some((a) => a === '--help' || a === '-h')) {
    console.log([usage, '', about, '', 'Options:', '  -h, --help  print this help and exit', '', 'Example:', `  ${example}`].join('\n'))
    process.exit(0)
  }
  if (argv.length > 0) {
    const problem = argv[0].startsWith('-') ? `unknown option ${argv[0]}` : `unexpected argument ${argv[0]}`
    console.error(`${name}: ${problem}\n${usage}\n(npm run ${name} -- --help for every option)`)
    process.exit(2)
  }
}
