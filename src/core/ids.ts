/** Identifiers used across the core. Plain strings with names that say what they identify. */
export type PersonId = string;
export type UnitId = string;
export type InstanceId = string;
export type StepId = string;
/** One activation of a step in an instance: `<stepId>#<n>`; a step returned to runs again with a new id. */
export type RunId = string;
export type Channel = 'telegram' | 'slack' | 'cli' | 'system';
