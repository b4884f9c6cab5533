/**
 * Where a JSON text first goes wrong, as line and column. Browsers word (and sometimes omit)
 * the position in JSON.parse's message differently, so the raw JSON editor finds it itself
 * with this small scanner and words the reason in the page's language.
 */

export type JsonSyntaxReason =
  | 'unexpectedEnd'
  | 'unexpectedCharacter'
  | 'unterminatedString'
  | 'badEscape'
  | 'badNumber'
  | 'expectedColon'
  | 'expectedCommaOrBrace'
  | 'expectedCommaOrBracket'
  | 'expectedKey'
  | 'trailingText';

export interface JsonSyntaxProblem {
  reason: JsonSyntaxReason;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as a textarea counts them. */
  column: number;
  offset: number;
  /** The character found there ('' at the end of the text). */
  found: string;
}

class SyntaxProblem extends Error {
  constructor(
    readonly reason: JsonSyntaxReason,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/** The first syntax problem of `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  try {
    const scanner = new Scanner(text);
    scanner.value();
    scanner.skipSpace();
    if (scanner.at < text.length) throw new SyntaxProblem('trailingText', scanner.at);
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const before = text.slice(0, error.offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      reason: error.reason,
      line: before.split('\n').length,
      column: error.offset - lineStart + 1,
      offset: error.offset,
      found: text.charAt(error.offset),
    };
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  private fail(reason: JsonSyntaxReason): never {
    throw new SyntaxProblem(this.at >= this.text.length ? 'unexpectedEnd' : reason, this.at);
  }

  value(): void {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    this.fail('unexpectedCharacter');
  }

  private object(): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') this.fail('expectedKey');
      this.string();
      this.skipSpace();
      if (this.text[this.at] !== ':') this.fail('expectedColon');
      this.at++;
      this.value();
      this.skipSpace();
      const next = this.text[this.at];
      if (next === '}') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail('expectedCommaOrBrace');
      this.at++;
    }
  }

  private array(): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ']') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail('expectedCommaOrBracket');
      this.at++;
    }
  }

  private string(): void {
    const opening = this.at;
    this.at++;
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === '\n' || char < ' ') this.fail('unterminatedString');
      if (char === '\\') {
        const escape = this.text[this.at + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
            this.at++;
            this.fail('badEscape');
          }
          this.at += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
          this.at++;
          this.fail('badEscape');
        }
        this.at += 2;
        continue;
      }
      this.at++;
    }
    // Ran to the end: the string that never closed is where the planner must look.
    throw new SyntaxProblem('unterminatedString', opening);
  }

  private number(): void {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('badNumber');
    this.at += match[0].length;
  }
}
