import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

function show(token: IToken): string {
    return token.tokenType.name === 'EOF' ? 'the end of the file' : `'${token.image}'`;
}

function describe(type: TokenType): string {
    switch (type.name) {
        case 'STRING': return 'a string';
        case 'TEXT_BLOCK': return 'a """text block"""';
        case 'INT': return 'a number';
        case 'PERCENT': return 'a percentage like 99.9%';
        case 'DURATION': return 'a duration like 30d';
        case 'ID': return 'an id';
        default: return typeof type.PATTERN === 'string' ? type.PATTERN : type.name;
    }
}

function oneOf(words: string[]): string {
    const unique = [...new Set(words)];
    if (unique.length <= 1) return unique[0] ?? 'something else';
    if (unique.length > 12) return `${unique.slice(0, 12).join(', ')}...`;
    return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Syntax errors that say what was found and which words would fit there. */
export class ArchwrightParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return `Expected ${describe(expected)} but found ${show(actual)}.`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return `Unexpected ${show(firstRedundant)}: a declaration (element, flow, requirement, view...) was expected here.`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        const firsts = expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean).map(describe);
        return `Unexpected ${show(actual[0])}: expected ${oneOf(firsts)}.`;
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const firsts = expectedIterationPaths.map(path => path[0]).filter(Boolean).map(describe);
        return `Unexpected ${show(actual[0])}: expected at least one ${oneOf(firsts)}.`;
    }
}
