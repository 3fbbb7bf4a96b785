import { describe, expect, it } from 'vitest';
import { safeForTerminal } from './output.js';

describe('safeForTerminal', () => {
  it('removes CSI colour and screen sequences, OSC titles and hyperlinks, and other control characters', () => {
    expect(safeForTerminal('\u001b[31mRED\u001b[0m \u001b[2J\u001b[1;1Hafter')).toBe('RED after');
    expect(safeForTerminal('\u001b]0;pwned\u0007title')).toBe('title');
    expect(safeForTerminal('\u001b]8;;http://x.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(safeForTerminal('a\u0000b\u0008c\rd\u009be\u007ff')).toBe('abcdef');
    // Bidirectional overrides (text that displays in another order than it reads) go too.
    expect(safeForTerminal('file\u202egnp.exe')).toBe('filegnp.exe');
  });
  it('keeps tabs, line breaks and ordinary Unicode', () => {
    expect(safeForTerminal('Kyiv\tKiew\nКиїв — 😀')).toBe('Kyiv\tKiew\nКиїв — 😀');
  });
  it('stops at the end of an unterminated sequence', () => {
    expect(safeForTerminal('x\u001b]0;never ends')).toBe('x');
    expect(safeForTerminal('x\u001b[')).toBe('x');
  });
});
