export declare const SMTP_GREETING_DELAY_MS: number;
export declare const ROUND_TRIPS: { token: number; smtpBeforeAuth: number; auth: number };
export declare function protocolMinimumMs(rttMs: number): number;
export declare function benchLatency(opts: { runs: number; rttMs: number; log?: (s: string) => void }): Promise<unknown>;
