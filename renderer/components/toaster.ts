/** The one Toaster the shell renders; screens raise toasts on it by this id. */
export const TOASTER_ID = 'wizard-toaster';
