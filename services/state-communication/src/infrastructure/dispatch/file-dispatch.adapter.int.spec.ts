import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDispatchAdapter } from './file-dispatch.adapter';

describe('dispatch as .eml files', () => {
  it('given the same message delivered twice, at once and again, when written, then one whole file holds it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'dispatch-'));
    const adapter = new FileDispatchAdapter(directory, 'reprisals@ohchr.example.org');
    const message = {
      messageId: '2f0b6c1e-5a3d-4c1e-9a55-3f1f2f0c9b11',
      to: 'permanent-mission.blr@example.org',
      subject: 'Note verbale concerning case REP-2026-000001',
      body: 'Text of the note.',
      language: 'en',
    };
    try {
      await Promise.all([adapter.deliver(message), adapter.deliver(message)]);
      await adapter.deliver({ ...message, body: 'A different text under the same id.' });
      expect(readdirSync(directory)).toEqual([`${message.messageId}.eml`]);
      const mail = readFileSync(join(directory, `${message.messageId}.eml`), 'utf8');
      expect(mail).toContain('Message-ID: <2f0b6c1e-5a3d-4c1e-9a55-3f1f2f0c9b11@ohchr.example.org>');
      expect(mail).toContain('Text of the note.');
      expect(mail).not.toContain('A different text');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
