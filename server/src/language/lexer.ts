import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

/**
 * Langium's lexer, with the tokens of ordinary text made by hand: a loop over the characters
 * that makes the very tokens Chevrotain's lexer makes (the same fields, positions and token
 * types, comments in the `hidden` group, whitespace skipped), at about a fifth of its cost when
 * the code is cold. Text it is not sure of goes to Chevrotain: a character no token starts with
 * (a lexer error), whitespace or letters outside ASCII, an unclosed string, comment or text block,
 * a backslash before a line break in a string. `test/language/lexer.test.ts` compares both on the
 * fixtures, the benchmark's models and mutations.
 *
 * It follows the terminals of `archwright.langium` and Langium's keyword tokens (a keyword wins
 * over an id of the same length; a longer id wins over the keyword), and checks them when it is made.
 */
export class ArchwrightLexer extends DefaultLexer {
    private readonly types: Terminals;
    /** The keywords made of letters (`service`, `at-rest`), which the id pattern matches whole. */
    private readonly words = new Map<string, TokenType>();

    constructor(services: LangiumCoreServices) {
        super(services);
        const definition = this.definition as Record<string, TokenType>;
        const type = (name: string) => {
            const found = definition[name];
            if (!found) throw new Error(`The grammar has no token '${name}'`);
            return found;
        };
        this.types = {
            ID: type('ID'), STRING: type('STRING'), TEXT_BLOCK: type('TEXT_BLOCK'), INT: type('INT'), PERCENT: type('PERCENT'), DURATION: type('DURATION'),
            ML_COMMENT: type('ML_COMMENT'), SL_COMMENT: type('SL_COMMENT'),
            LBRACE: type('{'), RBRACE: type('}'), COMMA: type(','), DOT: type('.'), STAR: type('*'), ARROW: type('->')
        };
        const punctuation = new Set(['{', '}', ',', '.', '*', '->']);
        for (const [name, tokenType] of Object.entries(definition)) {
            if (typeof tokenType.PATTERN !== 'string' || punctuation.has(name)) continue;
            if (!/^[_a-zA-Z][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*$/.test(name)) throw new Error(`The lexer does not know the keyword '${name}'`);
            this.words.set(name, tokenType);
        }
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const lexed = this.tokenizeByHand(text);
        if (!lexed) return super.tokenize(text, options);
        return { tokens: lexed.tokens, errors: [], hidden: lexed.hidden, report: this.tokenBuilder.flushLexingReport?.(text) };
    }

    /** The tokens and comments of the text, as Chevrotain makes them; undefined when it is not sure of the text. */
    tokenizeByHand(text: string): { tokens: IToken[]; hidden: IToken[] } | undefined {
        const t = this.types;
        const tokens: IToken[] = [];
        const hidden: IToken[] = [];
        const length = text.length;
        let line = 1;
        // The offset where the current line starts: a token's column is its offset from there, plus one.
        let lineStart = 0;
        let i = 0;
        while (i < length) {
            const c = text.charCodeAt(i);
            // Whitespace: skipped, its line breaks counted (\n, \r\n and a lone \r, as Chevrotain counts them).
            if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) {
                do {
                    const w = text.charCodeAt(i);
                    if (w === 10) {
                        line++;
                        lineStart = i + 1;
                    } else if (w === 13) {
                        if (text.charCodeAt(i + 1) === 10) i++;
                        line++;
                        lineStart = i + 1;
                    } else if (w !== 32 && w !== 9 && w !== 11 && w !== 12) {
                        break;
                    }
                    i++;
                } while (i < length);
                continue;
            }
            const column = i - lineStart + 1;
            let end: number;
            let type: TokenType;
            // Comments go to the hidden group; text blocks and block comments may span lines.
            let into = tokens;
            let spansLines = false;
            // An id's text, cut once.
            let image: string | undefined;
            if (isIdStart(c)) {
                end = i + 1;
                while (end < length && isIdPart(text.charCodeAt(end))) end++;
                while (text.charCodeAt(end) === 45 && end + 1 < length && isIdPart(text.charCodeAt(end + 1))) {
                    end += 2;
                    while (end < length && isIdPart(text.charCodeAt(end))) end++;
                }
                // A keyword wins over an id of its length; a longer id wins over the keyword.
                image = text.substring(i, end);
                type = this.words.get(image) ?? t.ID;
            } else if (c >= 48 && c <= 57) {
                let digits = i + 1;
                while (isDigit(text.charCodeAt(digits))) digits++;
                const next = text.charCodeAt(digits);
                if (next === 37) {
                    end = digits + 1;
                    type = t.PERCENT;
                } else if (next === 46 && isDigit(text.charCodeAt(digits + 1))) {
                    let fraction = digits + 2;
                    while (isDigit(text.charCodeAt(fraction))) fraction++;
                    if (text.charCodeAt(fraction) === 37) {
                        end = fraction + 1;
                        type = t.PERCENT;
                    } else {
                        end = digits;
                        type = t.INT;
                    }
                } else if ((next === 104 || next === 100 || next === 119 || next === 109 || next === 121) && !isIdPart(text.charCodeAt(digits + 1))) {
                    end = digits + 1;
                    type = t.DURATION;
                } else {
                    end = digits;
                    type = t.INT;
                }
            } else if (c === 34 && text.charCodeAt(i + 1) === 34 && text.charCodeAt(i + 2) === 34) {
                const close = text.indexOf('"""', i + 3);
                if (close < 0) return undefined;
                end = close + 3;
                type = t.TEXT_BLOCK;
                spansLines = true;
            } else if (c === 34) {
                end = i + 1;
                for (;;) {
                    if (end >= length) return undefined;
                    const s = text.charCodeAt(end);
                    if (s === 34) break;
                    if (s === 92) {
                        const escaped = text.charCodeAt(end + 1);
                        // `\\.`: the dot takes no line break (nor the end of the text).
                        if (end + 1 >= length || escaped === 10 || escaped === 13 || escaped === 0x2028 || escaped === 0x2029) return undefined;
                        end += 2;
                        continue;
                    }
                    if (s === 10 || s === 13) return undefined;
                    end++;
                }
                end++;
                type = t.STRING;
            } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
                const close = text.indexOf('*/', i + 2);
                if (close < 0) return undefined;
                end = close + 2;
                type = t.ML_COMMENT;
                into = hidden;
                spansLines = true;
            } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
                end = i + 2;
                while (end < length) {
                    const s = text.charCodeAt(end);
                    if (s === 10 || s === 13) break;
                    end++;
                }
                type = t.SL_COMMENT;
                into = hidden;
            } else {
                switch (c) {
                    case 123: type = t.LBRACE; break;
                    case 125: type = t.RBRACE; break;
                    case 44: type = t.COMMA; break;
                    case 46: type = t.DOT; break;
                    case 42: type = t.STAR; break;
                    case 45:
                        if (text.charCodeAt(i + 1) !== 62) return undefined;
                        type = t.ARROW;
                        break;
                    default:
                        return undefined;
                }
                end = c === 45 ? i + 2 : i + 1;
            }
            if (spansLines) {
                const block = multiLine(text, i, end, line, column, type);
                into.push(block.token);
                if (block.lines > 0) {
                    line += block.lines;
                    lineStart = block.lineStart;
                }
            } else {
                into.push(token(image ?? text.substring(i, end), i, line, column, type));
            }
            i = end;
        }
        return { tokens, hidden };
    }
}

interface Terminals {
    ID: TokenType;
    STRING: TokenType;
    TEXT_BLOCK: TokenType;
    INT: TokenType;
    PERCENT: TokenType;
    DURATION: TokenType;
    ML_COMMENT: TokenType;
    SL_COMMENT: TokenType;
    LBRACE: TokenType;
    RBRACE: TokenType;
    COMMA: TokenType;
    DOT: TokenType;
    STAR: TokenType;
    ARROW: TokenType;
}

/** A token on one line, with the fields (in the order) of Chevrotain's full tokens. */
function token(image: string, offset: number, line: number, column: number, type: TokenType): IToken {
    return {
        image,
        startOffset: offset,
        endOffset: offset + image.length - 1,
        startLine: line,
        endLine: line,
        startColumn: column,
        endColumn: column + image.length - 1,
        tokenTypeIdx: type.tokenTypeIdx!,
        tokenType: type
    };
}

/** A token that may span lines (a text block, a block comment): its end, and the lines it moves the ones after it by. */
function multiLine(text: string, start: number, end: number, line: number, column: number, type: TokenType): { token: IToken; lines: number; lineStart: number } {
    const made = token(text.substring(start, end), start, line, column, type);
    let lines = 0;
    let lineStart = 0;
    for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
            if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
            lines++;
            lineStart = i + 1;
        }
    }
    if (lines > 0) {
        // Such a token never ends in a line break (it ends in `*/` or `"""`).
        made.endLine = line + lines;
        made.endColumn = end - lineStart;
    }
    return { token: made, lines, lineStart };
}

function isIdStart(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdPart(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
}
