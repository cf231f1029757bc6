export declare function writeProfileStore(opts: { dataDir: string; count: number; withReports?: boolean }): string[];
