import { describe, expect, it } from 'vitest';
import { findChromium } from '../../server/src/cli/render-images.js';

describe('finding Chromium for export --format svg|png', () => {
    it('takes CHROME_PATH first, then the usual places in order', () => {
        expect(findChromium({ CHROME_PATH: process.execPath }, ['/nowhere'])).toBe(process.execPath);
        expect(findChromium({}, ['/nowhere/chromium', process.execPath])).toBe(process.execPath);
    });

    it('names what to install when there is none', () => {
        expect(() => findChromium({}, ['/nowhere/chromium'])).toThrow('--format svg and png draw in a headless Chromium, and none was found: install Chromium (Debian and Ubuntu: apt-get install chromium) or Google Chrome, or set CHROME_PATH to its executable');
    });
});
