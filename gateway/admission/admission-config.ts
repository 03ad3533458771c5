import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import { loadConfig, settings, type ConfigOf } from '../../lib/config';
import type { Logger } from '../../lib/logging';
import { CallerBudgets } from '../budgets/caller-budgets';
import type { CostModel } from '../cost/cost-model';
import { readManifest } from '../documents/manifest';
import { TrustedDocuments } from '../documents/trusted-documents';
import type { Admission } from './admission-plugin';

/** The settings of what any one caller may ask: limits, demand control, budgets, trusted documents. */
export const ADMISSION_SETTINGS = {
  admissionChecks: settings.admissionChecks,
  operationMaxDepth: settings.operationMaxDepth,
  operationMaxAliases: settings.operationMaxAliases,
  operationMaxRootFields: settings.operationMaxRootFields,
  operationMaxTokens: settings.operationMaxTokens,
  requestMaxBytes: settings.requestMaxBytes,
  operationMaxDirectives: settings.operationMaxDirectives,
  operationMaxFragmentSpreads: settings.operationMaxFragmentSpreads,
  operationMaxFields: settings.operationMaxFields,
  costMode: settings.costMode,
  costMaxPerOperation: settings.costMaxPerOperation,
  costDefaultListSize: settings.costDefaultListSize,
  budgetWindowSeconds: settings.budgetWindowSeconds,
  budgetMultiplier: settings.budgetMultiplier,
  trustedDocuments: settings.trustedDocuments,
  trustedDocumentsManifest: settings.trustedDocumentsManifest,
};

export type AdmissionConfig = ConfigOf<typeof ADMISSION_SETTINGS>;

/** The defaults, for callers (tests) that set nothing. */
export const admissionDefaults = (): AdmissionConfig => loadConfig(ADMISSION_SETTINGS, {});

export interface AdmissionSetUp {
  config: AdmissionConfig;
  /** The cost weights (`@cost`, `@listSize`) of the supergraph a request was validated against. */
  costModelFor(schema: GraphQLSchema): CostModel;
  /** Development or production (LT_MODE): trusted documents are enforced by default in production. */
  mode: 'development' | 'production';
  redis?: Redis | null;
  redisKeyPrefix?: string;
  logger: Logger;
}

/** Everything admission needs, made from its settings and the supergraph (which declares the costs). */
export function createAdmission({ config, costModelFor, mode, redis, redisKeyPrefix, logger }: AdmissionSetUp): Admission {
  return {
    limits: {
      maxDepth: config.operationMaxDepth,
      maxAliases: config.operationMaxAliases,
      maxRootFields: config.operationMaxRootFields,
      maxTokens: config.operationMaxTokens,
      maxDirectives: config.operationMaxDirectives,
      maxFragmentSpreads: config.operationMaxFragmentSpreads,
      maxFields: config.operationMaxFields,
    },
    cost: { mode: config.costMode, maxPerOperation: config.costMaxPerOperation, defaultListSize: config.costDefaultListSize, modelFor: costModelFor },
    budgets: new CallerBudgets({ windowSeconds: config.budgetWindowSeconds, multiplier: config.budgetMultiplier, redis, keyPrefix: redisKeyPrefix, logger }),
    documents: new TrustedDocuments(
      readManifest(path.resolve(config.trustedDocumentsManifest)),
      config.trustedDocuments ?? (mode === 'production' ? 'enforce' : 'log'),
      logger,
    ),
    logger,
  };
}
