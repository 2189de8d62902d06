import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { Public } from '@reprisals/security';
import { ZodValidationPipe } from '@reprisals/service-platform';
import { z } from 'zod';
import type { ResponseProtocolDocument } from '../../domain/protocol-policy/response-protocol-policy.schema';
import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';

export interface ResponseProtocolSummary {
  version: string;
  title: string;
  effectiveFrom: string;
  /** The version new cases open under today. */
  inForce: boolean;
}

/** `v1` or `response-protocol/v1` (its slash URL-encoded). */
const versionSchema = z
  .string()
  .regex(/^(response-protocol\/)?v\d+$/, 'must look like v1 or response-protocol/v1')
  .transform((version) =>
    version.startsWith('response-protocol/') ? version : `response-protocol/${version}`,
  );

/**
 * The published rules: every case and every State is handled by the same protocol, and anyone
 * may read which rules applied (GA resolution 72/169: objectivity, non-selectivity).
 */
@ApiTags('verification: protocol')
@Public()
@Controller('verification/policies')
export class PublishResponseProtocolController {
  constructor(
    private readonly policies: ProtocolPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every published version of the response protocol, and the one in force' })
  list(): { policies: ResponseProtocolSummary[] } {
    const inForce = this.policies.inForce(this.clock.now()).version;
    return {
      policies: this.policies.all().map((policy) => ({
        version: policy.version,
        title: policy.document.title,
        effectiveFrom: policy.effectiveFrom,
        inForce: policy.version === inForce,
      })),
    };
  }

  @Get(':version')
  @ApiOperation({
    summary:
      'One version of the protocol in full: stages, steps with their performers and gates, the toolkit, the ladder, the urgent track and the timers',
  })
  @ApiNotFoundResponse({ description: 'No such version is published' })
  get(@Param('version', new ZodValidationPipe(versionSchema)) version: string): ResponseProtocolDocument {
    const policy = this.policies.get(version);
    if (!policy) throw new NotFoundException('No such version of the response protocol');
    return policy.document;
  }
}
