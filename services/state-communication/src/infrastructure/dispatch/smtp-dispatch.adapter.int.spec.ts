import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpDispatchAdapter } from './smtp-dispatch.adapter';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free port, keeping what it receives; `refuse` makes it reject recipients. */
async function smtpServer(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('dispatch by SMTP, against a real SMTP server', () => {
  it('given a communication, when delivered, then the Permanent Mission’s server receives it once, with its Message-ID and language', async () => {
    const server = await smtpServer();
    const adapter = new SmtpDispatchAdapter(server.url, 'reprisals@ohchr.example.org');
    try {
      await adapter.deliver({
        messageId: '2f0b6c1e-5a3d-4c1e-9a55-3f1f2f0c9b11',
        to: 'permanent-mission.blr@example.org',
        subject: 'Note verbale concerning case REP-2026-000001',
        body: 'The Office of the United Nations High Commissioner for Human Rights presents its compliments.',
        language: 'fr',
      });
      expect(server.received).toHaveLength(1);
      const [message] = server.received;
      expect(message).toMatchObject({
        from: 'reprisals@ohchr.example.org',
        to: ['permanent-mission.blr@example.org'],
      });
      expect(message!.data).toContain('Message-ID: <2f0b6c1e-5a3d-4c1e-9a55-3f1f2f0c9b11@ohchr.example.org>');
      expect(message!.data).toContain('Content-Language: fr');
      expect(message!.data).toContain('Subject: Note verbale concerning case REP-2026-000001');
    } finally {
      adapter.close();
      await server.close();
    }
  });

  it('given a server that refuses the recipient, when delivered, then the delivery fails (and the dispatch timer tries again)', async () => {
    const server = await smtpServer({ refuse: true });
    const adapter = new SmtpDispatchAdapter(server.url, 'reprisals@ohchr.example.org');
    try {
      await expect(
        adapter.deliver({
          messageId: 'a1b2c3d4-0000-4000-8000-000000000001',
          to: 'permanent-mission.nic@example.org',
          subject: 'Urgent appeal',
          body: 'Text',
          language: 'es',
        }),
      ).rejects.toThrow(/550|Mailbox unavailable/);
      expect(server.received).toEqual([]);
    } finally {
      adapter.close();
      await server.close();
    }
  });
});
