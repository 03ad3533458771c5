export { contentText, kindText, readText, textList, textValue, type RecordContent } from './record-text';
export { newSignerId, sealBatch, sealHolds, type BatchSeal } from './seal';
export { checkpointHolds, checkpointLine, parseCheckpointLine, signCheckpoint, type ChainHead, type Checkpoint } from './checkpoint';
export { appendCheckpoint, checkpointDirectory, readCheckpoints, CHECKPOINT_FILE_SUFFIX, type CheckpointDirectory, type FiledCheckpoint } from './checkpoint-files';
export { devAuditPublicKeyFile, ensureDevAuditKeys } from './audit-keys';
