export interface LabProcess {
  sipUrl: string;
  apiUrl: string;
  pid: number;
  /** Everything the lab printed so far (its banner with the demo accounts, logs). */
  output(): string;
  stop(): Promise<void>;
}
/** Runs dist/lab/main.js and resolves once it printed `LAB_READY`. */
export function startLabProcess(root: string, options?: { args?: string[]; echo?: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<LabProcess>;
