export { policyDocument, denyInsecureTransport, type Statement } from './policy-document';
export { EncryptionKey, logsKeyStatement, type EncryptionKeyProps } from './encryption-key';
export { EncryptedLogGroup, type EncryptedLogGroupProps } from './log-group';
export { SecureBucket, type SecureBucketProps } from './secure-bucket';
