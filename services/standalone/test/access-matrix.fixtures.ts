import { randomUUID } from 'node:crypto';
import {
  AllegationReceived,
  AuditCheckpointSigned,
  createEvent,
  type DataOf,
  type EventDefinition,
  type ServiceName,
} from '@reprisals/contracts';
import { EventEnvelopeCodec, type TransportMessage } from '@reprisals/messaging';
import { eventually } from '@reprisals/testing';
import { MATRIX_ENTITIES, type MatrixFixtures } from './access-matrix.requests';
import { CaseSharingSteps, shows } from './case-sharing.fixture';
import { call, tokenFor, type StandaloneSystem } from './system.fixture';

const { lead: LEAD, partner: PARTNER } = MATRIX_ENTITIES;

/** The data the matrix's valid requests build on, created through the running standalone system. */
export async function createMatrixFixtures(system: StandaloneSystem): Promise<MatrixFixtures> {
  const baseUrl = system.running.baseUrl;
  const steps = new CaseSharingSteps(() => baseUrl);
  const newCase: MatrixFixtures['newCase'] = async (options = {}) => {
    const { id } = await steps.recordCase(LEAD);
    if (options.consentToShare) await steps.recordConsent(id, LEAD);
    if (options.acceptedByPartner) {
      await steps.answerShare(id, await steps.offerShare(id, LEAD, PARTNER), PARTNER);
    }
    return id;
  };
  const sharedCase = await steps.recordCase(LEAD);
  await steps.recordConsent(sharedCase.id, LEAD);
  await steps.answerShare(sharedCase.id, await steps.offerShare(sharedCase.id, LEAD, PARTNER), PARTNER);
  await eventually(async () => Object.values(await steps.viewOf(sharedCase, PARTNER)).every(shows), {
    description: 'every service to show the shared case to the partner',
  });
  const deadLetters = new DeadLetterPool(system);
  return {
    sharedCase,
    steps,
    newCase,
    deadLetter: (service) => deadLetters.take(service),
    setUp: async (role, method, path, body) => {
      const answer = await call(baseUrl, method, path, {
        token: await tokenFor(role, LEAD, `matrix-set-up-${role}`),
        ...(body === undefined ? {} : { body }),
      });
      if (answer.status < 200 || answer.status >= 300) {
        throw new Error(`${method} ${path} as ${role}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return answer.body;
    },
  };
}

/** An event each service consumes, and a valid instance of it for a key. */
const CONSUMED: Record<ServiceName, (key: string) => TransportMessage> = {
  // Intake is the witness of reporting's audit chain.
  intake: (key) =>
    envelope(AuditCheckpointSigned.reporting, key, {
      checkpointId: randomUUID(),
      service: 'reporting',
      lastSeq: '1',
      headHash: '0'.repeat(64),
      recordCount: 1,
      keyId: 'matrix',
      algorithm: 'Ed25519',
      signature: 'matrix',
      createdAt: new Date().toISOString(),
    }),
  verification: (key) => allegationReceived(key),
  'state-communication': (key) => allegationReceived(key),
  reporting: (key) => allegationReceived(key),
};

const EVENTS_PER_BATCH = 8;

/**
 * Dead letters nobody has replayed, one per call, made in batches: events the service consumes,
 * with a payload that breaks their contract, published on the system's transport. The service
 * dead-letters each one (once per subscription to it); an operator's replay finds it still
 * broken and keeps it listed.
 */
class DeadLetterPool {
  private readonly unused = new Map<ServiceName, string[]>();
  private readonly batches = new Map<ServiceName, Promise<void>>();

  constructor(private readonly system: StandaloneSystem) {}

  async take(service: ServiceName): Promise<string> {
    for (;;) {
      const id = this.unused.get(service)?.shift();
      if (id) return id;
      let batch = this.batches.get(service);
      if (!batch) {
        batch = this.deadLetterBatch(service).finally(() => this.batches.delete(service));
        this.batches.set(service, batch);
      }
      await batch;
    }
  }

  private async deadLetterBatch(service: ServiceName): Promise<void> {
    const keys: string[] = Array.from({ length: EVENTS_PER_BATCH }, () => randomUUID());
    await this.system.transport.publish(
      keys.map((key) => ({ ...CONSUMED[service](key), value: JSON.stringify({ caseId: key }) })),
    );
    const admin = await tokenFor('admin', LEAD, 'matrix-set-up-admin');
    const letters = await eventually(
      async () => {
        const listed = await call(this.system.running.baseUrl, 'GET', `/${service}/dead-letters`, {
          token: admin,
        });
        const ours = ((listed.body?.deadLetters ?? []) as Array<{ id: string; caseId: string }>).filter(
          (letter) => keys.includes(letter.caseId),
        );
        return keys.every((key) => ours.some((letter) => letter.caseId === key)) && ours;
      },
      { description: `${service} to dead-letter the broken events` },
    );
    this.unused.set(service, [...(this.unused.get(service) ?? []), ...letters.map((letter) => letter.id)]);
  }
}

function allegationReceived(key: string): TransportMessage {
  return envelope(AllegationReceived, key, {
    caseId: key,
    reference: 'REP-2026-999999',
    stateConcerned: 'ABC',
    receivedVia: 'email',
    receivedOn: '2026-05-02',
    leadEntity: LEAD,
    victims: [],
    cooperation: null,
    acts: [],
  });
}

function envelope<D extends EventDefinition>(definition: D, key: string, data: DataOf<D>): TransportMessage {
  return new EventEnvelopeCodec().encode(
    createEvent(definition, data, {
      caseId: key,
      actor: { kind: 'system', service: definition.producer },
      occurredAt: new Date(),
    }),
  );
}
