export {
  CMEK_USER_ROLE,
  GcpEncryptionKey,
  MAX_KEY_ROTATION_DAYS,
  type GcpEncryptionKeyProps,
} from './encryption-key';
