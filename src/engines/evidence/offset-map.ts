/**
 * A cleaned text built from pieces of an original, with a map back to original offsets so every quote can
 * be shown in place. Pieces copied verbatim map exactly; normalised characters map to their source span.
 */

/** Flat segment list: [cleanStart, cleanLength, origStart, origLength] repeated. Serialisable as JSON. */
export type OffsetSegments = number[];

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly segments: OffsetSegments = [];

  get size(): number {
    return this.length;
  }

  /** Appends `text` that stands for original[origStart, origStart + origLength). */
  append(text: string, origStart: number, origLength: number): void {
    if (text.length === 0) return;
    const segs = this.segments;
    const n = segs.length;
    // Extend the previous segment when both sides are contiguous and linear.
    if (
      n >= 4 &&
      segs[n - 4]! + segs[n - 3]! === this.length &&
      segs[n - 2]! + segs[n - 1]! === origStart &&
      segs[n - 3] === segs[n - 1] &&
      text.length === origLength
    ) {
      segs[n - 3] = segs[n - 3]! + text.length;
      segs[n - 1] = segs[n - 1]! + origLength;
    } else {
      segs.push(this.length, text.length, origStart, origLength);
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Inserted text with no original counterpart (a separator); maps to the original position given. */
  insert(text: string, origAt: number): void {
    if (text.length === 0) return;
    this.segments.push(this.length, text.length, origAt, 0);
    this.parts.push(text);
    this.length += text.length;
  }

  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Original offset of a cleaned-text offset (end offsets map to the end of the source span). */
export function toOriginalOffset(segments: OffsetSegments, offset: number, isEnd = false): number {
  const count = segments.length / 4;
  if (count === 0) return offset;
  let lo = 0;
  let hi = count - 1;
  // Last segment whose cleanStart <= offset (for ends: < offset, so an end maps into the piece it closes).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = segments[mid * 4]!;
    if (isEnd ? start < offset : start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const cs = segments[lo * 4]!;
  const cl = segments[lo * 4 + 1]!;
  const os = segments[lo * 4 + 2]!;
  const ol = segments[lo * 4 + 3]!;
  const delta = Math.max(0, offset - cs);
  if (cl === ol) return os + Math.min(delta, ol);
  // A normalised piece: the start maps to its start, anything inside or at its end to its end.
  return delta === 0 ? os : os + ol;
}
