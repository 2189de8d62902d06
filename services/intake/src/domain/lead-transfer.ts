import { ShareRefused } from './case-share';

export type LeadTransferStatus = 'requested' | 'accepted';

/** The move of a case's lead to another entity, e.g. from a field presence to headquarters. */
export interface LeadTransfer {
  transferId: string;
  caseId: string;
  fromEntity: string;
  toEntity: string;
  status: LeadTransferStatus;
}

/** Only the lead entity asks to hand the case over, and only to another entity. */
export function requestLeadTransfer(input: {
  transferId: string;
  caseId: string;
  leadEntity: string;
  callerEntity: string;
  toEntity: string;
}): LeadTransfer {
  if (input.callerEntity !== input.leadEntity) {
    throw new ShareRefused('not-lead', 'toEntity', 'only the lead entity hands a case over');
  }
  if (input.toEntity === input.leadEntity)
    throw new ShareRefused('invalid', 'toEntity', 'is the lead entity itself');
  return {
    transferId: input.transferId,
    caseId: input.caseId,
    fromEntity: input.leadEntity,
    toEntity: input.toEntity,
    status: 'requested',
  };
}

/**
 * The receiving entity takes the lead; the request must be addressed to it, still open, and made
 * by the entity that leads the case now (a request made before another transfer has lapsed).
 */
export function acceptLeadTransfer(
  transfer: LeadTransfer,
  callerEntity: string,
  currentLead: string,
): LeadTransfer {
  if (transfer.toEntity !== callerEntity)
    throw new ShareRefused('not-offered-to-you', 'transferId', 'no such transfer');
  if (transfer.status !== 'requested') {
    throw new ShareRefused('wrong-status', 'transferId', `the transfer is ${transfer.status}`);
  }
  if (transfer.fromEntity !== currentLead) {
    throw new ShareRefused('wrong-status', 'transferId', 'the request lapsed when the case changed lead');
  }
  return { ...transfer, status: 'accepted' };
}
