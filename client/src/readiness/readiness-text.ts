import type { ReadinessGap, ReadinessResult } from '../../../server/src/protocol.js';

// The words of the readiness status bar item and report, as pure functions of a ReadinessResult.
// This file must not import `vscode`: the unit tests load it in plain Node.

function gaps(count: number): string {
    return count === 1 ? '1 gap' : `${count} gaps`;
}

/** "design → production: 7 gaps", "production: ready", "production: 3 gaps". */
export function statusBarText(result: ReadinessResult): string {
    const stages = result.stage === result.target ? result.target : `${result.stage} → ${result.target}`;
    return `${stages}: ${result.gaps.length === 0 ? 'ready' : gaps(result.gaps.length)}`;
}

export function statusBarTooltip(result: ReadinessResult): string {
    const head = `Archwright model stage: ${result.stage}.`;
    if (result.gaps.length === 0) return `${head} Nothing is missing for ${result.target}.`;
    return `${head} ${gaps(result.gaps.length)} to close for ${result.target}: click for the report.`;
}

/** Escapes text for Markdown so that a message cannot become a link, heading or HTML. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, char => `\\${char}`).replace(/\r?\n/g, ' ');
}

/** A link that opens the gap's file at its line and column (1-based in the fragment). */
export function gapLink(gap: ReadinessGap): string {
    const { line, character } = gap.range.start;
    // Parentheses would end the Markdown link target early.
    return `${gap.uri}#L${line + 1},${character + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export interface ReportOptions {
    /** How to show a document's URI to the reader, e.g. relative to the workspace folder. */
    displayPath(uri: string): string;
}

/** The readiness report: a heading per rule with its gaps below, each a link to its place. */
export function readinessReport(result: ReadinessResult, options: ReportOptions): string {
    const lines = [`# What is missing for ${result.target}`, ''];
    const where = result.stage === result.target ? `is at stage **${result.stage}**` : `is at stage **${result.stage}**, the next is **${result.target}**`;
    if (result.gaps.length === 0) {
        lines.push(`The model ${where}. Nothing is missing for ${result.target}.`, '');
        return lines.join('\n');
    }
    lines.push(`The model ${where}: ${gaps(result.gaps.length)} to close.`, '');
    for (const rule of ruleOrder(result)) {
        const summary = result.rules.find(r => r.id === rule)?.summary;
        const ruleGaps = result.gaps.filter(g => g.rule === rule);
        lines.push(`## \`${rule}\` (${ruleGaps.length})`, '');
        if (summary) lines.push(escapeMarkdown(summary), '');
        for (const gap of ruleGaps) lines.push(gapLine(gap, options));
        lines.push('');
    }
    return lines.join('\n');
}

function gapLine(gap: ReadinessGap, options: ReportOptions): string {
    const place = `${options.displayPath(gap.uri)}:${gap.range.start.line + 1}`;
    return `- [${escapeMarkdown(place)}](${gapLink(gap)}) ${gap.severity}: ${escapeMarkdown(gap.message)}`;
}

/** The rules in the server's order, then any rule that has gaps but no summary. */
function ruleOrder(result: ReadinessResult): string[] {
    const order = result.rules.map(r => r.id);
    for (const gap of result.gaps) if (!order.includes(gap.rule)) order.push(gap.rule);
    return order.filter(rule => result.gaps.some(g => g.rule === rule));
}
