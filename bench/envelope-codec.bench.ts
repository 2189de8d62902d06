/**
 * Encoding and decoding one event (CloudEvents binary mode, contract validation both ways,
 * upcasting), against plain JSON serialisation of the same data as the baseline.
 */
import { randomUUID } from 'node:crypto';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { EventEnvelopeCodec } from '@reprisals/messaging';
import { measure, printComparison, progress } from './bench-report';

export async function benchEnvelopeCodec(count = 20_000): Promise<void> {
  const codec = new EventEnvelopeCodec();
  const events = Array.from({ length: 200 }, () => {
    const caseId = randomUUID();
    return createEvent(
      AllegationReceived,
      {
        caseId,
        reference: 'REP-2026-000123',
        stateConcerned: 'BLR',
        receivedVia: 'email',
        receivedOn: '2026-05-02',
        leadEntity: 'OHCHR',
        victims: [],
        cooperation: null,
        acts: [],
      },
      {
        caseId,
        actor: { kind: 'user', sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' },
        occurredAt: new Date(),
      },
    );
  });
  progress(`envelope codec: ${count} round trips`);
  const baseline = await measure('JSON round trip', count, () => {
    for (let index = 0; index < count; index += 1) {
      const event = events[index % events.length]!;
      JSON.parse(JSON.stringify(event));
    }
  });
  const subject = await measure('envelope round trip', count, () => {
    for (let index = 0; index < count; index += 1) {
      codec.decode(codec.encode(events[index % events.length]!));
    }
  });
  printComparison('Envelope codec: encode + validate + decode + validate, per event', baseline, subject);
}
