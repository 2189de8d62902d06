import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DurableTimers } from '@reprisals/durable-timers';
import { CLOCK, type Clock } from '@reprisals/kernel';
import type { DataSource } from 'typeorm';
import type { VerificationCase } from '../domain/verification-case';
import { VERIFICATION_DATA_SOURCE } from '../infrastructure/persistence/verification-data-source';
import { VerificationCaseRepository } from '../infrastructure/persistence/verification-case.repository';
import { verificationCaseView, type VerificationCaseView } from './verification-case.view';

/** Reads a case's protocol state with its timers, as the routes answer it. */
@Injectable()
export class VerificationCaseReader {
  private readonly cases = new VerificationCaseRepository();
  private readonly timers = new DurableTimers();

  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(caseId: string): Promise<VerificationCaseView | undefined> {
    const current = await this.cases.read(this.dataSource.manager, caseId);
    return current ? this.viewOf(current) : undefined;
  }

  async viewOf(current: VerificationCase): Promise<VerificationCaseView> {
    const timers = await this.timers.ofCase(this.dataSource.manager, current.caseId);
    return verificationCaseView(current, timers, this.clock.now());
  }
}
