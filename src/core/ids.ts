/** Identifiers used across the core. Plain strings with names that say what they identify. */
export type PersonId = string;
export type UnitId = string;
export type InstanceId = string;
export type StepId = string;
/** One activation of a step in an instance: `<stepId>#<n>`; a step returned to runs again with a new id. */
export type RunId = string;
/**
 * Where a command came from: a chat platform's id (as its adapter registers it), `cli` for the
 * admin command line, `system` for timers and other work of the service itself.
 */
export type Channel = string;
