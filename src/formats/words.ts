// The line and word tokenizer of the text file readers (.pla, .dat, .truth, .net): lines without their
// terminators, whitespace-separated words with 1-based line and column, for error messages that point at
// the word at fault.

import type { SourceSpan } from '../util/diagnostics.js';

/** A whitespace-separated word with its 1-based position. */
export interface Word {
  text: string;
  line: number;
  col: number;
}

/** Lines of a text file, without their line terminators (`\n` or `\r\n`). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/** The words of one line, with columns (1-based, counting characters as the line has them). */
export function wordsOf(line: string, lineNo: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], line: lineNo, col: m.index + 1 });
  return out;
}

/** Every word of a text, in order (for formats where line breaks are not significant). */
export function wordsOfText(text: string): Word[] {
  const words: Word[] = [];
  splitLines(text).forEach((line, i) => { for (const w of wordsOf(line, i + 1)) words.push(w); });
  return words;
}

export function spanOf(w: Word): SourceSpan {
  return { line: w.line, col: w.col, length: w.text.length };
}
