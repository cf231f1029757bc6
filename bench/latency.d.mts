export declare const SMTP_GREETING_DELAY_MS: number;
export declare const ROUND_TRIPS: { token: number; smtpBeforeAuth: number; auth: number };
export declare function protocolMinimumMs(rttMs: number): number;
export declare function benchLatency(opts: { runs: number; rttMs: number; log?: (s: string) => void }): Promise<unknown>;
export declare function startFarSide(dataDir: string, rttMs: number, flags?: string[]): Promise<{ line: string; far: Record<string, unknown>; command(cmd: string): Promise<Record<string, unknown>>; stop(): Promise<void> }>;
