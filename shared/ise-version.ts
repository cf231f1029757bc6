/**
 * ISE versions that support "MS Exchange Online OAuth" for SMTP (DESIGN §2): 3.2 P8, 3.3 P8,
 * 3.4 P4, 3.5 P1 or later. 3.6 and later have it from the start; 3.1 and older never will.
 * One rule for the diagnostics (free text a profile or the CLI holds) and the wizard's picker.
 */

/** The release trains whose OAuth support came with a patch: the picker offers exactly these. */
export const ISE_TRAINS = ['3.2', '3.3', '3.4', '3.5'] as const;
export type IseTrain = (typeof ISE_TRAINS)[number];

/** The first patch of each train that sends mail with OAuth. */
export const MINIMUM_PATCH: Readonly<Record<IseTrain, number>> = { '3.2': 8, '3.3': 8, '3.4': 4, '3.5': 1 };

export interface IseVersion {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Reads what engineers type or copy from ISE: "3.3 P8", "3.3 patch 8", "3.3.0.430 P8",
 * "3.3P8", "Version 3.4.0.608 Patch 4", "3.4". Returns null when no major.minor is found.
 */
export function parseIseVersion(text: string): IseVersion | null {
  const version = /(\d+)\.(\d+)(?:\.\d+)*/.exec(text);
  if (!version) return null;
  const rest = text.slice(version.index + version[0].length);
  const patch = /(?:^|[^a-z])(?:p|patch)\s*-?\s*(\d+)/i.exec(rest);
  return { major: Number(version[1]), minor: Number(version[2]), patch: patch ? Number(patch[1]) : 0 };
}

/** The minimum patch for this major.minor, 0 when any patch works, null when unsupported outright. */
export function minimumPatch(v: IseVersion): number | null {
  if (v.major > 3 || (v.major === 3 && v.minor >= 6)) return 0;
  if (v.major < 3 || v.minor < 2) return null;
  return MINIMUM_PATCH[`${v.major}.${v.minor}` as IseTrain] ?? null;
}

/** True when this ISE can do OAuth for SMTP. */
export function iseSupportsOAuthSmtp(v: IseVersion): boolean {
  const min = minimumPatch(v);
  return min !== null && v.patch >= min;
}

/** "3.3 P8": how the report names the minimum for a version's release train. */
export function requiredIseVersion(v: IseVersion): string {
  const min = minimumPatch(v);
  if (min === null) return '3.2 P8';
  return min === 0 ? `${v.major}.${v.minor}` : `${v.major}.${v.minor} P${min}`;
}

/** The picker's verdict: unknown until a train is picked, else supported or not and the patch needed. */
export type IseVerdict = { state: 'unknown' } | { state: 'supported' | 'unsupported'; required: string };

/** Splits a stored "3.3 P8" into the picker's train and patch; a version the picker does not offer is unknown. */
export function splitIseVersion(text: string): { train: IseTrain | ''; patch: number } {
  const v = parseIseVersion(text);
  const train = v ? `${v.major}.${v.minor}` : '';
  if (!v || !(ISE_TRAINS as readonly string[]).includes(train)) return { train: '', patch: 0 };
  return { train: train as IseTrain, patch: v.patch };
}

/** "3.3 P8" (or "3.3" for patch 0): the form the profile stores and ISE's own wording. */
export function joinIseVersion(train: IseTrain, patch: number): string {
  return patch > 0 ? `${train} P${patch}` : train;
}

/** Whether this train and patch can send mail with OAuth, and which patch is needed: the same rule as the diagnostics. */
export function iseVerdict(train: IseTrain | '', patch: number): IseVerdict {
  if (!train) return { state: 'unknown' };
  const [major, minor] = train.split('.').map(Number) as [number, number];
  const v = { major, minor, patch };
  return { state: iseSupportsOAuthSmtp(v) ? 'supported' : 'unsupported', required: requiredIseVersion(v) };
}
