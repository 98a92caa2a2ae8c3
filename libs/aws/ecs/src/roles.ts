import { serviceRole } from '@platform/aws-common';

/** Re-exported from aws-common, where the delivery family shares it. */
export { serviceRole };
