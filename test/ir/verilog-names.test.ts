import { describe, expect, it } from 'vitest';
import { isPlainIdentifier, sanitizeIdentifier, verilogIdent, VERILOG_KEYWORDS } from '../../src/ir/verilog-names.js';

describe('Verilog names', () => {
  it('keeps legal identifiers and escapes the rest, keywords included', () => {
    expect(verilogIdent('cin')).toBe('cin');
    expect(verilogIdent('a$b')).toBe('a$b');
    expect(verilogIdent('module')).toBe('\\module ');
    expect(verilogIdent('2x2')).toBe('\\2x2 ');
    expect(verilogIdent('a[0]')).toBe('\\a[0] ');
  });

  it('sanitizes into plain identifiers that every keyword check accepts', () => {
    expect(isPlainIdentifier('a$b')).toBe(false);
    for (const raw of ['a$b', '2x2', 'wire', '', 'x-y']) {
      const s = sanitizeIdentifier(raw);
      expect(isPlainIdentifier(s)).toBe(true);
      expect(verilogIdent(s)).toBe(s);
    }
    expect(VERILOG_KEYWORDS.has('endmodule')).toBe(true);
  });
});
