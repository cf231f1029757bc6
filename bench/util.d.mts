export declare const root: string;
export declare function nodeJson(args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<unknown>;
export interface Summary { median: number; min: number; max: number; n: number }
export declare function summarize(xs: number[]): Summary;
