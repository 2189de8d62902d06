import { Module, type DynamicModule } from '@nestjs/common';
import { DemoClock } from './demo-clock';
import { DemoClockController } from './demo-clock.controller';

/** What a process in demo mode adds: the routes of its movable clock. */
@Module({})
export class DemoModule {
  static forRoot(clock: DemoClock): DynamicModule {
    return {
      module: DemoModule,
      controllers: [DemoClockController],
      providers: [{ provide: DemoClock, useValue: clock }],
    };
  }
}
