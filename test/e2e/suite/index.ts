import Mocha from 'mocha';
import { editorTests } from './editor.test.js';

// The entry point that VS Code's extension host loads as `extensionTestsPath` (bundled by
// test/e2e/build-suite.mjs into out/test/e2e/suite.js): runs the suite and rejects when a test fails.
// Under code-server the console output reaches the harness through the smoke-test driver.

export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    // Plain text: the report travels through the workbench's log into files and CI output.
    Mocha.reporters.Base.useColors = false;
    const grep = process.env.ARCHWRIGHT_E2E_GREP;
    if (grep) mocha.grep(grep);
    // The tests register through the globals that mocha's `pre-require` defines.
    mocha.suite.emit('pre-require', globalThis, 'editor.test.ts', mocha);
    suite('Archwright in VS Code', editorTests);
    let passed = 0;
    const failures = await new Promise<number>(resolve => mocha.run(resolve).on('pass', () => passed++));
    // A line the harness reads, in the plain form any CI understands.
    console.log(`extension host: ${passed} passed, ${failures} failed`);
    if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
