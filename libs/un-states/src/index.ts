export * from './un-state';
export * from './un-states';
export * from './fictional-states';
export { parseUnStates, loadUnStates, UnStatesDataError, UN_STATES_DATA_PATH } from './un-states.loader';
export * from './regional-groups';
export * from './hrc-membership';
