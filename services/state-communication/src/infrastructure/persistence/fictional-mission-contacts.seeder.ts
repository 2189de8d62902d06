import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { serviceSchemaOf } from '@reprisals/persistence';
import { FICTIONAL_STATES, fictionalStatesAdmitted } from '@reprisals/un-states';
import { STATE_COMMUNICATION_DATA_SOURCE } from './state-communication-data-source';

/**
 * Demo mode: the fictional States' Permanent Missions get the same placeholder addresses as
 * every State's at first (example.org), so that letters to them leave. Nothing outside demo mode.
 */
@Injectable()
export class FictionalMissionContactsSeeder implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!fictionalStatesAdmitted()) return;
    await this.dataSource.query(
      `INSERT INTO "${serviceSchemaOf(this.dataSource)}"."mission_contact" ("state_code", "email", "placeholder", "updated_at")
       SELECT code, 'permanent-mission.' || lower(code) || '@example.org', TRUE, $2 FROM unnest($1::text[]) AS code
       ON CONFLICT ("state_code") DO NOTHING`,
      [FICTIONAL_STATES.map((state) => state.alpha3), this.clock.now()],
    );
  }
}
