import { z } from 'zod';
import { FINDING_CODES, type FindingCode } from '../findings';
import { PRACTICE_SCENARIOS } from '../practice';
import { RouteSchema } from '../diagnostic-report';
import { defineCalls } from './define';
import { ProfileViewSchema } from './profiles';

export const PracticeScenarioSchema = z.enum(PRACTICE_SCENARIOS);

/** The practice tenant as the wizard sees it: whether it runs, which scenario, and the catalogue. */
export const PracticeStatusSchema = z.object({
  active: z.boolean(),
  scenario: PracticeScenarioSchema.optional(),
  scenarios: z.array(
    z.object({
      name: PracticeScenarioSchema,
      /** The finding a correct diagnosis produces (null: healthy). */
      expect: z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]).nullable(),
      route: RouteSchema,
    }),
  ),
});
export type PracticeStatus = z.infer<typeof PracticeStatusSchema>;

export const practiceCalls = defineCalls({
  /** Is the built-in practice tenant running here, and with which scenario. */
  practiceStatus: { input: z.object({}).strict(), output: PracticeStatusSchema },
  /** Switches the scenario live (a trainee sees each failure and its fix). */
  practiceSetScenario: { input: z.object({ scenario: PracticeScenarioSchema }).strict(), output: PracticeStatusSchema },
  /**
   * Creates (or refreshes) the "Practice tenant" profile with the practice credentials for the
   * current scenario; the practice secret goes to the vault in main and never to the renderer.
   */
  practiceProfile: { input: z.object({}).strict(), output: ProfileViewSchema },
});
