/**
 * Rule O's evidence (src/ner/org-evidence.ts, docs/ner.md twenty-fifth round), mined from training data by
 * `npm run build:org-evidence` into models/org-evidence.json. Read on the first document that asks (a few
 * kilobytes) and kept for the thread, never while the rule is off.
 */
import {readFileSync} from 'node:fs'
import {orgEvidenceFromLists, type OrgEvidence} from './org-evidence.ts'

/** Where rule O's evidence lives, beside the shipped model. */
export const ORG_EVIDENCE_URL = new URL('../../models/org-evidence.json', import.meta.url)

let evidence: OrgEvidence | null = null

/** Rule O's evidence, read on first call and kept for the thread. */
export function shippedOrgEvidence(): OrgEvidence {
  if (evidence) return evidence
  evidence = orgEvidenceFromLists(JSON.parse(readFileSync(ORG_EVIDENCE_URL, 'utf8')).rule)
  return evidence
}
