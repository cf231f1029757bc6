import { z } from 'zod';
import { DiagnosticReportSchema } from '../diagnostic-report';
import { SETUP_STEPS } from '../steps';
import { MailboxSchema } from '../validators';
import { defineCalls } from './define';
import { ProfileIdSchema } from './profiles';

export const verificationCalls = defineCalls({
  /**
   * Runs the diagnosis for a stored profile, its secret taken from the keychain in main.
   * `steps` limits it to one wizard step's checks; a full run (no `steps`) is saved as the
   * profile's last verification. `sendTo` also sends a test mail from the mailbox.
   */
  diagnoseProfile: {
    input: z
      .object({
        profileId: ProfileIdSchema,
        steps: z.array(z.enum(SETUP_STEPS)).min(1).optional(),
        sendTo: MailboxSchema.optional(),
      })
      .strict(),
    output: DiagnosticReportSchema,
  },
});
