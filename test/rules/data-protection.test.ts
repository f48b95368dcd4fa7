import { describe, expect, it } from 'vitest';
import { codes, findings, header, severities } from './support.js';

const data = 'data profile "P" { class pii }\ndata card "C" { class payment }\ndata note "N" { class internal }\n';
const gdpr = 'constraint gdpr "GDPR" {\n  kind compliance\n  standard GDPR\n}\n';

describe('unencrypted-sensitive-flow', () => {
    const ends = 'service a "A"\ndatabase db "DB"\n';

    it('warns when a flow carries sensitive data in clear text', async () => {
        const text = header('production') + data + ends + 'a -> db {\n  protocol SQL\n  carries profile, note\n}\n';
        expect(await findings(text, 'unencrypted-sensitive-flow')).toEqual([
            '9:3 unencrypted-sensitive-flow The flow a -> db carries profile unencrypted: add encrypted, or use HTTPS, TLS or mTLS.'
        ]);
        expect(await severities(text, 'unencrypted-sensitive-flow')).toEqual(['warning']);
    });

    it('is an error when a compliance constraint governs the data, pointing at the constraint', async () => {
        const text = header('production') + gdpr + data + ends + 'a -> db {\n  protocol SQL\n  carries profile\n}\n';
        expect(await findings(text, 'unencrypted-sensitive-flow')).toEqual([
            '13:3 unencrypted-sensitive-flow The flow a -> db carries profile unencrypted (GDPR applies, see gdpr): add encrypted, or use HTTPS, TLS or mTLS.'
        ]);
        expect(await severities(text, 'unencrypted-sensitive-flow')).toEqual(['error']);
    });

    it('stays a warning when the constraint governs another class of data', async () => {
        const text = header('production') + gdpr + data + ends + 'a -> db {\n  protocol SQL\n  carries card\n}\n';
        expect(await severities(text, 'unencrypted-sensitive-flow')).toEqual(['warning']);
    });

    it('lets a rule setting change the governed severity too', async () => {
        const text = header('production', 'unencrypted-sensitive-flow info') + gdpr + data + ends + 'a -> db {\n  protocol SQL\n  carries profile\n}\n';
        expect(await severities(text, 'unencrypted-sensitive-flow')).toEqual(['info']);
    });

    it('treats encrypted, and protocols that always encrypt in any case, as encrypted', async () => {
        const text = header('production') + data + ends + 'a -> db {\n  protocol SQL\n  encrypted\n  carries profile\n}\na -> db {\n  protocol "https"\n  carries card\n}\na -> db {\n  protocol mtls\n  carries card\n}\n';
        expect(await codes(text, 'unencrypted-sensitive-flow')).toEqual([]);
    });

    it('ignores flows that carry only non-sensitive data', async () => {
        expect(await codes(header('production') + data + ends + 'a -> db {\n  protocol SQL\n  carries note\n}\n', 'unencrypted-sensitive-flow')).toEqual([]);
    });
});

describe('unencrypted-sensitive-store', () => {
    it('warns when a datastore stores sensitive data without encryption at rest, an error when governed', async () => {
        const text = header('production') + gdpr + data + 'database db "DB" { stores profile }\nstorage files "F" { stores card }\ncache c "C" {\n  stores profile\n  encryption at-rest\n}\n';
        expect(await findings(text, 'unencrypted-sensitive-store')).toEqual([
            '11:10 unencrypted-sensitive-store db stores profile without encryption at rest (GDPR applies, see gdpr): add encryption at-rest.',
            '12:9 unencrypted-sensitive-store files stores card without encryption at rest: add encryption at-rest.'
        ]);
        expect(await severities(text, 'unencrypted-sensitive-store')).toEqual(['error', 'warning']);
    });

    it('does not count a constraint of another kind as governing', async () => {
        const text = header('production') + 'constraint law "L" {\n  kind regulatory\n  standard GDPR\n}\n' + data + 'database db "DB" { stores profile }\n';
        expect(await severities(text, 'unencrypted-sensitive-store')).toEqual(['warning']);
    });
});

describe('missing-backup', () => {
    it('warns on databases and storages without backup, not on caches or queues', async () => {
        const text = header('production') + 'database db "DB"\nstorage s "S"\ncache c "C"\nqueue q "Q"\ndatabase ok "OK" { backup hourly retain 7d }\n';
        expect(await findings(text, 'missing-backup')).toEqual([
            '4:10 missing-backup The database db has no backup: add backup daily (or hourly, weekly, continuous), with retain DURATION if you like.',
            '5:9 missing-backup The storage s has no backup: add backup daily (or hourly, weekly, continuous), with retain DURATION if you like.'
        ]);
    });

    it('obeys rule missing-backup error and allow', async () => {
        expect(await severities(header('production', 'missing-backup error') + 'database db "DB"\n', 'missing-backup')).toEqual(['error']);
        expect(await codes(header('production') + 'database db "DB" {\n  allow missing-backup "rebuilt from events"\n}\n', 'missing-backup')).toEqual([]);
    });
});
