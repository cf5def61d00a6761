/** The workflow machines' public names. The registry (`workflows`) is what the engine reads. */
export * from './workflow';
export * from './registry';
export { registrationMachine, registrationWorkflow } from './registration.machine';
export { coverageMachine, coverageWorkflow } from './coverage.machine';
export { schedulingMachine, schedulingWorkflow } from './scheduling.machine';
export { roomPrepMachine, roomPrepWorkflow } from './room-prep.machine';
