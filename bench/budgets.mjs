// The budgets of the performance issue, as checks over the rows bench/run.mjs measured.
const find = (rows, measure, size) => rows.find(r => r.measure === measure && r.size === size)?.value;

export const BUDGETS = [
    { measure: 'archwright check (wall)', size: 'M', max: 800 },
    { measure: 'archwright check (wall)', size: 'L', max: 3000 },
    { measure: 'server: edit to diagnostics p95', size: 'M', max: 50 },
    { measure: 'server: edit to diagnostics p95', size: 'L', max: 250 },
    { measure: 'server: completion p95', size: 'M', max: 30 },
    { measure: 'server: definition p95', size: 'M', max: 10 },
    { measure: 'server: hover p95', size: 'M', max: 10 },
    { measure: /^mermaid text: .* p50$/, size: '200', max: 5 },
    { measure: 'preview: model change to SVG p50', size: '100', max: 300 },
    { measure: 'server peak memory MB', size: 'L', max: 300, unit: 'MB' },
    { text: 'check L / check M (cpu)', limit: '≤ 12', derived: rows => ratio(rows, 'archwright check (cpu)', 'L', 'archwright check (cpu)', 'M'), ok: v => v <= 12 },
    { text: 'likec4 validate / archwright check at M (wall)', limit: '≥ 3', derived: rows => ratio(rows, 'likec4 validate --no-layout (wall)', 'M', 'archwright check (wall)', 'M'), ok: v => v >= 3 },
    { text: 'likec4 validate / archwright check at L (wall)', limit: '≥ 3', derived: rows => ratio(rows, 'likec4 validate --no-layout (wall)', 'L', 'archwright check (wall)', 'L'), ok: v => v >= 3 },
    { text: 'likec4 / archwright edit to diagnostics p95 at M', limit: '≥ 3', derived: rows => ratio(rows, 'likec4 lsp: edit to diagnostics p95', 'M', 'server: edit to diagnostics p95', 'M'), ok: v => v >= 3 },
    { text: 'likec4 / archwright edit to diagnostics p95 at L', limit: '≥ 3', derived: rows => ratio(rows, 'likec4 lsp: edit to diagnostics p95', 'L', 'server: edit to diagnostics p95', 'L'), ok: v => v >= 3 }
];

function ratio(rows, a, sa, b, sb) {
    const x = find(rows, a, sa), y = find(rows, b, sb);
    return x !== undefined && y ? x / y : undefined;
}

/** The budget that applies to a row, with whether it is met. */
export function judge(row) {
    const b = BUDGETS.find(b => b.max !== undefined && b.size === row.size && (b.measure instanceof RegExp ? b.measure.test(row.measure) : b.measure === row.measure));
    if (!b || row.value === undefined) return undefined;
    return { text: `≤ ${b.max}${b.unit === 'MB' ? ' MB' : ' ms'}`, met: row.value <= b.max };
}
