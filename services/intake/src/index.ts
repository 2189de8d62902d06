export { IntakeModule } from './intake.module';
export { INTAKE_SCHEMA } from './infrastructure/persistence/intake-data-source';
