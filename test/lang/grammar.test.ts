// grammar/spec.ebnf and grammar/railroad.html agree with the parser: same rule names, one to one, and
// the railroad page is the one the parser generates today.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSpecParser } from '../../src/lang/parser.js';
import { railroadHtml } from '../../src/tools/railroad.js';
import { lex } from '../../src/lang/lexer.js';

const grammarFile = (name: string): string => readFileSync(new URL(`../../grammar/${name}`, import.meta.url), 'utf8');

/** Rule names defined in the EBNF: lower-case names at the start of a line, before `=`. */
function ebnfRules(text: string): string[] {
  const noComments = text.replace(/\(\*[\s\S]*?\*\)/g, '');
  return [...noComments.matchAll(/^([a-z][A-Za-z]*)\s*=/gm)].map((m) => m[1]!);
}

describe('grammar files', () => {
  it('spec.ebnf defines exactly the parser\'s rules', () => {
    const ebnf = ebnfRules(grammarFile('spec.ebnf'));
    const parser = Object.keys(getSpecParser().getGAstProductions());
    expect(new Set(ebnf).size).toBe(ebnf.length);
    expect([...ebnf].sort()).toEqual([...parser].sort());
  });

  it('railroad.html is generated from the current parser', () => {
    expect(grammarFile('railroad.html')).toBe(railroadHtml());
  });

  it('the table body has its own tokens: 1-0 is one cube, 0->1 is cube, arrow, cube', () => {
    const toks = lex('table a -> y { 1-0 0->1; --1\n}', 'g.spec').map((t) => `${t.tokenType.name}:${t.image.replace('\n', '\\n')}`);
    expect(toks).toEqual([
      'Table:table', 'Identifier:a', 'Arrow:->', 'Identifier:y', 'TableLBrace:{',
      'Cube:1-0', 'Cube:0', 'Arrow:->', 'Cube:1', 'RowEnd:;', 'Cube:--1', 'RowEnd:\\n', 'TableRBrace:}',
    ]);
  });
});
