/**
 * The practice ISE's scenarios (issue 15, item 5): a healthy 3.4 P4 deployment, and one fault
 * each. The emulator in electron/practice/ise plays them; `--scenario` and the tests pick them by name.
 */
export const ISE_PRACTICE_SCENARIOS = ['healthy', 'unpatched', 'openapi-off', 'ers-off', 'wrong-password', 'csrf', 'cas-present', 'guest-sender'] as const;
export type IsePracticeScenario = (typeof ISE_PRACTICE_SCENARIOS)[number];

export function isIsePracticeScenario(value: string): value is IsePracticeScenario {
  return (ISE_PRACTICE_SCENARIOS as readonly string[]).includes(value);
}

/** What each scenario is, in a trainee's words (English, for the CLI and tests). */
export const ISE_SCENARIO_NOTES: Record<IsePracticeScenario, string> = {
  healthy: 'ISE 3.4 Patch 4, four nodes (primary and secondary PAN/MnT, two PSNs), both APIs on; the Microsoft CAs are missing from the trusted store.',
  unpatched: 'ISE 3.3 without Patch 8 (Patch 6 installed): MS Exchange Online OAuth is not available yet.',
  'openapi-off': 'OpenAPI is disabled under API Settings; ERS answers.',
  'ers-off': 'ERS is disabled under API Settings (its port is closed); OpenAPI answers.',
  'wrong-password': 'The admin password given is not the account\'s: both APIs answer 401.',
  csrf: 'ERS has "Enable CSRF Check for Enhanced Security" on: every ERS call needs a fetched token.',
  'cas-present': 'Everything healthy and the Microsoft CAs are already trusted: nothing to import.',
  'guest-sender': "Guest Email Settings' default From address is not the sender mailbox.",
};
