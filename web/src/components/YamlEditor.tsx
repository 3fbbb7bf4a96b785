/** A plain-text YAML editor with a line-number gutter that marks lines with schema errors. */
import { useRef } from 'react';
import type { ValidationIssue } from '../api/types.js';

export function YamlEditor({
  value,
  onChange,
  issues,
  editorRef,
}: {
  value: string;
  onChange: (v: string) => void;
  issues: Pick<ValidationIssue, 'severity' | 'line'>[];
  editorRef?: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  const bad = new Map<number, ValidationIssue['severity']>();
  for (const i of issues)
    if (i.line) bad.set(i.line, bad.get(i.line) === 'error' ? 'error' : (i.severity ?? 'error'));
  return (
    <div className="yaml-editor">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, k) => (
          <div key={k} className={bad.has(k + 1) ? `ln ln-${bad.get(k + 1)}` : 'ln'}>
            {k + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={editorRef}
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        aria-label="Case file (YAML)"
        data-testid="yaml-editor"
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onKeyDown={(e) => {
          // Tab inserts two spaces (YAML forbids tabs); Escape leaves the editor for keyboard users.
          if (e.key === 'Tab' && !e.shiftKey) {
            e.preventDefault();
            const t = e.currentTarget;
            const s = t.selectionStart;
            onChange(`${value.slice(0, s)}  ${value.slice(t.selectionEnd)}`);
            requestAnimationFrame(() => t.setSelectionRange(s + 2, s + 2));
          } else if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
    </div>
  );
}

/** Moves the caret to the start of a 1-based line and scrolls it into view. */
export function goToLine(el: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = el.value.split('\n');
  let pos = 0;
  for (let k = 0; k < Math.min(line - 1, lines.length); k++) pos += lines[k]!.length + 1;
  pos += Math.max(column - 1, 0);
  el.focus();
  el.setSelectionRange(pos, pos);
  const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
  el.scrollTop = Math.max(0, (line - 5) * lineHeight);
}
