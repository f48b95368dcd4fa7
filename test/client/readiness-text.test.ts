import { describe, expect, it } from 'vitest';
import type { ReadinessGap, ReadinessResult } from '../../server/src/protocol.js';
import { escapeMarkdown, gapLink, readinessReport, statusBarText, statusBarTooltip } from '../../client/src/readiness/readiness-text.js';

function gap(rule: string, line: number, message: string, uri = 'file:///ws/shop.arch'): ReadinessGap {
    return { rule, severity: 'warning', message, uri, range: { start: { line, character: 2 }, end: { line, character: 9 } } };
}

function result(stage: ReadinessResult['stage'], target: ReadinessResult['target'], gaps: ReadinessGap[]): ReadinessResult {
    const ids = [...new Set(gaps.map(g => g.rule))];
    return { stage, target, gaps, rules: ids.map(id => ({ id, summary: `Summary of ${id}.`, count: gaps.filter(g => g.rule === id).length })) };
}

const displayPath = (uri: string) => uri.replace('file:///ws/', '');

describe('readiness status bar text', () => {
    it('shows the stage, the next one and the count of gaps', () => {
        const gaps = Array.from({ length: 7 }, (_, i) => gap('missing-backup', i, 'm'));
        expect(statusBarText(result('design', 'production', gaps))).toBe('design → production: 7 gaps');
        expect(statusBarText(result('whiteboard', 'design', [gap('missing-technology', 1, 'm')]))).toBe('whiteboard → design: 1 gap');
    });

    it('shows production alone when the model is already at the last stage', () => {
        expect(statusBarText(result('production', 'production', []))).toBe('production: ready');
        expect(statusBarText(result('production', 'production', [gap('a', 1, 'm'), gap('b', 2, 'm'), gap('c', 3, 'm')]))).toBe('production: 3 gaps');
    });

    it('says ready when nothing is missing for the next stage', () => {
        expect(statusBarText(result('design', 'production', []))).toBe('design → production: ready');
        expect(statusBarTooltip(result('design', 'production', []))).toContain('Nothing is missing for production');
    });
});

describe('readiness report', () => {
    const report = readinessReport(result('design', 'production', [
        gap('missing-backup', 11, 'orders-db has no backup: add backup daily.'),
        gap('missing-backup', 30, 'files has no backup: add backup daily.', 'file:///ws/sub/storage.arch'),
        gap('single-point-of-failure', 4, 'orders runs as one replica: add replicas 2 or more.')
    ]), { displayPath });

    it('has one heading per rule with its count and summary, in the server\'s order', () => {
        const headings = report.split('\n').filter(l => l.startsWith('## '));
        expect(headings).toEqual(['## `missing-backup` (2)', '## `single-point-of-failure` (1)']);
        expect(report).toContain('Summary of missing\\-backup\\.');
        expect(report.split('\n')[0]).toBe('# What is missing for production');
        expect(report).toContain('3 gaps to close');
    });

    it('links each gap to its file, line and column', () => {
        expect(report).toContain('- [shop\\.arch:12](file:///ws/shop.arch#L12,3) warning: orders\\-db has no backup: add backup daily\\.');
        expect(report).toContain('[sub/storage\\.arch:31](file:///ws/sub/storage.arch#L31,3)');
    });

    it('lists gaps of a rule the server gave no summary for', () => {
        const partial: ReadinessResult = { ...result('design', 'production', [gap('missing-owner', 1, 'x')]), rules: [] };
        expect(readinessReport(partial, { displayPath })).toContain('## `missing-owner` (1)');
    });

    it('says so when nothing is missing', () => {
        const text = readinessReport(result('production', 'production', []), { displayPath });
        expect(text).toContain('Nothing is missing for production.');
        expect(text).not.toContain('## ');
    });

    it('keeps model text from becoming Markdown links or HTML', () => {
        expect(escapeMarkdown('[click](http://evil) <img src=x>')).toBe('\\[click\\]\\(http://evil\\) \\<img src=x\\>');
        expect(gapLink(gap('r', 0, 'm', 'file:///ws/a(1).arch'))).toBe('file:///ws/a%281%29.arch#L1,3');
    });
});
