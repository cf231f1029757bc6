/** The wizard's steps, in the order a field engineer does them (DESIGN §2). */
export const SETUP_STEPS = ['mailbox', 'app-registration', 'service-principal', 'ise', 'network'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** The screens of the wizard: the four parts, then the full verification. */
export const WIZARD_SCREENS = ['mailbox', 'app-registration', 'service-principal', 'ise', 'verify'] as const;
export type WizardScreen = (typeof WIZARD_SCREENS)[number];
