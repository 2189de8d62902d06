import { z } from 'zod';
import { entityCodeSchema } from '@reprisals/contracts';

export const requestLeadTransferCommandSchema = z
  .object({ toEntity: entityCodeSchema.describe('The UN entity that is to lead the case') })
  .strict();

export type RequestLeadTransferCommand = z.infer<typeof requestLeadTransferCommandSchema>;
