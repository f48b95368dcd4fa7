import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const SYSTEM = `requirement fast "Fast checkout"

external payments "Stripe"

system shop "Shop" {
  service orders "Orders" {
    satisfies fast
  }
  database orders-db "Orders DB"
}
`;
const FLOWS = `person buyer "Buyer"

buyer -> shop.orders "places an order"
orders -> orders-db "stores it"
orders -> paymnts "charges the card"
`;

/** The README's setup for Neovim 0.7 to 0.9, exactly as written there but for the command. */
function readmeSetup(): string {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /^Neovim 0\.7 to 0\.9[^]*?```lua\n([^]*?)```/m.exec(readme)?.[1];
    if (!block) throw new Error('README.md has no ```lua block after "Neovim 0.7 to 0.9"');
    const command = "cmd = { 'archwright', 'lsp', '--stdio' }";
    if (!block.includes(command)) throw new Error(`the README's Neovim 0.7 to 0.9 setup no longer says ${command}`);
    // The built command line with the test's own Node, as `archwright` on the PATH would run it.
    return block.replace(command, `cmd = { ${lua(process.execPath)}, ${lua(join(ROOT, 'bin', 'archwright.js'))}, 'lsp', '--stdio' }`);
}

/** A Lua string literal (JSON's escapes for quotes, backslashes and control characters are Lua's too). */
const lua = (text: string) => JSON.stringify(text);

/** The zero-based line and character where `text` starts in `source` (after `after`, when given). */
function positionOf(source: string, text: string, after = 0): { line: number; character: number } {
    const offset = source.indexOf(text, after);
    if (offset < 0) throw new Error(`${text} is not in the model`);
    const before = source.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}

const typo = positionOf(FLOWS, 'paymnts');
const afterShopDot = positionOf(FLOWS, 'orders', FLOWS.indexOf('shop.'));
const ordersDb = positionOf(FLOWS, 'orders-db');

/** What Neovim does once started: open flows.arch, wait for diagnostics, ask, edit, write the answers as JSON, quit. */
function script(result: string): string {
    return `
local out = {}
local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity })
  end
  return list
end
local ok, err = pcall(function()
  vim.cmd('edit flows.arch')
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  vim.wait(8000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  -- Counted once initialized: Neovim 0.7 lists a client as a buffer's only from then on.
  out.clients = vim.tbl_count(vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf))
  if out.clients == 0 then error('no client attached to flows.arch, whose filetype is "' .. out.filetype .. '"') end
  out.diagnostics = diagnostics(buf)
  local uri = vim.uri_from_bufnr(buf)
  local function request(method, position)
    local answers, request_err = vim.lsp.buf_request_sync(buf, method, { textDocument = { uri = uri }, position = position }, 8000)
    if not answers then error(method .. ': ' .. tostring(request_err)) end
    local results = {}
    for _, answer in pairs(answers) do
      if answer.err then error(method .. ': ' .. vim.inspect(answer.err)) end
      table.insert(results, answer.result)
    end
    return results
  end
  out.completion = request('textDocument/completion', { line = ${afterShopDot.line}, character = ${afterShopDot.character} })
  out.definition = request('textDocument/definition', { line = ${ordersDb.line}, character = ${ordersDb.character + 3} })
  -- Fix the typo as a user would: Neovim sends it as an incremental change.
  vim.api.nvim_buf_set_text(buf, ${typo.line}, ${typo.character}, ${typo.line}, ${typo.character + 'paymnts'.length}, { 'payments' })
  vim.wait(8000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  out.diagnostics_after_edit = diagnostics(buf)
end)
if not ok then out.error = tostring(err) end
local file = assert(io.open(${lua(result)}, 'w'))
file:write(vim.json.encode(out))
file:close()
vim.cmd('qa!')
`;
}

interface Results {
    error?: string;
    filetype: string;
    clients: number;
    diagnostics: { lnum: number; col: number; code: string; message: string; severity: number }[];
    diagnostics_after_edit: unknown[];
    completion: ({ items: { label: string }[] } | { label: string }[])[];
    definition: ({ uri: string; range: { start: { line: number } } } | { targetUri: string; targetSelectionRange: { start: { line: number } } })[][];
}

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvim = version.status === 0 ? version.stdout.split('\n')[0] : undefined;

/** Neovim's own LSP client (vim.lsp), set up as the README says, against `archwright lsp --stdio`. */
describe.skipIf(!nvim)(nvim ? `${nvim} as the LSP client of archwright lsp --stdio` : 'Neovim as an LSP client: skipped, nvim is not on the PATH (apt-get install neovim)', () => {
    let dir: string;
    let results: Results;

    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'archwright-nvim-'));
        const model = join(dir, 'model');
        mkdirSync(model);
        writeFileSync(join(model, 'system.arch'), SYSTEM);
        writeFileSync(join(model, 'flows.arch'), FLOWS);
        writeFileSync(join(dir, 'init.lua'), readmeSetup());
        writeFileSync(join(dir, 'check.lua'), script(join(dir, 'result.json')));
        // Neovim in the model folder (the setup's root), with no user configuration, shada or swap files;
        // its LSP log goes to the temporary folder (stdpath 'cache' in 0.7, 'log' in newer ones).
        const env = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state') };
        const run = spawn('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua'), '-i', 'NONE', '-n', '-c', `luafile ${join(dir, 'check.lua')}`], { cwd: model, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        run.stdout.on('data', chunk => output += chunk);
        run.stderr.on('data', chunk => output += chunk);
        // A stuck run is killed with its process group, which holds the server in Neovim 0.7 (newer ones
        // detach it, and it exits when its stdin closes).
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try { process.kill(-run.pid!, 'SIGKILL'); } catch { /* already gone */ }
        }, 20_000);
        const code = await new Promise<number | null>(resolve => run.on('close', resolve));
        clearTimeout(timer);
        const result = join(dir, 'result.json');
        if (timedOut || code !== 0 || !existsSync(result)) {
            throw new Error(`nvim ${timedOut ? 'was killed after 20 s' : `exited ${code}`}${existsSync(result) ? '' : ' without writing its results'}\n${output}\nLSP log:\n${lspLog(dir)}`);
        }
        results = JSON.parse(readFileSync(result, 'utf8')) as Results;
        if (results.error) throw new Error(`the Neovim script failed: ${results.error}\nLSP log:\n${lspLog(dir)}`);
    }, 30_000);

    afterAll(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('attaches the server to a .arch file', () => {
        expect(results.filetype).toBe('archwright');
        expect(results.clients).toBe(1);
    });

    it('shows the unresolved reference with its code and the nearest id', () => {
        expect(results.diagnostics).toEqual([expect.objectContaining({ lnum: typo.line, col: typo.character, code: 'unresolved-reference', severity: 1 })]);
        expect(results.diagnostics[0].message).toMatch(/did you mean payments/);
    });

    it('completes the elements inside shop after "shop."', () => {
        const labels = results.completion.flatMap(list => (Array.isArray(list) ? list : list.items).map(item => item.label));
        expect(labels).toContain('orders');
        expect(labels).toContain('orders-db');
        expect(labels).not.toContain('payments');
    });

    it('goes to the definition in the other file', () => {
        const where = results.definition.flat().map(l => 'targetUri' in l ? [l.targetUri, l.targetSelectionRange.start.line] : [l.uri, l.range.start.line]);
        expect(where).toEqual([[pathToFileURL(join(dir, 'model', 'system.arch')).toString(), positionOf(SYSTEM, 'orders-db').line]]);
    });

    it('clears the diagnostic once the typo is fixed in the buffer', () => {
        expect(results.diagnostics_after_edit).toEqual([]);
    });

    it('leaves no errors in Neovim\'s LSP log', () => {
        expect(lspLog(dir)).not.toMatch(/\[ERROR\]/);
    });
});

/** Neovim's LSP log: in stdpath('cache') up to 0.9, in stdpath('log') (under XDG_STATE_HOME) from 0.10. */
function lspLog(dir: string): string {
    const logs = [join(dir, 'cache', 'nvim', 'lsp.log'), join(dir, 'state', 'nvim', 'lsp.log')].filter(existsSync);
    return logs.map(file => readFileSync(file, 'utf8')).join('\n') || '(none)';
}
