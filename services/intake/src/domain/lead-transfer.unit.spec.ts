import { ShareRefused } from './case-share';
import { acceptLeadTransfer, requestLeadTransfer } from './lead-transfer';

const request = {
  transferId: 't-1',
  caseId: 'c-1',
  leadEntity: 'OHCHR-COL',
  callerEntity: 'OHCHR-COL',
  toEntity: 'OHCHR',
};

describe('transferring the lead of a case', () => {
  it('given the lead entity, when it asks to hand over, then the transfer is requested', () => {
    expect(requestLeadTransfer(request)).toMatchObject({
      fromEntity: 'OHCHR-COL',
      toEntity: 'OHCHR',
      status: 'requested',
    });
  });

  it('given another entity, when it asks to hand over, then it is refused', () => {
    expect(() => requestLeadTransfer({ ...request, callerEntity: 'UNDP' })).toThrow(ShareRefused);
  });

  it('given a request, when the receiving entity accepts, then it is accepted; nobody else can, and not twice', () => {
    const requested = requestLeadTransfer(request);
    expect(() => acceptLeadTransfer(requested, 'UNDP', 'OHCHR-COL')).toThrow(ShareRefused);
    const accepted = acceptLeadTransfer(requested, 'OHCHR', 'OHCHR-COL');
    expect(accepted.status).toBe('accepted');
    expect(() => acceptLeadTransfer(accepted, 'OHCHR', 'OHCHR')).toThrow(ShareRefused);
  });

  it('given two requests, when one is accepted, then the other has lapsed', () => {
    const toUndp = requestLeadTransfer({ ...request, transferId: 't-2', toEntity: 'UNDP' });
    expect(() => acceptLeadTransfer(toUndp, 'UNDP', 'OHCHR')).toThrow(ShareRefused);
  });
});
