import { EmptyFileSystem } from 'langium';
import { createArchwrightServices } from '../../server/src/module.js';

/** The fuzzer's own parser (the same services, in process): does a text parse, and its tokens. */
const { Archwright } = createArchwrightServices(EmptyFileSystem);

/** True when the text has neither lexing nor parsing errors. */
export function parses(text: string): boolean {
    const result = Archwright.parser.LangiumParser.parse(text);
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0;
}

/** Every token and comment of the text, in order, as `TYPE image`: what formatting must keep. */
export function tokenStream(text: string): string[] {
    const { tokens, hidden } = Archwright.parser.Lexer.tokenize(text);
    return [...tokens, ...hidden]
        .filter(token => token.tokenType.name !== 'WS')
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(token => `${token.tokenType.name} ${token.image}`);
}
