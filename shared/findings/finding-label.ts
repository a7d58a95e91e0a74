/**
 * How a finding is named on screens and documents: its final number once the lead has numbered the
 * findings, before that its provisional id — the raising member's initials and their own sequence
 * ("DA-P3"). The stored provisional id is (member id, sequence), so copies never collide even when
 * two members share initials; the label is only what people read.
 */
export function findingLabel(finding: { readonly finalNumber: string; readonly provisionalSeq: number; readonly raisedByInitials: string }): string {
  if (finding.finalNumber !== '') return finding.finalNumber;
  const initials = finding.raisedByInitials.trim() || '?';
  return `${initials}-P${finding.provisionalSeq}`;
}
