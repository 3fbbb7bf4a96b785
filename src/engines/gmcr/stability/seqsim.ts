/**
 * SEQ+SIM: both SEQ and SIM for the player (the reference results' reading) or, behind the gmcr-py
 * compatibility setting, either of them (docs/models/GMCR.md §2.2, §6 item 3).
 */
export function seqSimStability(seq: Uint8Array, sim: Uint8Array, rule: 'and' | 'or'): Uint8Array {
  const out = new Uint8Array(seq.length);
  for (let s = 0; s < seq.length; s++) out[s] = rule === 'and' ? seq[s]! & sim[s]! : seq[s]! | sim[s]!;
  return out;
}
