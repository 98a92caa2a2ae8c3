import type { Rule } from '../types';

/** The rules every Google Cloud stack is checked against at synth. */
export const GCP_RULES: readonly Rule[] = [];
