export interface GuestLogRow { seconds: number; mbPerSecond: number; rssMb: number | null; note: string }
export declare function parseGuestLogOutput(text: string): { rows: Record<string, GuestLogRow>; fileMb: number | null; goal: string | null };
export declare const SWEEP: number[];
export declare function benchGuestLog(opts: { sizeMb: number; sweepMb: number; runs: number; log?: (s: string) => void }): Promise<unknown>;
export declare function guestLogRows(result: unknown): unknown[];
