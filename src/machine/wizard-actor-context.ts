import { createActorContext } from '@xstate/react';
import { wizardMachine } from './wizard-machine';

/** The one wizard actor, provided to the React tree and read with selectors. */
export const WizardActorContext = createActorContext(wizardMachine);
