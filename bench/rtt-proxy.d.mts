export declare function startRttProxy(opts: { targetPort: number; rttMs: number; port?: number }): Promise<{ port: number; readonly connections: number; close(): Promise<void> }>;
export declare function calibrate(rttMs: number, pings?: number): Promise<{ rttMs: number; connectPlusFirstEchoMs: number }>;
